// The appointment slot plan (#30): each opening session cut into the rule's slots, none across the
// lunch break, none on a holiday or a closed weekday, none for a service with no hours at all.
import { describe, expect, it } from 'vitest';
import type { AppointmentRule } from '../../shared/bookingProtocol';
import { bookableDays, slotsOfDay, upcomingSlots, weekdayOf } from '../../shared/slotPlan';

const TZ = 'Asia/Ho_Chi_Minh';
const rule: AppointmentRule = { serviceId: 7, enabled: true, slotMinutes: 20, capacity: 3, daysAhead: 2, hubShare: 2 };
const HOURS = [
  { days: [1, 2, 3, 4, 5], from: '07:30', to: '11:30' },
  { days: [1, 2, 3, 4, 5], from: '13:30', to: '17:00' },
  { days: [6], from: '07:30', to: '11:30' },
];
/** Hà Nội wall time (UTC+7, no DST). */
const hn = (day: string, hh: number, mm: number) => Date.parse(`${day}T00:00:00Z`) + (hh - 7) * 3600_000 + mm * 60_000;
const clock = (s: { start: number }) => new Date(s.start + 7 * 3600_000).toISOString().slice(11, 16);

describe('slotsOfDay', () => {
  it('cuts each session into whole slots: 12 in the morning, 10 in the afternoon (16:50 would run past 17:00)', () => {
    const slots = slotsOfDay(rule, HOURS, [], '2026-11-23', TZ);
    expect(slots).toHaveLength(12 + 10);
    expect(slots.slice(0, 3).map(clock)).toEqual(['07:30', '07:50', '08:10']);
    expect(clock(slots[11]!)).toBe('11:10');
    expect(clock(slots[12]!)).toBe('13:30');
    expect(clock(slots[21]!)).toBe('16:30');
    expect(slots[0]).toEqual({ serviceId: 7, start: hn('2026-11-23', 7, 30), minutes: 20, day: '2026-11-23' });
  });

  it('follows the weekday: Saturday morning only, nothing on Sunday', () => {
    expect(weekdayOf('2026-11-28')).toBe(6);
    expect(slotsOfDay(rule, HOURS, [], '2026-11-28', TZ)).toHaveLength(12);
    expect(slotsOfDay(rule, HOURS, [], '2026-11-29', TZ)).toEqual([]);
  });

  it('offers nothing on a holiday, when the rule is off, or for a service open "at any time"', () => {
    expect(slotsOfDay(rule, HOURS, ['2026-11-23'], '2026-11-23', TZ)).toEqual([]);
    expect(slotsOfDay({ ...rule, enabled: false }, HOURS, [], '2026-11-23', TZ)).toEqual([]);
    expect(slotsOfDay(rule, [], [], '2026-11-23', TZ)).toEqual([]);
  });

  it('offers a start once when two windows overlap', () => {
    const twice = [...HOURS, { days: [1], from: '07:30', to: '08:30' }];
    const slots = slotsOfDay(rule, twice, [], '2026-11-23', TZ);
    expect(new Set(slots.map((s) => s.start)).size).toBe(slots.length);
    expect(slots).toHaveLength(22);
  });
});

describe('upcomingSlots', () => {
  it('from now on through daysAhead, across a month end, leaving out slots already begun', () => {
    expect(bookableDays('2026-11-30', 2)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']);
    const now = hn('2026-11-30', 16, 35);
    const slots = upcomingSlots(rule, HOURS, ['2026-12-01'], '2026-11-30', now, TZ);
    // Today only 16:50 would be left, but it runs past 17:00; tomorrow is a holiday; Wednesday is whole.
    expect(slots.every((s) => s.start > now)).toBe(true);
    expect(new Set(slots.map((s) => s.day))).toEqual(new Set(['2026-12-02']));
    expect(slots).toHaveLength(22);
  });
});
