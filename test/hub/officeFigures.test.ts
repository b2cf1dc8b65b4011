// Issue #29: what the province reads for an office equals what the office's own report says for the
// same days — issued, served, no-shows, transfers, cancellations, expiries at close of day and
// ratings, per service and in total — for two offices pushing to one hub through the real join flow.
import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { OutboxReader } from '../../electron/host/province/outboxReader';
import { joinProvince } from '../../electron/host/province/provinceJoin';
import { ProvinceLinkFile } from '../../electron/host/province/provinceLinkFile';
import { startHub } from '../../hub/hub';
import type { Hub } from '../../hub/hub';
import { officeFigures } from '../../hub/reports/officeFigures';
import { signedInAdmin } from '../helpers/devices';
import { hubPostgresPerFile } from '../helpers/hubPostgres';
import { FakeClock, STAFF, eventually, tempHost } from '../helpers/tempHost';

const pg = hubPostgresPerFile();
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

const KEYS = ['issued', 'served', 'noShows', 'transferred', 'cancelled', 'expired', 'ratings'] as const;
const pickCounts = (r: Record<string, unknown>) => Object.fromEntries(KEYS.map((k) => [k, r[k]]));

/** A day at an office: served and rated, a no-show after a recall, a transfer, a cancellation; the rest expire at close. */
function busyDay(o: Host, tickets: number, seed: number) {
  const q = o.queue;
  for (const c of [1, 2, 3]) q.counters.open(c, c);
  for (let i = 0; i < tickets; i++) q.issuer.issue({ serviceId: 1 + ((i + seed) % 4) });
  for (let round = 0; round < tickets / 3; round++) {
    for (const c of [1, 2, 3]) {
      let t;
      try {
        t = q.calling.callNext(c, STAFF(c, c));
      } catch {
        continue;
      }
      const pick = (round + c + seed) % 5;
      if (pick === 0) {
        q.calling.recall(t.id, STAFF(c, c));
        q.lifecycle.skip(t.id, STAFF(c, c));
      } else if (pick === 1) q.lifecycle.transfer(t.id, { serviceId: t.service_id === 4 ? 1 : t.service_id + 1 }, STAFF(c, c));
      else if (pick === 2) {
        // A citizen in line gives up (cancelled while waiting); this one is served.
        const waiting = o.db.prepare("SELECT id FROM tickets WHERE state = 'waiting' ORDER BY issue_order DESC LIMIT 1").get() as { id: string } | undefined;
        if (waiting) q.lifecycle.cancel(waiting.id, STAFF(c, c));
        q.lifecycle.finish(t.id, STAFF(c, c));
      } else {
        q.lifecycle.finish(t.id, STAFF(c, c));
        if (pick === 3) q.ratings.rate({ ticketId: t.id, score: 1 + ((round + c) % 4), source: 'kiosk' });
      }
    }
  }
}

describe('the province’s figures for an office are the office’s own', () => {
  it('two offices, a day each with close of day and a morning after: every count equals the office report, per service and in total', async () => {
    const hub: Hub = await startHub({ port: 0, databaseUrl: await pg.database(), log: () => undefined });
    open.push(hub);
    const offices: { host: Host; id: string; clock: FakeClock }[] = [];
    for (const [name, seed] of [
      ['UBND phường Hòa Bình', 0],
      ['UBND xã Nghĩa Hưng', 3],
    ] as const) {
      const clock = new FakeClock();
      const host = await tempHost({ clock, provinceIdleMs: 50, timeTickMs: 50 });
      open.push(host);
      const { code } = await hub.offices.add(name);
      const link = await joinProvince({ hubUrl: `http://127.0.0.1:${hub.port}`, code, links: new ProvinceLinkFile(host.dataDir), outbox: new OutboxReader(host.db) });
      offices.push({ host, id: link.officeId, clock });
      busyDay(host, 60 + seed * 5, seed);
      // Past midnight: the day closes by itself, what still waits expires; then a morning's numbers.
      const day = host.queue.ctx.today();
      clock.advance(24 * 3600_000);
      await eventually(() => host.queue.ctx.today() !== day && (host.db.prepare("SELECT count(*) AS n FROM events WHERE type = 'day.closed'").get() as { n: number }).n > 0, 10_000);
      busyDay(host, 12, seed + 1);
    }

    for (const { host, id } of offices) {
      const last = new OutboxReader(host.db).lastSeq();
      await eventually(() => (new ProvinceLinkFile(host.dataDir).read()?.ackedSeq ?? 0) >= last, 20_000);
      const days = (host.db.prepare('SELECT min(business_day) AS a, max(business_day) AS b FROM tickets').get() as { a: string; b: string });
      const own = (await (await signedInAdmin(host)).get(`/api/reports/summary?from=${days.a}&to=${days.b}`)).body as { totals: Record<string, unknown>; byService: ({ id: number } & Record<string, unknown>)[] };
      const province = await officeFigures(hub.db.pool, id, days.a, days.b);
      // The day was busy enough to have one of everything.
      for (const k of KEYS) expect(own.totals[k], k).toBeGreaterThan(0);
      expect(province.totals).toEqual(pickCounts(own.totals));
      const ownByService = own.byService.filter((r) => KEYS.some((k) => (r[k] as number) > 0)).map((r) => ({ id: r.id, ...pickCounts(r) })).sort((a, b) => a.id - b.id);
      expect(province.byService).toEqual(ownByService);
      // And one day alone (the first): the range is the office's business days, not the hub's.
      const firstOwn = (await (await signedInAdmin(host)).get(`/api/reports/summary?from=${days.a}&to=${days.a}`)).body as { totals: Record<string, unknown> };
      expect((await officeFigures(hub.db.pool, id, days.a, days.a)).totals).toEqual(pickCounts(firstOwn.totals));
    }
  }, 120_000);
});
