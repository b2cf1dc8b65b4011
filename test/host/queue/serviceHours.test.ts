import { describe, expect, it } from 'vitest';
import { OfficeAdmin } from '../../../electron/host/admin/officeAdmin';
import { OfficePatch } from '../../../shared/api/adminSchemas';
import { nextOpening } from '../../../shared/openingHours';
import { FakeClock, tempQueue } from '../../helpers/tempHost';

// Hà Nội is UTC+7; 2026-11-23 is a Monday. The sample ward: Mon–Fri 07:30–11:30 and 13:30–17:00, Sat 07:30–11:30.
const hanoi = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour - 7, minute);

describe('when a closed service opens again', () => {
  it('the next window start today, tomorrow or after a closed day; null for a service open all hours', () => {
    const hours = [
      { days: [1, 2, 3, 4, 5], from: '13:30', to: '17:00' },
      { days: [1, 2, 3, 4, 5], from: '07:30', to: '11:30' },
      { days: [6], from: '07:30', to: '11:30' },
    ];
    const at = (weekday: number, hour: number, minute = 0) => ({ year: 2026, month: 11, day: 1, weekday, hour, minute });
    expect(nextOpening(hours, at(1, 6, 0))).toEqual({ daysAhead: 0, weekday: 1, date: '2026-11-01', time: '07:30' });
    expect(nextOpening(hours, at(1, 12, 0))).toEqual({ daysAhead: 0, weekday: 1, date: '2026-11-01', time: '13:30' });
    expect(nextOpening(hours, at(1, 13, 30))).toEqual({ daysAhead: 1, weekday: 2, date: '2026-11-02', time: '07:30' });
    expect(nextOpening(hours, at(6, 12, 0))).toEqual({ daysAhead: 2, weekday: 1, date: '2026-11-03', time: '07:30' });
    expect(nextOpening(hours, at(7, 9, 0))).toEqual({ daysAhead: 1, weekday: 1, date: '2026-11-02', time: '07:30' });
    expect(nextOpening([], at(1, 3, 0))).toBeNull();
  });

  it('the kiosk list says when each service closed for its hours opens; nothing for an open one', () => {
    const clock = new FakeClock(hanoi(23, 6, 45));
    const { queue } = tempQueue({ clock, alwaysOpen: false });
    const hoursOf = () => queue.views.listServices().map((s) => [s.closedReason, s.opensNext]);
    expect(new Set(hoursOf().map((x) => JSON.stringify(x)))).toEqual(new Set([JSON.stringify(['hours', { daysAhead: 0, weekday: 1, date: '2026-11-23', time: '07:30', afterBreak: false }])]));
    clock.t = hanoi(23, 9, 0);
    expect(queue.views.listServices().every((s) => s.openNow && s.opensNext === null)).toBe(true);
    clock.t = hanoi(28, 12, 0); // Saturday after the morning session
    expect(queue.views.listServices()[0]?.opensNext).toEqual({ daysAhead: 2, weekday: 1, date: '2026-11-30', time: '07:30', afterBreak: false });
  });
});

describe('office holidays on the host', () => {
  it('a holiday saved in the office settings closes the kiosk list that day and names the next working day', () => {
    const clock = new FakeClock(hanoi(28, 12, 0)); // Saturday 2026-11-28 after the morning session
    const { queue } = tempQueue({ clock, alwaysOpen: false });
    const admin = new OfficeAdmin(queue);
    const before = admin.office();
    admin.setOffice(OfficePatch.parse({ holidays: ['2026-11-30'] }));
    expect(queue.views.listServices()[0]?.opensNext).toEqual({ daysAhead: 3, weekday: 2, date: '2026-12-01', time: '07:30', afterBreak: false });
    // The write changed the holidays and nothing else.
    expect({ ...admin.office(), holidays: [] }).toEqual({ ...before, holidays: [] });
    clock.t = Date.UTC(2026, 10, 30, 9 - 7); // Monday 09:00, the holiday
    expect(queue.views.listServices().every((s) => s.closedReason === 'hours')).toBe(true);
    clock.t = Date.UTC(2026, 11, 1, 9 - 7); // Tuesday 09:00
    expect(queue.views.listServices().every((s) => s.openNow)).toBe(true);
  });
});
