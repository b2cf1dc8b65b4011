import { describe, expect, it } from 'vitest';
import { businessDay, localParts } from '../../shared/businessDay';
import { estimateWaitMinutes, meanServiceMinutes } from '../../shared/eta';
import { formatTicketNumber, nextSequence } from '../../shared/numbering';
import { isOpenAt } from '../../shared/openingHours';

describe('pure queue rules', () => {
  it('business day in Asia/Ho_Chi_Minh with a boundary', () => {
    expect(businessDay(Date.UTC(2026, 10, 23, 16, 59), 'Asia/Ho_Chi_Minh', 0)).toBe('2026-11-23');
    expect(businessDay(Date.UTC(2026, 10, 23, 17, 0), 'Asia/Ho_Chi_Minh', 0)).toBe('2026-11-24');
    expect(businessDay(Date.UTC(2026, 10, 23, 20, 0), 'Asia/Ho_Chi_Minh', 240)).toBe('2026-11-23');
    expect(localParts(Date.UTC(2026, 10, 23, 1, 0), 'Asia/Ho_Chi_Minh')).toMatchObject({ hour: 8, weekday: 1 });
  });

  it('numbers and ranges', () => {
    expect(formatTicketNumber('A', 7, 999)).toBe('A007');
    expect(formatTicketNumber('B', 7, 9999)).toBe('B0007');
    expect(nextSequence(null, 100, 200)).toBe(100);
    expect(nextSequence(150, 100, 200)).toBe(151);
    expect(() => nextSequence(200, 100, 200)).toThrow();
  });

  it('opening hours', () => {
    const hours = [{ days: [1, 2, 3, 4, 5], from: '07:30', to: '11:30' }];
    const at = (weekday: number, hour: number, minute: number) => ({ year: 2026, month: 1, day: 1, weekday, hour, minute });
    expect(isOpenAt(hours, at(1, 7, 30))).toBe(true);
    expect(isOpenAt(hours, at(1, 11, 30))).toBe(false);
    expect(isOpenAt(hours, at(6, 9, 0))).toBe(false);
    expect(isOpenAt([], at(7, 3, 0))).toBe(true);
  });

  it('ETA scales with people ahead and capacity', () => {
    expect(estimateWaitMinutes({ ahead: 0, meanServiceMinutes: 12, capacity: 1, idleCounters: 1 })).toBe(0);
    expect(estimateWaitMinutes({ ahead: 4, meanServiceMinutes: 12, capacity: 1, idleCounters: 0 })).toBe(54);
    expect(estimateWaitMinutes({ ahead: 4, meanServiceMinutes: 12, capacity: 2, idleCounters: 0 })).toBe(27);
    expect(meanServiceMinutes([], 12)).toBe(12);
    expect(meanServiceMinutes(Array(10).fill(6 * 60_000), 12)).toBe(6);
  });
});
