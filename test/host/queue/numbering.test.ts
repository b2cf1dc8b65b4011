import { describe, expect, it } from 'vitest';
import { errorCode } from '../../helpers/errorCode';
import { FakeClock, tempQueue } from '../../helpers/tempHost';

const code = errorCode;

describe('ticket numbering', () => {
  it('numbers per service with the service prefix, zero-padded', () => {
    const { queue } = tempQueue();
    expect(queue.issuer.issue({ serviceId: 1 }).number).toBe('A001');
    expect(queue.issuer.issue({ serviceId: 1 }).number).toBe('A002');
    expect(queue.issuer.issue({ serviceId: 2 }).number).toBe('B001');
    expect(queue.issuer.issue({ serviceId: 1 }).number).toBe('A003');
  });

  it('restarts at the day boundary (00:00 Asia/Ho_Chi_Minh by default)', () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 23, 16, 50)); // 23:50 in Hà Nội
    const { queue } = tempQueue({ clock });
    expect(queue.issuer.issue({ serviceId: 1 }).number).toBe('A001');
    expect(queue.issuer.issue({ serviceId: 1 }).number).toBe('A002');
    clock.minutes(15); // 00:05 next day
    const t = queue.issuer.issue({ serviceId: 1 });
    expect(t.number).toBe('A001');
    expect(t.business_day).toBe('2026-11-24');
  });

  it('honours a configured day boundary', () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 23, 16, 50)); // 23:50 local
    const { queue } = tempQueue({ clock });
    queue.settings.set({ ...queue.settings.get(), dayBoundaryMinutes: 4 * 60 });
    queue.issuer.issue({ serviceId: 1 });
    clock.minutes(60); // 00:50: still the same business day with a 04:00 boundary
    expect(queue.issuer.issue({ serviceId: 1 }).number).toBe('A002');
    clock.minutes(200); // 04:10
    expect(queue.issuer.issue({ serviceId: 1 }).number).toBe('A001');
  });

  it('never reissues a number when the clock jumps backwards', () => {
    const clock = new FakeClock();
    const { queue, db } = tempQueue({ clock });
    for (let i = 0; i < 3; i++) queue.issuer.issue({ serviceId: 1 });
    clock.minutes(-30);
    expect(queue.issuer.issue({ serviceId: 1 }).number).toBe('A004');
    clock.minutes(-24 * 60); // back into yesterday: a different business day, its own sequence
    expect(queue.issuer.issue({ serviceId: 1 }).number).toBe('A001');
    clock.minutes(24 * 60 + 60);
    expect(queue.issuer.issue({ serviceId: 1 }).number).toBe('A005');
    const dupes = db.prepare('SELECT business_day, seq, count(*) n FROM tickets WHERE service_id = 1 GROUP BY 1, 2 HAVING n > 1').all();
    expect(dupes).toEqual([]);
  });

  it('refuses beyond the daily quota with a typed error and writes nothing', () => {
    const { queue, db } = tempQueue();
    db.prepare('UPDATE services SET daily_quota = 2 WHERE id = 1').run();
    queue.issuer.issue({ serviceId: 1 });
    queue.issuer.issue({ serviceId: 1 });
    const before = db.prepare('SELECT count(*) n FROM tickets').get();
    expect(code(() => queue.issuer.issue({ serviceId: 1 }))).toBe('QUOTA_REACHED');
    expect(db.prepare('SELECT count(*) n FROM tickets').get()).toEqual(before);
    expect(queue.views.listServices().find((s) => s.id === 1)?.closedReason).toBe('quota');
  });

  it('uses the configured number range and stops at its end', () => {
    const { queue, db } = tempQueue();
    db.prepare('UPDATE services SET range_start = 100, range_end = 101 WHERE id = 2').run();
    expect(queue.issuer.issue({ serviceId: 2 }).number).toBe('B100');
    expect(queue.issuer.issue({ serviceId: 2 }).number).toBe('B101');
    expect(code(() => queue.issuer.issue({ serviceId: 2 }))).toBe('RANGE_EXHAUSTED');
  });

  it('refuses a closed, inactive or unknown service and an unknown priority group', () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 23, 14, 0)); // Monday 21:00 local
    const { queue, db } = tempQueue({ clock, alwaysOpen: false });
    expect(code(() => queue.issuer.issue({ serviceId: 1 }))).toBe('SERVICE_CLOSED');
    clock.t = Date.UTC(2026, 10, 23, 1, 0); // Monday 08:00 local
    expect(queue.issuer.issue({ serviceId: 1 }).number).toBe('A001');
    db.prepare('UPDATE services SET active = 0 WHERE id = 3').run();
    expect(code(() => queue.issuer.issue({ serviceId: 3 }))).toBe('SERVICE_INACTIVE');
    expect(code(() => queue.issuer.issue({ serviceId: 99 }))).toBe('SERVICE_NOT_FOUND');
    expect(code(() => queue.issuer.issue({ serviceId: 1, priority: 'vip' }))).toBe('PRIORITY_UNKNOWN');
    expect(db.prepare('SELECT count(*) n FROM tickets').get()).toEqual({ n: 1 });
  });
});
