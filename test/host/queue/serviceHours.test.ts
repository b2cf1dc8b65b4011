import { describe, expect, it } from 'vitest';
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
    expect(nextOpening(hours, at(1, 6, 0))).toEqual({ daysAhead: 0, weekday: 1, time: '07:30' });
    expect(nextOpening(hours, at(1, 12, 0))).toEqual({ daysAhead: 0, weekday: 1, time: '13:30' });
    expect(nextOpening(hours, at(1, 13, 30))).toEqual({ daysAhead: 1, weekday: 2, time: '07:30' });
    expect(nextOpening(hours, at(6, 12, 0))).toEqual({ daysAhead: 2, weekday: 1, time: '07:30' });
    expect(nextOpening(hours, at(7, 9, 0))).toEqual({ daysAhead: 1, weekday: 1, time: '07:30' });
    expect(nextOpening([], at(1, 3, 0))).toBeNull();
  });

  it('the kiosk list says when each service closed for its hours opens; nothing for an open one', () => {
    const clock = new FakeClock(hanoi(23, 6, 45));
    const { queue } = tempQueue({ clock, alwaysOpen: false });
    const hoursOf = () => queue.views.listServices().map((s) => [s.closedReason, s.opensNext]);
    expect(new Set(hoursOf().map((x) => JSON.stringify(x)))).toEqual(new Set([JSON.stringify(['hours', { daysAhead: 0, weekday: 1, time: '07:30' }])]));
    clock.t = hanoi(23, 9, 0);
    expect(queue.views.listServices().every((s) => s.openNow && s.opensNext === null)).toBe(true);
    clock.t = hanoi(28, 12, 0); // Saturday after the morning session
    expect(queue.views.listServices()[0]?.opensNext).toEqual({ daysAhead: 2, weekday: 1, time: '07:30' });
  });
});
