import { describe, expect, it } from 'vitest';
import { HolidayList, ServiceInput } from '../../shared/api/adminSchemas';
import { localParts } from '../../shared/businessDay';
import { fromWeek, hoursProblems, isIsoDate, isOpenAt, nextOpening, sameHours, toWeek } from '../../shared/openingHours';

const OFFICE = [
  { days: [1, 2, 3, 4, 5], from: '07:30', to: '11:30' },
  { days: [1, 2, 3, 4, 5], from: '13:30', to: '17:00' },
  { days: [6], from: '07:30', to: '11:30' },
];
// Real office-local moments (Hà Nội, UTC+7), so weekday and date agree as they do on the host.
const hanoi = (y: number, m: number, d: number, h: number, min = 0) => localParts(Date.UTC(y, m - 1, d, h - 7, min), 'Asia/Ho_Chi_Minh');

describe('office holidays', () => {
  it('a holiday closes every service that day, hours or not, and only that day', () => {
    // 2026-09-02 (Wednesday): National Day.
    expect(isOpenAt(OFFICE, hanoi(2026, 9, 2, 9))).toBe(true);
    expect(isOpenAt(OFFICE, hanoi(2026, 9, 2, 9), ['2026-09-02'])).toBe(false);
    expect(isOpenAt([], hanoi(2026, 9, 2, 3), ['2026-09-02'])).toBe(false);
    expect(isOpenAt(OFFICE, hanoi(2026, 9, 3, 9), ['2026-09-02'])).toBe(true);
  });

  it('Saturday noon with Monday a holiday: the next opening is Tuesday morning, not Monday', () => {
    const sat = hanoi(2026, 8, 29, 12); // Saturday after the morning session
    expect(nextOpening(OFFICE, sat)).toEqual({ daysAhead: 2, weekday: 1, date: '2026-08-31', time: '07:30' });
    expect(nextOpening(OFFICE, sat, ['2026-08-31'])).toEqual({ daysAhead: 3, weekday: 2, date: '2026-09-01', time: '07:30' });
  });

  it('a holiday run across the year end (31 Dec – 2 Jan) opens on the first working day of the new year', () => {
    const wed = hanoi(2026, 12, 30, 17, 30); // Wednesday after closing
    const days = ['2026-12-31', '2027-01-01', '2027-01-02'];
    // Thu 31, Fri 1 and Sat 2 closed, Sunday has no hours: Monday 4 January.
    expect(nextOpening(OFFICE, wed, days)).toEqual({ daysAhead: 5, weekday: 1, date: '2027-01-04', time: '07:30' });
    expect(isOpenAt(OFFICE, hanoi(2027, 1, 1, 9), days)).toBe(false);
    expect(isOpenAt(OFFICE, hanoi(2027, 1, 4, 9), days)).toBe(true);
  });

  it('during a holiday morning the rest of that day is skipped too', () => {
    expect(nextOpening(OFFICE, hanoi(2026, 9, 2, 6), ['2026-09-02'])).toMatchObject({ daysAhead: 1, date: '2026-09-03', time: '07:30' });
  });

  it('a service with no hour limit is closed only on the holiday and opens at the next midnight', () => {
    expect(nextOpening([], hanoi(2026, 9, 2, 9))).toBeNull();
    expect(nextOpening([], hanoi(2026, 9, 2, 9), ['2026-09-02'])).toEqual({ daysAhead: 1, weekday: 4, date: '2026-09-03', time: '00:00' });
  });

  it('holiday dates are checked at the boundary: real dates, each once', () => {
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(HolidayList.safeParse(['2026-12-31', '2027-01-01']).success).toBe(true);
    const bad = HolidayList.safeParse(['2026-13-01', '2026-09-02', '2026-09-02']);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toEqual(['ngày nghỉ không hợp lệ: 2026-13-01 (YYYY-MM-DD)', 'ngày nghỉ bị trùng: 2026-09-02']);
  });
});

describe('the week as the admin edits it', () => {
  it('stored windows load per day and go back grouped as before (nothing changes on a save without edits)', () => {
    const week = toWeek(OFFICE);
    expect(week[0]).toEqual([{ from: '07:30', to: '11:30' }, { from: '13:30', to: '17:00' }]);
    expect(week[5]).toEqual([{ from: '07:30', to: '11:30' }]);
    expect(week[6]).toEqual([]);
    expect(sameHours(fromWeek(week), OFFICE)).toBe(true);
    expect(fromWeek(week)).toEqual([
      { days: [1, 2, 3, 4, 5, 6], from: '07:30', to: '11:30' },
      { days: [1, 2, 3, 4, 5], from: '13:30', to: '17:00' },
    ]);
  });

  it('from before to, no overlap, at most two sessions a day: refused with the day named', () => {
    expect(hoursProblems(OFFICE)).toEqual([]);
    const bad = [
      { days: [1], from: '11:30', to: '07:30' },
      { days: [2], from: '07:30', to: '12:00' },
      { days: [2], from: '11:00', to: '17:00' },
      { days: [3], from: '07:00', to: '08:00' },
      { days: [3], from: '09:00', to: '10:00' },
      { days: [3], from: '13:00', to: '14:00' },
    ];
    expect(hoursProblems(bad).map((p) => [p.kind, p.weekday])).toEqual([
      ['order', 1],
      ['overlap', 2],
      ['tooMany', 3],
    ]);
    const refused = ServiceInput.safeParse({ id: 1, hours: bad });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.message)).toEqual([
      'Thứ Hai: giờ mở phải trước giờ đóng (11:30–07:30)',
      'Thứ Ba: buổi 11:00–17:00 trùng với buổi 07:30–12:00',
      'Thứ Tư: tối đa 2 buổi (đang có 3)',
    ]);
    // A time that is not HH:MM (24-hour) is named before anything else about that day.
    expect(hoursProblems([[{ from: '7:30', to: '11:30' }], [], [], [], [], [], []])).toEqual([{ kind: 'time', weekday: 1, time: '7:30' }]);
    // Back to back is not an overlap.
    expect(hoursProblems([{ days: [1], from: '07:30', to: '11:30' }, { days: [1], from: '11:30', to: '17:00' }])).toEqual([]);
  });
});
