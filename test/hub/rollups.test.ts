// Issue #29: the hub's rollups (rollup_day, rollup_month, rollup_hour) stay equal to what the tickets
// it holds say, through what real offices do to it: a ticket's newer copy in a later batch, a batch
// replayed after newer ones, a restored office pushing a new generation whose copies go back in time,
// and a ticket moving to another officer and month groups emptying. Checked against a reference
// computed here from office_tickets one ticket at a time — not by the hub's code — and rebuilt from
// scratch (the bulk path) to the same rows.
import { afterEach, describe, expect, it } from 'vitest';
import { startHub } from '../../hub/hub';
import type { Hub } from '../../hub/hub';
import { EventPartitions } from '../../hub/db/eventPartitions';
import { BatchApplier } from '../../hub/ingest/batchApplier';
import { rebuildRollups } from '../../hub/ingest/dailyRollups';
import { crossOfficeReport } from '../../hub/reports/crossOfficeReport';
import { officeFigures } from '../../hub/reports/officeFigures';
import { officeHours } from '../../hub/reports/officeHours';
import type { HubEvent, HubTicket, PushBatch } from '../../shared/hubProtocol';
import { HIST_BUCKETS, HIST_BUCKET_MS } from '../../shared/hubReports';
import { hubPostgresPerFile } from '../helpers/hubPostgres';

const pg = hubPostgresPerFile();
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

const MIN = 60_000;
// 08:00 in Hanoi on 2026-03-31 and on 2026-04-01: two months.
const MARCH = Date.UTC(2026, 2, 31, 1);
const APRIL = Date.UTC(2026, 3, 1, 1);

function ticket(day: string, at: number, over: Partial<HubTicket> = {}): HubTicket {
  return { businessDay: day, serviceId: 1, counterId: null, officerId: null, state: 'waiting', number: 'A001', priority: null, transferredFrom: null, issuedAt: at, calledAt: null, servingAt: null, finishedAt: null, rating: null, ...over };
}

function ev(seq: number, id: string, t: HubTicket, type = 'ticket.changed'): HubEvent {
  return { seq, at: t.finishedAt ?? t.calledAt ?? t.issuedAt, type, ticketId: id, counterId: t.counterId, serviceId: t.serviceId, actor: 'staff:1', payload: {}, ticket: t };
}

const batch = (generation: string, baseSeq: number, events: HubEvent[]): PushBatch => ({ generation, baseSeq, sentAt: Date.now(), events });

interface Ref {
  issued: number;
  served: number;
  no_shows: number;
  transferred: number;
  cancelled: number;
  expired: number;
  wait_n: number;
  wait_sum: number;
  service_n: number;
  service_sum: number;
  wait: Record<number, number>;
  service: Record<number, number>;
  ratings: Record<number, number>;
}

const bucket = (ms: number) => Math.min(HIST_BUCKETS - 1, Math.floor(ms / HIST_BUCKET_MS));

/** The rollups as the office report's rules make them from the tickets, computed here one ticket at a time. */
async function reference(hub: Hub, officeId: string) {
  const tickets = (
    await hub.db.pool.query<{ day: string; service_id: number; officer_id: number | null; state: string; transferred_from: string | null; issued_at: string; called_at: string | null; serving_at: string | null; finished_at: string | null; rating_score: number | null; rating_levels: number | null }>(
      'SELECT business_day::text AS day, * FROM office_tickets WHERE office_id = $1',
      [officeId],
    )
  ).rows;
  const day = new Map<string, Ref>();
  const month = new Map<string, Ref>();
  const hour = new Map<string, { arrivals: number; wait_n: number; wait_sum: number }>();
  const blank = (): Ref => ({ issued: 0, served: 0, no_shows: 0, transferred: 0, cancelled: 0, expired: 0, wait_n: 0, wait_sum: 0, service_n: 0, service_sum: 0, wait: {}, service: {}, ratings: {} });
  for (const t of tickets) {
    const issued = Number(t.issued_at);
    const called = t.called_at === null ? null : Number(t.called_at);
    const start = called ?? (t.serving_at === null ? null : Number(t.serving_at));
    const wait = t.transferred_from === null && called !== null ? Math.max(0, called - issued) : null;
    const svc = t.state === 'done' && start !== null && t.finished_at !== null ? Math.max(0, Number(t.finished_at) - start) : null;
    for (const [m, key] of [
      [day, `${t.day}|${t.service_id}|${t.officer_id ?? 0}`],
      [month, `${t.day.slice(0, 7)}-01|${t.service_id}|${t.officer_id ?? 0}`],
    ] as const) {
      const r = m.get(key) ?? blank();
      m.set(key, r);
      if (t.transferred_from === null) r.issued++;
      const cat = ({ done: 'served', skipped: 'no_shows', transferred: 'transferred', cancelled: 'cancelled', expired: 'expired' } as const)[t.state as 'done'];
      if (cat) r[cat]++;
      if (wait !== null) {
        r.wait_n++;
        r.wait_sum += wait;
        r.wait[bucket(wait)] = (r.wait[bucket(wait)] ?? 0) + 1;
      }
      if (svc !== null) {
        r.service_n++;
        r.service_sum += svc;
        r.service[bucket(svc)] = (r.service[bucket(svc)] ?? 0) + 1;
      }
      if (t.rating_score !== null) {
        const k = (t.rating_levels as number) * 10 + t.rating_score;
        r.ratings[k] = (r.ratings[k] ?? 0) + 1;
      }
    }
    // Hanoi is UTC+7 all year.
    const h = `${t.day}|${new Date(issued + 7 * 3600_000).getUTCHours()}`;
    const x = hour.get(h) ?? { arrivals: 0, wait_n: 0, wait_sum: 0 };
    hour.set(h, x);
    if (t.transferred_from === null) x.arrivals++;
    if (wait !== null) {
      x.wait_n++;
      x.wait_sum += wait;
    }
  }
  // A group whose tickets add to no figure keeps no row.
  const figures = (r: Ref | { arrivals: number }) => Object.values(r).some((v) => (typeof v === 'number' ? v !== 0 : Object.keys(v).length > 0));
  const sort = <T extends Ref | { arrivals: number }>(m: Map<string, T>) => Object.fromEntries([...m.entries()].filter(([, r]) => figures(r)).sort(([a], [b]) => a.localeCompare(b)));
  return { day: sort(day), month: sort(month), hour: sort(hour) };
}

async function stored(hub: Hub, officeId: string) {
  const pairs = (b: number[], c: number[]) => Object.fromEntries(b.map((k, i) => [k, c[i]]));
  const rows = async (table: string, dayCol: string) =>
    Object.fromEntries(
      (await hub.db.pool.query(`SELECT ${dayCol}::text AS d, * FROM ${table} WHERE office_id = $1 ORDER BY 1, service_id, officer_id`, [officeId])).rows.map((r) => [
        `${r.d}|${r.service_id}|${r.officer_id}`,
        {
          issued: r.issued,
          served: r.served,
          no_shows: r.no_shows,
          transferred: r.transferred,
          cancelled: r.cancelled,
          expired: r.expired,
          wait_n: r.wait_n,
          wait_sum: Number(r.wait_sum),
          service_n: r.service_n,
          service_sum: Number(r.service_sum),
          wait: pairs(r.wait_b, r.wait_c),
          service: pairs(r.service_b, r.service_c),
          ratings: pairs(r.rating_k, r.rating_c),
        },
      ]),
    );
  const hour = Object.fromEntries(
    (await hub.db.pool.query('SELECT business_day::text AS d, hour, arrivals, wait_n, wait_sum FROM rollup_hour WHERE office_id = $1 ORDER BY 1, 2', [officeId])).rows.map((r) => [
      `${r.d}|${r.hour}`,
      { arrivals: r.arrivals, wait_n: r.wait_n, wait_sum: Number(r.wait_sum) },
    ]),
  );
  return { day: await rows('rollup_day', 'business_day'), month: await rows('rollup_month', 'month'), hour };
}

describe('the hub’s rollups follow the tickets it holds', () => {
  it('newer copies in later batches, a replayed batch, a restored office’s new generation, a ticket changing officer and month', async () => {
    const hub = await startHub({ port: 0, databaseUrl: await pg.database(), log: () => undefined });
    open.push(hub);
    const { code } = await hub.offices.add('UBND phường Hòa Bình');
    const officeId = (await hub.offices.join(code)).officeId;
    // A second office, whose rollups nothing below may touch.
    const other = (await hub.offices.join((await hub.offices.add('UBND xã Nghĩa Hưng')).code)).officeId;
    const applier = new BatchApplier(hub.db.pool, new EventPartitions());
    const check = async () => {
      const want = await reference(hub, officeId);
      expect(await stored(hub, officeId)).toEqual(want);
      return want;
    };

    await applier.apply(other, batch('other-gen-1', 0, [ev(1, 'Z', ticket('2026-03-31', MARCH, { state: 'done', counterId: 1, officerId: 1, calledAt: MARCH + 3 * MIN, finishedAt: MARCH + 9 * MIN }))]));
    const otherBefore = await stored(hub, other);

    // Batch 1: three tickets issued on the last day of March, one in April.
    const b1 = batch('gen-A-0001', 0, [
      ev(1, 'X', ticket('2026-03-31', MARCH)),
      ev(2, 'Y', ticket('2026-03-31', MARCH + MIN, { number: 'A002' })),
      ev(3, 'W', ticket('2026-03-31', MARCH + 2 * MIN, { number: 'A003', serviceId: 2 })),
      ev(4, 'V', ticket('2026-04-01', APRIL, { number: 'A001' })),
    ]);
    await applier.apply(officeId, b1);
    let want = await check();
    expect(want.day['2026-03-31|1|0']?.issued).toBe(2);

    // Batch 2: X called after 5 min by officer 2, served 7 min and rated 5 of 5; Y transferred to
    // service 2 (the same citizen, re-queued: not a new issue), where officer 3 calls it; W cancelled.
    const x = ticket('2026-03-31', MARCH, { state: 'done', counterId: 2, officerId: 2, calledAt: MARCH + 5 * MIN, servingAt: MARCH + 6 * MIN, finishedAt: MARCH + 12 * MIN, rating: { score: 5, levels: 5 } });
    const b2 = batch('gen-A-0001', 0, [
      ev(5, 'X', { ...x, state: 'called', finishedAt: null, rating: null }),
      ev(6, 'Y', ticket('2026-03-31', MARCH + MIN, { number: 'A002', state: 'transferred', counterId: 2, officerId: 2, calledAt: MARCH + 13 * MIN, finishedAt: MARCH + 14 * MIN })),
      ev(7, 'Y2', ticket('2026-03-31', MARCH + 14 * MIN, { number: 'A002', serviceId: 2, transferredFrom: 'Y', state: 'called', counterId: 3, officerId: 3, calledAt: MARCH + 20 * MIN })),
      ev(8, 'W', ticket('2026-03-31', MARCH + 2 * MIN, { number: 'A003', serviceId: 2, state: 'cancelled' })),
      ev(9, 'X', x, 'ticket.rated'),
    ]);
    await applier.apply(officeId, b2);
    want = await check();
    expect(want.day['2026-03-31|1|2']).toMatchObject({ served: 1, transferred: 1, wait_n: 2, wait_sum: 5 * MIN + 12 * MIN, service_n: 1, service_sum: 7 * MIN, ratings: { 55: 1 } });
    expect(want.day['2026-03-31|1|0']).toBeUndefined();

    // Batch 1 again, a week late: nothing moves (its copies are older than those held).
    const afterB2 = await stored(hub, officeId);
    expect(await applier.apply(officeId, b1)).toEqual({ generation: 'gen-A-0001', ackedSeq: 9 });
    expect(await stored(hub, officeId)).toEqual(afterB2);

    // The office restored last night's backup: a new generation from event 6. Its copy of X says
    // "called" again (the finish and the rating were lost at the office), then X is served anew by
    // officer 4, and V (April) is called by officer 4 — the March month row of officer 2 empties.
    const x2 = { ...x, state: 'done' as const, counterId: 4, officerId: 4, calledAt: MARCH + 30 * MIN, servingAt: null, finishedAt: MARCH + 41 * MIN, rating: { score: 2, levels: 3 } };
    await applier.apply(officeId, batch('gen-B-0002', 6, [ev(7, 'X', { ...x, state: 'called', finishedAt: null, rating: null })]));
    want = await check();
    expect(want.day['2026-03-31|1|2']).toMatchObject({ served: 0, transferred: 1, wait_n: 2 });
    await applier.apply(officeId, batch('gen-B-0002', 6, [ev(8, 'X', x2), ev(9, 'V', ticket('2026-04-01', APRIL, { state: 'called', counterId: 4, officerId: 4, calledAt: APRIL + 3 * MIN }))]));
    want = await check();
    expect(want.month['2026-03-01|1|4']).toMatchObject({ served: 1, service_sum: 11 * MIN, ratings: { 32: 1 } });
    expect(want.month['2026-04-01|1|0']).toBeUndefined();
    expect(Object.keys(await stored(hub, officeId).then((s) => s.month))).not.toContain('2026-04-01|1|0');

    // The report agrees with the tickets over whole months, days, and a month with a day after it; the other office never moved.
    for (const [from, to] of [
      ['2026-03-01', '2026-04-30'],
      ['2026-03-01', '2026-04-01'],
      ['2026-03-31', '2026-04-01'],
      ['2026-03-31', '2026-03-31'],
    ] as const) {
      const r = await crossOfficeReport(hub.db.pool, { from, to, offices: [officeId] });
      const f = await officeFigures(hub.db.pool, officeId, from, to);
      const row = r.byOffice[0];
      expect({ issued: row?.tickets, served: row?.served, transferred: row?.transferred, cancelled: row?.cancelled, ratings: row?.satisfaction.count }, `${from}…${to}`).toEqual({
        issued: f.totals.issued,
        served: f.totals.served,
        transferred: f.totals.transferred,
        cancelled: f.totals.cancelled,
        ratings: f.totals.ratings,
      });
    }
    // A period that ends before it starts is a clear error, not an empty report.
    await expect(crossOfficeReport(hub.db.pool, { from: '2026-04-01', to: '2026-03-01' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc' });
    const march = await crossOfficeReport(hub.db.pool, { from: '2026-03-01', to: '2026-03-31', offices: [officeId] });
    // Waits: X 30 min (the restored copy's call), Y 12 min; Y2 is a transfer, not a wait.
    expect(march.totals.wait).toEqual({ n: 2, meanMs: 21 * MIN, medianMs: 12.5 * MIN, p90Ms: 30.5 * MIN });
    expect(march.totals.satisfaction).toEqual({ count: 1, byScale: [{ levels: 3, count: 1, meanScore: 2 }], portal: { veryGood: 0, good: 1, bad: 0 }, percentSatisfied: 100 });
    expect(await stored(hub, other)).toEqual(otherBefore);

    // The office's page by hour (Hanoi): X, Y, W issued at 08:00–08:02 on the 31st, V at 08:00 on the
    // 1st; Y2 is a transfer (no arrival). Waits by hour of issue: X 30 min, Y 12 min, V 3 min.
    const hours = await officeHours(hub.db.pool, { officeId, from: '2026-03-31', to: '2026-04-01' });
    expect(hours.hours).toHaveLength(24);
    expect(hours.hours[8]).toEqual({ hour: 8, arrivals: 4, waitN: 3, meanWaitMs: 15 * MIN });
    expect(hours.hours.filter((h) => h.hour !== 8).every((h) => h.arrivals === 0 && h.meanWaitMs === null)).toBe(true);
    expect((await officeHours(hub.db.pool, { officeId, from: '2026-04-01', to: '2026-04-01' })).hours[8]).toEqual({ hour: 8, arrivals: 1, waitN: 1, meanWaitMs: 3 * MIN });

    // Rebuilt from the tickets held (as the bench writes a year, or a repair): the same rows as the batches left.
    const incremental = await stored(hub, officeId);
    const c = await hub.db.pool.connect();
    try {
      await c.query('BEGIN');
      await rebuildRollups(c, officeId);
      await c.query('COMMIT');
    } finally {
      c.release();
    }
    expect(await stored(hub, officeId)).toEqual(incremental);
  }, 120_000);
});
