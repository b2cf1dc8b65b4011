import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { HttpClient } from '../helpers/httpClient';
import { FakeClock, STAFF, tempHost, tempQueue } from '../helpers/tempHost';

describe('disk full', () => {
  it('answers a clear error to the kiosk, writes no partial ticket, and recovers when space returns', async () => {
    const host = await tempHost();
    try {
      const c = new HttpClient(`http://127.0.0.1:${host.port}`);
      expect((await c.post('/api/tickets', { serviceId: 1 })).status).toBe(201);
      const pages = host.db.pragma('page_count', { simple: true }) as number;
      // SQLite's own limit on database size stands in for a full disk: same SQLITE_FULL path.
      host.db.pragma(`max_page_count = ${pages}`);
      const statuses: number[] = [];
      let body: { error?: { code: string; message: string } } = {};
      for (let i = 0; i < 400 && !statuses.includes(507); i++) {
        const r = await c.post('/api/tickets', { serviceId: 1, priority: 'elderly' });
        statuses.push(r.status);
        body = r.body;
      }
      expect(statuses).toContain(507);
      expect(body.error?.code).toBe('STORAGE_FULL');
      expect(body.error?.message).toMatch(/đầy/);
      const tickets = host.db.prepare('SELECT count(*) n FROM tickets').get() as { n: number };
      const issuedEvents = host.db.prepare("SELECT count(*) n FROM events WHERE type = 'ticket.issued'").get() as { n: number };
      expect(tickets.n).toBe(issuedEvents.n);
      expect(tickets.n).toBe(statuses.filter((s) => s === 201).length + 1);
      host.db.pragma('max_page_count = 1073741823');
      const after = await c.post('/api/tickets', { serviceId: 1 });
      expect(after.status).toBe(201);
      expect(host.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await host.close();
    }
  });
});

describe('clock jumps', () => {
  it('backwards and forwards across the day boundary: no duplicate numbers, no negative durations', () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 23, 16, 55)); // 23:55 in Hà Nội
    const { queue, db } = tempQueue({ clock });
    queue.counters.open(1, 1);
    const actor = STAFF(1, 1);
    const jumps = [3, 3, -10, 4, 2, 30, -45, 20, -24 * 60, 24 * 60 + 1, 5, -3, 60];
    const callNext = () => {
      queue.days.closeIfDue(); // what the host's timer does when the clock passes the boundary
      if (queue.ctx.counter(1).status === 'closed') queue.counters.open(1, 1); // close of day signed the officer out
      try {
        queue.calling.callNext(1, actor);
      } catch (e) {
        // The ticket just issued may belong to a day that has closed since.
        if (!(e instanceof AppError) || e.code !== 'QUEUE_EMPTY') throw e;
      }
    };
    for (const j of jumps) {
      const t = queue.issuer.issue({ serviceId: 1 });
      clock.minutes(j);
      callNext();
      clock.minutes(-j / 2);
      try {
        queue.lifecycle.finish(t.id, actor);
      } catch (e) {
        // callNext may have called an older ticket; finish whoever is at the counter.
        if (!(e instanceof AppError)) throw e;
        const cur = queue.calling.current(1);
        if (cur) queue.lifecycle.finish(cur.id, actor);
      }
      clock.minutes(j);
    }
    const dupes = db.prepare('SELECT service_id, business_day, seq FROM tickets GROUP BY 1, 2, 3 HAVING count(*) > 1').all();
    expect(dupes).toEqual([]);
    const negatives = db
      .prepare('SELECT number FROM tickets WHERE called_at < issued_at OR serving_at < called_at OR finished_at < coalesce(serving_at, called_at, issued_at)')
      .all();
    expect(negatives).toEqual([]);
    const days = db.prepare('SELECT DISTINCT business_day FROM tickets ORDER BY 1').all();
    expect(days.length).toBeGreaterThanOrEqual(2);
    // Nothing of a day that has closed is still open.
    queue.days.closeIfDue();
    const leftOpen = db.prepare("SELECT number FROM tickets WHERE state IN ('waiting', 'called', 'serving', 'parked') AND business_day < ?").all(queue.ctx.today());
    expect(leftOpen).toEqual([]);
  });
});
