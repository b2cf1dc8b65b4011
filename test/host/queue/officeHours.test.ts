import { describe, expect, it } from 'vitest';
import { OfficeAdmin } from '../../../electron/host/admin/officeAdmin';
import { OfficePatch, ServiceInput } from '../../../shared/api/adminSchemas';
import type { OpeningWindow } from '../../../shared/domain';
import { FakeClock, tempQueue } from '../../helpers/tempHost';

// Office-wide hours (#28 point 4) on a real SQLite file. Hà Nội is UTC+7; 2026-11-23 is a Monday.
// The sample ward keeps Mon–Fri 07:30–11:30 and 13:30–17:00, Sat 07:30–11:30 as the office's hours.
const hanoi = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour - 7, minute);
const THROUGH_LUNCH: OpeningWindow[] = [
  { days: [1, 2, 3, 4, 5], from: '07:30', to: '17:00' },
  { days: [6], from: '07:30', to: '11:30' },
];

function office(at: number) {
  const clock = new FakeClock(at);
  const { queue } = tempQueue({ clock, alwaysOpen: false });
  return { clock, queue, admin: new OfficeAdmin(queue) };
}
const byCode = (q: ReturnType<typeof office>['queue'], code: string) => q.views.listServices().find((s) => s.code === code)!;

describe('office hours that services follow', () => {
  it('a service without its own hours follows the office: closed over lunch (reopening at 13:30), open through lunch once the office is', () => {
    const { queue, admin } = office(hanoi(23, 12, 0)); // Monday 12:00
    expect(admin.office().hours).not.toHaveLength(0);
    for (const s of queue.views.listServices()) {
      expect(s.hours).toEqual([]); // none has hours of its own
      expect(s.closedReason).toBe('hours');
      expect(s.opensNext).toEqual({ daysAhead: 0, weekday: 1, date: '2026-11-23', time: '13:30', afterBreak: true });
      expect(s.hoursToday).toBe('07:30–11:30, 13:30–17:00');
    }
    expect(queue.views.display().reopens).toEqual({ daysAhead: 0, weekday: 1, date: '2026-11-23', time: '13:30', afterBreak: true });
    expect(() => queue.issuer.issue({ serviceId: byCode(queue, 'HT').id })).toThrow();

    admin.setOffice(OfficePatch.parse({ hours: THROUGH_LUNCH }));
    expect(queue.views.listServices().every((s) => s.openNow && s.opensNext === null && s.hoursToday === '07:30–17:00')).toBe(true);
    expect(queue.views.display().reopens).toBeNull();
    expect(queue.issuer.issue({ serviceId: byCode(queue, 'HT').id }).number).toBe('A001');
  });

  it('a service with its own hours keeps them whatever the office changes', () => {
    const { queue, admin } = office(hanoi(23, 12, 0));
    const ht = byCode(queue, 'HT');
    const own: OpeningWindow[] = [{ days: [1, 2, 3, 4, 5], from: '07:00', to: '12:30' }];
    admin.saveService(ServiceInput.parse({ id: ht.id, hours: own }));
    expect(byCode(queue, 'HT')).toMatchObject({ hours: own, openNow: true, hoursToday: '07:00–12:30' });
    expect(byCode(queue, 'CT').openNow).toBe(false);
    // The hall is not closed while one service takes numbers.
    expect(queue.views.display().reopens).toBeNull();

    admin.setOffice(OfficePatch.parse({ hours: THROUGH_LUNCH }));
    expect(byCode(queue, 'HT')).toMatchObject({ hours: own, hoursToday: '07:00–12:30' });
    expect(byCode(queue, 'CT')).toMatchObject({ hours: [], openNow: true, hoursToday: '07:30–17:00' });
  });

  it('an office holiday closes every service, its own hours or not; the display names the next working day, not a break', () => {
    const { queue, admin } = office(hanoi(23, 9, 0)); // Monday 09:00
    admin.saveService(ServiceInput.parse({ id: byCode(queue, 'HT').id, hours: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '23:59' }] }));
    admin.setOffice(OfficePatch.parse({ holidays: ['2026-11-23'] }));
    expect(queue.views.listServices().every((s) => s.closedReason === 'hours')).toBe(true);
    expect(queue.views.display().reopens).toEqual({ daysAhead: 1, weekday: 2, date: '2026-11-24', time: '00:00', afterBreak: false });
  });

  it('after closing the display says the next morning; before opening, today’s first session; neither is a break', () => {
    const { queue, clock } = office(hanoi(23, 17, 30)); // Monday 17:30
    expect(queue.views.display().reopens).toEqual({ daysAhead: 1, weekday: 2, date: '2026-11-24', time: '07:30', afterBreak: false });
    clock.t = hanoi(24, 6, 45);
    expect(queue.views.display().reopens).toEqual({ daysAhead: 0, weekday: 2, date: '2026-11-24', time: '07:30', afterBreak: false });
    clock.t = hanoi(24, 9, 0);
    expect(queue.views.display().reopens).toBeNull();
  });

  it('office settings edited twice keep what each edit did not change', () => {
    const { admin } = office(hanoi(23, 9, 0));
    const before = admin.office();
    admin.setOffice(OfficePatch.parse({ hours: THROUGH_LUNCH }));
    expect(admin.office()).toEqual({ ...before, hours: THROUGH_LUNCH });
    admin.setOffice(OfficePatch.parse({ holidays: ['2026-12-24'], marquee: 'Làm việc xuyên trưa' }));
    expect(admin.office()).toEqual({ ...before, hours: THROUGH_LUNCH, holidays: ['2026-12-24'], marquee: 'Làm việc xuyên trưa' });
    admin.setOffice(OfficePatch.parse({ hours: [] }));
    expect(admin.office()).toEqual({ ...before, hours: [], holidays: ['2026-12-24'], marquee: 'Làm việc xuyên trưa' });
  });

  it('office hours that overlap or run backwards are refused with the day named', () => {
    const r = OfficePatch.safeParse({ hours: [{ days: [2], from: '07:30', to: '11:30' }, { days: [2], from: '11:00', to: '17:00' }] });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('Thứ Ba: buổi 11:00–17:00 trùng với buổi 07:30–11:30');
  });
});
