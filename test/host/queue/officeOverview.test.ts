import { describe, expect, it } from 'vitest';
import { OfficeAdmin } from '../../../electron/host/admin/officeAdmin';
import { OfficeOverview } from '../../../electron/host/queue/officeOverview';
import { FakeClock, tempQueue } from '../../helpers/tempHost';

// The manager's overview (#28 point 15) read from a real SQLite file as the queue moves.
describe('the office overview', () => {
  it('each counter’s state, officer, citizen and since when; each line’s waiting, oldest wait and open counters; the wait alerts', () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 23, 1, 0)); // Monday 08:00 in Hà Nội
    const { queue } = tempQueue({ clock });
    const overview = new OfficeOverview(queue);
    const admin = new OfficeAdmin(queue);
    const at = (counterId: number) => ({ counterId, officerId: counterId, admin: false });
    const build = () => overview.build(admin.alerts(queue.now()));

    const t0 = queue.now();
    queue.issuer.issue({ serviceId: 1 });
    clock.minutes(2);
    queue.issuer.issue({ serviceId: 1 });
    let v = build();
    expect(v.counters.map((c) => c.status)).toEqual(['closed', 'closed', 'closed', 'closed']);
    expect(v.lines.find((l) => l.prefix === 'A')).toMatchObject({ waiting: 2, oldestQueuedAt: t0, etaMinutes: null, openCounters: 0 });

    queue.counters.open(1, 1);
    queue.counters.open(2, 2);
    const called = queue.calling.callNext(1, at(1));
    clock.minutes(3);
    queue.counters.pause(2, queue.settings.get().pauseReasons[0]!.code, '', at(2));
    const pausedAt = queue.now();
    clock.minutes(5);
    v = build();
    const c1 = v.counters.find((c) => c.number === 1)!;
    expect(c1).toMatchObject({ status: 'open', current: { number: called.number, state: 'called', since: called.called_at }, pausedSince: null, servedToday: 0 });
    expect(c1.officerName).not.toBeNull();
    expect(v.counters.find((c) => c.number === 2)).toMatchObject({ status: 'paused', current: null, pausedSince: pausedAt, pauseReason: queue.settings.get().pauseReasons[0]!.code });
    // A is served at counter 1 (open) and counter 2 (paused): one open counter, a real estimate.
    expect(v.lines.find((l) => l.prefix === 'A')).toMatchObject({ waiting: 1, openCounters: 1 });
    expect(v.lines.find((l) => l.prefix === 'A')!.etaMinutes).not.toBeNull();
    expect(v.now).toBe(queue.now());

    queue.lifecycle.finish(called.id, at(1));
    clock.minutes(45);
    v = build();
    expect(v.counters.find((c) => c.number === 1)).toMatchObject({ current: null, servedToday: 1 });
    expect(v.alerts.map((a) => a.number)).toEqual(['A002']);
  });
});
