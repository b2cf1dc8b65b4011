import { afterEach, describe, expect, it } from 'vitest';
import type { QueueEvent } from '../../../shared/api/events';
import type { Host } from '../../../electron/host/host';
import { ReportQueries } from '../../../electron/host/reports/reportQuery';
import { SHELL_CALLER, pinOf } from '../../helpers/devices';
import { errorCode } from '../../helpers/errorCode';
import { FakeClock, STAFF, eventually, tempDir, tempHost, tempQueue } from '../../helpers/tempHost';

// Hà Nội is UTC+7: local 23:40 on Monday 23/11 is 16:40 UTC.
const MONDAY_2340 = Date.UTC(2026, 10, 23, 16, 40);
const MONDAY_1630 = Date.UTC(2026, 10, 23, 9, 30);
const TUESDAY_0000 = Date.UTC(2026, 10, 23, 17, 0);
const TUESDAY_0725 = Date.UTC(2026, 10, 24, 0, 25);

let hosts: Host[] = [];
afterEach(async () => {
  for (const h of hosts) await h.close();
  hosts = [];
});

const states = (host: { queue: { ctx: { ticket(id: string): { state: string } } } }, ids: string[]) => ids.map((id) => host.queue.ctx.ticket(id).state);

describe('close of day', () => {
  it('host up: at the boundary the timer expires what is left, closes the counters, signs officers out, and numbering restarts', async () => {
    const clock = new FakeClock(MONDAY_2340);
    const host = await tempHost({ clock, timeTickMs: 40 });
    hosts.push(host);
    const q = host.queue;
    const seen: QueueEvent[] = [];
    q.onEvent((e) => seen.push(e));
    const s1 = await host.auth.loginStaff(1, 1, pinOf(1), SHELL_CALLER);
    await host.auth.loginStaff(2, 2, pinOf(2), SHELL_CALLER);
    const a1 = q.issuer.issue({ serviceId: 1 });
    const a2 = q.issuer.issue({ serviceId: 1 });
    const a3 = q.issuer.issue({ serviceId: 1 });
    const b1 = q.issuer.issue({ serviceId: 2 });
    const b2 = q.issuer.issue({ serviceId: 2 });
    expect(q.calling.callNext(1, STAFF(1, 1)).id).toBe(a1.id);
    q.lifecycle.park(a1.id, STAFF(1, 1)); // parked: went to fetch a paper
    expect(q.calling.callNext(1, STAFF(1, 1)).id).toBe(a2.id);
    q.lifecycle.start(a2.id, STAFF(1, 1)); // serving at midnight
    expect(q.calling.callNext(2, STAFF(2, 2)).id).toBe(b1.id);
    q.lifecycle.finish(b1.id, STAFF(2, 2));
    expect(q.calling.callNext(2, STAFF(2, 2)).id).toBe(b2.id);
    q.calling.recall(b2.id, STAFF(2, 2)); // a no-show only after a second call (#28 point 13)
    q.lifecycle.skip(b2.id, STAFF(2, 2));
    q.counters.pause(2, 'break', '', STAFF(2, 2));
    const closesBefore = host.db.prepare("SELECT count(*) n FROM events WHERE type = 'day.closed'").get();

    clock.minutes(10); // 23:50: still Monday, nothing happens
    await new Promise((r) => setTimeout(r, 200));
    expect(states(host, [a1.id, a2.id, a3.id])).toEqual(['parked', 'serving', 'waiting']);

    clock.minutes(11); // 00:01 Tuesday
    await eventually(() => q.ctx.ticket(a3.id).state === 'expired');
    expect(states(host, [a1.id, a2.id, a3.id, b1.id, b2.id])).toEqual(['expired', 'expired', 'expired', 'done', 'skipped']);
    expect(host.db.prepare("SELECT count(*) n FROM events WHERE type = 'day.closed'").get()).toEqual({ n: (closesBefore as { n: number }).n + 1 });
    // The day ended at midnight: that is when they expired, not whenever the timer looked.
    expect(q.ctx.ticket(a3.id).finished_at).toBe(TUESDAY_0000);
    expect(host.db.prepare("SELECT id, status, officer_id FROM counters WHERE status != 'closed' OR officer_id IS NOT NULL").all()).toEqual([]);
    expect(host.db.prepare('SELECT count(*) n FROM pauses WHERE to_at IS NULL').get()).toEqual({ n: 0 });
    expect(host.db.prepare("SELECT count(*) n FROM sessions WHERE kind = 'staff'").get()).toEqual({ n: 0 });
    expect(host.auth.session(s1.token, null)).toBeNull();
    // Screens heard about it: one event per expired ticket and closed counter, then the day.
    const types = seen.slice(-6).map((e) => e.type);
    expect(types.filter((t) => t === 'ticket.expired')).toHaveLength(3);
    expect(types.filter((t) => t === 'counter.closed')).toHaveLength(2);
    expect(types.at(-1)).toBe('day.closed');
    expect(q.views.display().counters.every((c) => c.status === 'closed' && c.current === null)).toBe(true);
    expect(q.views.display().waiting.every((w) => w.waiting === 0)).toBe(true);

    // Tuesday: A001 again, the only A001 waiting, and the one that is called.
    const today = q.issuer.issue({ serviceId: 1 });
    expect(today.number).toBe('A001');
    expect(today.business_day).toBe('2026-11-24');
    expect(host.db.prepare("SELECT count(*) n FROM tickets WHERE state = 'waiting' AND number = 'A001'").get()).toEqual({ n: 1 });
    await host.auth.loginStaff(1, 1, pinOf(1), SHELL_CALLER);
    expect(q.calling.callNext(1, STAFF(1, 1)).id).toBe(today.id);
    expect(errorCode(() => q.calling.callNext(1, STAFF(1, 1)))).toBe('QUEUE_EMPTY');
    // Yesterday's tickets can no longer be brought back.
    expect(errorCode(() => q.calling.callSpecific(a3.id, 1, STAFF(1, 1)))).toBe('INVALID_STATE');
    expect(errorCode(() => q.calling.unpark(a1.id, 1, STAFF(1, 1)))).toBe('INVALID_STATE');
    expect(errorCode(() => q.lifecycle.reactivate(b2.id, STAFF(2, 2)))).toBe('TICKET_EXPIRED');
    expect(errorCode(() => q.calling.callSpecific(b2.id, 1, STAFF(1, 1)))).toBe('TICKET_EXPIRED');
    expect(q.views.ticketStatus(a3.id).state).toBe('expired');
  });

  it('host down over the boundary: the day closes when the host starts, dated at the boundary', async () => {
    const clock = new FakeClock(MONDAY_1630);
    const dir = tempDir();
    let host = await tempHost({ clock, dir });
    await host.auth.loginStaff(1, 1, pinOf(1), SHELL_CALLER);
    const a1 = host.queue.issuer.issue({ serviceId: 1 });
    const a2 = host.queue.issuer.issue({ serviceId: 1 });
    host.queue.calling.callNext(1, STAFF(1, 1));
    await host.close();

    clock.t = TUESDAY_0725; // the PC was switched off overnight
    // A timer that never fires during the test: starting alone must close the day.
    host = await tempHost({ clock, dir, timeTickMs: 3_600_000 });
    hosts.push(host);
    expect(states(host, [a1.id, a2.id])).toEqual(['expired', 'expired']);
    expect(host.queue.ctx.ticket(a2.id).finished_at).toBe(TUESDAY_0000);
    expect(host.db.prepare("SELECT count(*) n FROM counters WHERE status != 'closed'").get()).toEqual({ n: 0 });
    expect(host.db.prepare("SELECT count(*) n FROM sessions WHERE kind = 'staff'").get()).toEqual({ n: 0 });
    const closed = host.db.prepare("SELECT payload FROM events WHERE type = 'day.closed' ORDER BY id DESC LIMIT 1").get() as { payload: string };
    expect(JSON.parse(closed.payload)).toMatchObject({ day: '2026-11-24', expired: 2, counters: 1 });
    expect(host.queue.issuer.issue({ serviceId: 1 }).number).toBe('A001');
  });

  it('a host restarted the same day closes nothing', async () => {
    const clock = new FakeClock(MONDAY_1630);
    const dir = tempDir();
    let host = await tempHost({ clock, dir });
    await host.auth.loginStaff(1, 1, pinOf(1), SHELL_CALLER);
    const a1 = host.queue.issuer.issue({ serviceId: 1 });
    await host.close();
    clock.minutes(30);
    host = await tempHost({ clock, dir });
    hosts.push(host);
    expect(host.queue.ctx.ticket(a1.id).state).toBe('waiting');
    expect(host.db.prepare('SELECT status FROM counters WHERE id = 1').get()).toEqual({ status: 'open' });
  });

  it("the first write after the boundary never serves yesterday's queue, even before the timer looks", () => {
    const clock = new FakeClock(MONDAY_2340);
    const { queue, db } = tempQueue({ clock });
    queue.counters.open(1, 1);
    const old = queue.issuer.issue({ serviceId: 1 });
    clock.minutes(30); // 00:10
    const fresh = queue.issuer.issue({ serviceId: 1 });
    expect([old.number, fresh.number]).toEqual(['A001', 'A001']);
    expect(queue.ctx.ticket(old.id).state).toBe('expired');
    expect(db.prepare("SELECT count(*) n FROM tickets WHERE state = 'waiting' AND number = 'A001'").get()).toEqual({ n: 1 });
    queue.counters.open(1, 1);
    expect(queue.calling.callNext(1, STAFF(1, 1)).id).toBe(fresh.id);
  });

  it('honours a 04:00 day boundary and closes each day once', () => {
    const clock = new FakeClock(MONDAY_2340);
    const { queue, db } = tempQueue({ clock });
    queue.settings.set({ ...queue.settings.get(), dayBoundaryMinutes: 4 * 60 });
    const t = queue.issuer.issue({ serviceId: 1 });
    clock.minutes(120); // 01:40: still Monday's business day
    queue.issuer.issue({ serviceId: 1 });
    expect(queue.ctx.ticket(t.id).state).toBe('waiting');
    clock.minutes(150); // 04:10
    queue.issuer.issue({ serviceId: 1 });
    queue.issuer.issue({ serviceId: 1 });
    expect(queue.ctx.ticket(t.id).state).toBe('expired');
    expect(queue.ctx.ticket(t.id).finished_at).toBe(Date.UTC(2026, 10, 23, 21, 0)); // 04:00 local
    expect(db.prepare("SELECT count(*) n FROM events WHERE type = 'day.closed'").get()).toEqual({ n: 1 });
  });

  it("a clock set back a day does not expire today's tickets", () => {
    const clock = new FakeClock(MONDAY_1630);
    const { queue } = tempQueue({ clock });
    const t = queue.issuer.issue({ serviceId: 1 });
    clock.minutes(-24 * 60);
    queue.issuer.issue({ serviceId: 1 });
    expect(queue.ctx.ticket(t.id).state).toBe('waiting');
  });

  it('reports count expired tickets as not served, and the rollups built before the close are rebuilt', () => {
    const clock = new FakeClock(MONDAY_1630);
    const { queue, db } = tempQueue({ clock });
    const reports = new ReportQueries(db, () => queue.settings.get());
    queue.counters.open(1, 1);
    const served = queue.issuer.issue({ serviceId: 1 });
    queue.issuer.issue({ serviceId: 1 });
    queue.issuer.issue({ serviceId: 2 });
    queue.calling.callNext(1, STAFF(1, 1));
    clock.minutes(5);
    queue.lifecycle.finish(served.id, STAFF(1, 1));
    const parked = queue.calling.callNext(1, STAFF(1, 1));
    queue.lifecycle.park(parked.id, STAFF(1, 1));
    const monday = { from: '2026-11-23', to: '2026-11-23' };
    const month = { from: '2026-11-01', to: '2026-11-30' };
    const before = reports.summary(monday);
    expect(before.totals).toMatchObject({ issued: 3, served: 1, expired: 0 });
    reports.summary(month);

    clock.t = TUESDAY_0725;
    queue.issuer.issue({ serviceId: 1 });
    const after = reports.summary(monday);
    expect(after.totals).toMatchObject({ issued: 3, served: 1, noShows: 0, expired: 2 });
    expect(after.totals.service.n).toBe(1);
    expect(after.byService.find((r) => r.id === 1)).toMatchObject({ issued: 2, served: 1, expired: 1 });
    expect(after.byService.find((r) => r.id === 2)).toMatchObject({ issued: 1, served: 0, expired: 1 });
    // The month rollup is merged again from the rebuilt day, and Tuesday's ticket is its own.
    expect(reports.summary(month).totals).toMatchObject({ issued: 4, served: 1, expired: 2 });
    const raw = db.prepare("SELECT count(*) n FROM tickets WHERE business_day = '2026-11-23' AND state = 'expired'").get();
    expect(raw).toEqual({ n: 2 });
  });
});

describe('close of day, once', () => {
  it('the timer reports what it closed, and the close runs one transaction', () => {
    const clock = new FakeClock(MONDAY_2340);
    const { queue, db } = tempQueue({ clock });
    queue.counters.open(1, 1);
    queue.issuer.issue({ serviceId: 1 });
    clock.minutes(30);
    let commits = 0;
    queue.onEvent(() => commits++);
    expect(queue.days.closeIfDue()).toEqual({ day: '2026-11-24', closedDays: ['2026-11-23'], expired: 1, counters: 1 });
    expect(commits).toBe(3); // ticket.expired, counter.closed, day.closed
    expect(queue.days.closeIfDue()).toBeNull();
    expect(db.prepare("SELECT count(*) n FROM events WHERE type = 'day.closed'").get()).toEqual({ n: 1 });
  });
});
