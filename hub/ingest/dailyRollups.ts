import type pg from 'pg';
import { HIST_BUCKETS, HIST_BUCKET_MS } from '../../shared/hubReports';
import { inTransaction } from '../db/inTransaction';

// The province's rollups (hub/db/hubMigrations.ts: rollup_day, rollup_month, rollup_hour), kept
// current in the transaction of the batch that changed them. A ticket's newer copy replaces its older
// one (a later state, a rating, a restored office's new generation), so each replaced copy takes its
// old share out of its groups and the new copy puts its share in (applyTicketChanges): the work is
// the batch's tickets, never the day's. A ticket counts in the group it is in now; "issued" is
// original issues only; a rating counts with its ticket — the office report's rules, so an office's
// rows equal its own report.

/** One rollup row as numbers; durations in ms, histograms and ratings as sparse (key → count). */
export interface RollupRow {
  officeId: string;
  /** business_day for day rows, the month's first day for month rows. */
  day: string;
  serviceId: number;
  officerId: number;
  issued: number;
  served: number;
  noShows: number;
  transferred: number;
  cancelled: number;
  expired: number;
  waitN: number;
  waitSum: number;
  wait: Map<number, number>;
  serviceN: number;
  serviceSum: number;
  service: Map<number, number>;
  /** levels × 10 + score → ratings. */
  ratings: Map<number, number>;
}

const COUNTS = ['issued', 'served', 'noShows', 'transferred', 'cancelled', 'expired', 'waitN', 'waitSum', 'serviceN', 'serviceSum'] as const;
const SPARSE = ['wait', 'service', 'ratings'] as const;

interface DbRow {
  office_id: string;
  day: string;
  service_id: number;
  officer_id: number;
  issued: number;
  served: number;
  no_shows: number;
  transferred: number;
  cancelled: number;
  expired: number;
  wait_n: number;
  wait_sum: string;
  wait_b: number[];
  wait_c: number[];
  service_n: number;
  service_sum: string;
  service_b: number[];
  service_c: number[];
  rating_k: number[];
  rating_c: number[];
}

const ROW_COLUMNS = `office_id, %DAY%::text AS day, service_id, officer_id, issued, served, no_shows, transferred, cancelled, expired,
  wait_n, wait_sum, wait_b, wait_c, service_n, service_sum, service_b, service_c, rating_k, rating_c`;
const dayColumns = ROW_COLUMNS.replace('%DAY%', 'business_day');
const monthColumns = ROW_COLUMNS.replace('%DAY%', 'month');

const sparse = (keys: number[], counts: number[]) => new Map(keys.map((k, i) => [k, counts[i] as number]));

function fromDb(r: DbRow): RollupRow {
  return {
    officeId: r.office_id,
    day: r.day,
    serviceId: r.service_id,
    officerId: r.officer_id,
    issued: r.issued,
    served: r.served,
    noShows: r.no_shows,
    transferred: r.transferred,
    cancelled: r.cancelled,
    expired: r.expired,
    waitN: r.wait_n,
    waitSum: Number(r.wait_sum),
    wait: sparse(r.wait_b, r.wait_c),
    serviceN: r.service_n,
    serviceSum: Number(r.service_sum),
    service: sparse(r.service_b, r.service_c),
    ratings: sparse(r.rating_k, r.rating_c),
  };
}

export const emptyRollup = (officeId: string, day: string, serviceId: number, officerId: number): RollupRow => ({
  officeId,
  day,
  serviceId,
  officerId,
  issued: 0,
  served: 0,
  noShows: 0,
  transferred: 0,
  cancelled: 0,
  expired: 0,
  waitN: 0,
  waitSum: 0,
  wait: new Map(),
  serviceN: 0,
  serviceSum: 0,
  service: new Map(),
  ratings: new Map(),
});

/** into += sign × from, for every count, sum and bucket. */
export function addRollup(into: RollupRow, from: RollupRow, sign: 1 | -1 = 1): void {
  for (const k of COUNTS) into[k] += sign * from[k];
  for (const k of SPARSE) {
    for (const [b, n] of from[k]) {
      const v = (into[k].get(b) ?? 0) + sign * n;
      if (v === 0) into[k].delete(b);
      else into[k].set(b, v);
    }
  }
}

/**
 * One writer of an office's rollups at a time, across generations and hub processes, until the
 * transaction ends: they move by what the held copies say, which two writers at once would both read.
 */
export async function lockOffice(c: pg.PoolClient, officeId: string): Promise<void> {
  await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [officeId]);
}

const monthOf = (day: string) => `${day.slice(0, 7)}-01`;
const groupKey = (r: RollupRow) => `${r.day}|${r.serviceId}|${r.officerId}`;

/**
 * Rebuilds the office's rollups from the tickets it holds: every copy's share added afresh, a month of
 * business days at a time, by the same code as every batch. For data written in bulk (the bench's
 * year) and for repairs; inside the caller's transaction, holding the office's batch lock.
 */
export async function rebuildRollups(c: pg.PoolClient, officeId: string): Promise<void> {
  await lockOffice(c, officeId);
  for (const t of ['rollup_day', 'rollup_month', 'rollup_hour']) await c.query(`DELETE FROM ${t} WHERE office_id = $1`, [officeId]);
  const months = (await c.query<{ m: string }>("SELECT DISTINCT to_char(business_day, 'YYYY-MM') AS m FROM office_tickets WHERE office_id = $1 ORDER BY 1", [officeId])).rows.map((r) => r.m);
  for (const m of months) {
    const rows = (
      await c.query<TicketRow>(`SELECT ${TICKET_COLUMNS} FROM office_tickets WHERE office_id = $1 AND business_day >= $2::date AND business_day < ($2::date + interval '1 month')`, [officeId, `${m}-01`])
    ).rows;
    await applyTicketChanges(c, officeId, rows.map((r) => ({ old: null, next: ticketCopy(r) })));
  }
}

/** The columns of office_tickets a ticket's share needs, as ticketCopy reads them. */
export const TICKET_COLUMNS = `business_day::text AS day, service_id, coalesce(officer_id, 0) AS officer_id, state, transferred_from,
  issued_at, called_at, serving_at, finished_at, rating_score, rating_levels`;

export interface TicketRow {
  day: string;
  service_id: number;
  officer_id: number;
  state: string;
  transferred_from: string | null;
  issued_at: string;
  called_at: string | null;
  serving_at: string | null;
  finished_at: string | null;
  rating_score: number | null;
  rating_levels: number | null;
}

const num = (v: string | null) => (v === null ? null : Number(v));
export const ticketCopy = (r: TicketRow): TicketCopy => ({
  day: r.day,
  serviceId: r.service_id,
  officerId: r.officer_id,
  state: r.state,
  transferredFrom: r.transferred_from,
  issuedAt: Number(r.issued_at),
  calledAt: num(r.called_at),
  servingAt: num(r.serving_at),
  finishedAt: num(r.finished_at),
  ratingScore: r.rating_score,
  ratingLevels: r.rating_levels,
});

const keysOf = (m: Map<number, number>) => [...m.keys()].sort((a, b) => a - b);
const toJson = (r: RollupRow, col: 'business_day' | 'month') => {
  const w = keysOf(r.wait);
  const s = keysOf(r.service);
  const k = keysOf(r.ratings);
  return {
    office_id: r.officeId,
    [col]: r.day,
    service_id: r.serviceId,
    officer_id: r.officerId,
    issued: r.issued,
    served: r.served,
    no_shows: r.noShows,
    transferred: r.transferred,
    cancelled: r.cancelled,
    expired: r.expired,
    wait_n: r.waitN,
    wait_sum: r.waitSum,
    wait_b: w,
    wait_c: w.map((b) => r.wait.get(b)),
    service_n: r.serviceN,
    service_sum: r.serviceSum,
    service_b: s,
    service_c: s.map((b) => r.service.get(b)),
    rating_k: k,
    rating_c: k.map((b) => r.ratings.get(b)),
  };
};

const insertRows = (table: 'rollup_day' | 'rollup_month') => {
  const col = table === 'rollup_day' ? 'business_day' : 'month';
  const cols = `office_id, ${col}, service_id, officer_id, issued, served, no_shows, transferred, cancelled, expired,
    wait_n, wait_sum, wait_b, wait_c, service_n, service_sum, service_b, service_c, rating_k, rating_c`;
  return `INSERT INTO ${table} (${cols}) SELECT ${cols} FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`;
};

/** A ticket copy as office_tickets holds it (officer 0: none), for its share of the rollups. */
export interface TicketCopy {
  day: string;
  serviceId: number;
  officerId: number;
  state: string;
  transferredFrom: string | null;
  issuedAt: number;
  calledAt: number | null;
  servingAt: number | null;
  finishedAt: number | null;
  ratingScore: number | null;
  ratingLevels: number | null;
}

const STATE_FIGURE: Partial<Record<string, 'served' | 'noShows' | 'transferred' | 'cancelled' | 'expired'>> = { done: 'served', skipped: 'noShows', transferred: 'transferred', cancelled: 'cancelled', expired: 'expired' };
const bucketOf = (ms: number) => Math.min(HIST_BUCKETS - 1, Math.floor(ms / HIST_BUCKET_MS));
const bump = (m: Map<number, number>, k: number, by: number) => {
  const v = (m.get(k) ?? 0) + by;
  if (v === 0) m.delete(k);
  else m.set(k, v);
};

/**
 * A copy's durations by the office report's rules (electron/host/db/migrations/m008 `share`): the wait
 * is issue → call of an original ticket (a transferred-in one is the same citizen, who waited already),
 * the service time call (or serving) → finish of a served one.
 */
export function ticketDurations(t: TicketCopy): { wait: number | null; service: number | null } {
  const start = t.calledAt ?? t.servingAt;
  return {
    wait: t.transferredFrom === null && t.calledAt !== null ? Math.max(0, t.calledAt - t.issuedAt) : null,
    service: t.state === 'done' && start !== null && t.finishedAt !== null ? Math.max(0, t.finishedAt - start) : null,
  };
}

function addShare(into: RollupRow, t: TicketCopy, sign: 1 | -1): void {
  const { wait, service } = ticketDurations(t);
  if (t.transferredFrom === null) into.issued += sign;
  const figure = STATE_FIGURE[t.state];
  if (figure) into[figure] += sign;
  if (wait !== null) {
    into.waitN += sign;
    into.waitSum += sign * wait;
    bump(into.wait, bucketOf(wait), sign);
  }
  if (service !== null) {
    into.serviceN += sign;
    into.serviceSum += sign * service;
    bump(into.service, bucketOf(service), sign);
  }
  if (t.ratingScore !== null && t.ratingLevels !== null) bump(into.ratings, t.ratingLevels * 10 + t.ratingScore, sign);
}

const hasFigures = (r: RollupRow) => COUNTS.some((k) => r[k] !== 0) || SPARSE.some((k) => r[k].size > 0);

const hourFormats = new Map<string, Intl.DateTimeFormat>();
function localHour(at: number, zone: string): number {
  let f = hourFormats.get(zone);
  if (!f) hourFormats.set(zone, (f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' })));
  return Number(f.format(at));
}

/** Adds these differences to the office's rows of a rollup table (day or month): read under lock, summed, written back; emptied rows go. */
async function addToRows(c: pg.PoolClient, table: 'rollup_day' | 'rollup_month', officeId: string, deltas: RollupRow[]): Promise<void> {
  const col = table === 'rollup_day' ? 'business_day' : 'month';
  const keys = [deltas.map((d) => d.day), deltas.map((d) => d.serviceId), deltas.map((d) => d.officerId)];
  const current = new Map(
    (
      await c.query<DbRow>(
        `SELECT ${table === 'rollup_day' ? dayColumns : monthColumns} FROM ${table} WHERE office_id = $1 AND (${col}, service_id, officer_id) IN (SELECT * FROM unnest($2::date[], $3::int[], $4::int[])) FOR UPDATE`,
        [officeId, ...keys],
      )
    ).rows.map((r) => {
      const row = fromDb(r);
      return [groupKey(row), row];
    }),
  );
  const next = deltas.map((d) => {
    const row = current.get(groupKey(d)) ?? emptyRollup(officeId, d.day, d.serviceId, d.officerId);
    addRollup(row, d);
    return row;
  });
  if (current.size > 0) await c.query(`DELETE FROM ${table} WHERE office_id = $1 AND (${col}, service_id, officer_id) IN (SELECT * FROM unnest($2::date[], $3::int[], $4::int[]))`, [officeId, ...keys]);
  // A group whose tickets all left it (moved to another officer, say) has nothing left to keep.
  const kept = next.filter(hasFigures);
  if (kept.length > 0) await c.query(insertRows(table), [JSON.stringify(kept.map((r) => toJson(r, col)))]);
}

/**
 * Moves the office's rollups by what these replaced copies change: each old copy's share out of its
 * day, month and hour, each new copy's share in. Inside the caller's transaction, under its lock on
 * the office (two batches of one office read-modify-writing one row would lose one's change).
 */
export async function applyTicketChanges(c: pg.PoolClient, officeId: string, changes: { old: TicketCopy | null; next: TicketCopy }[]): Promise<void> {
  if (changes.length === 0) return;
  const zone = (await c.query<{ time_zone: string }>('SELECT time_zone FROM office_directory WHERE office_id = $1', [officeId])).rows[0]?.time_zone ?? 'Asia/Ho_Chi_Minh';
  const days = new Map<string, RollupRow>();
  const months = new Map<string, RollupRow>();
  const hours = new Map<string, { day: string; hour: number; arrivals: number; waitN: number; waitSum: number }>();
  const move = (t: TicketCopy, sign: 1 | -1) => {
    for (const [m, day] of [
      [days, t.day],
      [months, monthOf(t.day)],
    ] as const) {
      const key = `${day}|${t.serviceId}|${t.officerId}`;
      let r = m.get(key);
      if (!r) m.set(key, (r = emptyRollup(officeId, day, t.serviceId, t.officerId)));
      addShare(r, t, sign);
    }
    const hour = localHour(t.issuedAt, zone);
    const key = `${t.day}|${hour}`;
    let h = hours.get(key);
    if (!h) hours.set(key, (h = { day: t.day, hour, arrivals: 0, waitN: 0, waitSum: 0 }));
    const { wait } = ticketDurations(t);
    if (t.transferredFrom === null) h.arrivals += sign;
    if (wait !== null) {
      h.waitN += sign;
      h.waitSum += sign * wait;
    }
  };
  for (const { old, next } of changes) {
    if (old) move(old, -1);
    move(next, 1);
  }
  const dayDeltas = [...days.values()].filter(hasFigures);
  if (dayDeltas.length > 0) await addToRows(c, 'rollup_day', officeId, dayDeltas);
  const monthDeltas = [...months.values()].filter(hasFigures);
  if (monthDeltas.length > 0) await addToRows(c, 'rollup_month', officeId, monthDeltas);
  const hourDeltas = [...hours.values()].filter((h) => h.arrivals !== 0 || h.waitN !== 0 || h.waitSum !== 0);
  if (hourDeltas.length > 0) {
    const args = [officeId, hourDeltas.map((h) => h.day), hourDeltas.map((h) => h.hour), hourDeltas.map((h) => h.arrivals), hourDeltas.map((h) => h.waitN), hourDeltas.map((h) => h.waitSum)];
    await c.query(
      `INSERT INTO rollup_hour (office_id, business_day, hour, arrivals, wait_n, wait_sum)
       SELECT $1, * FROM unnest($2::date[], $3::smallint[], $4::int[], $5::int[], $6::bigint[])
       ON CONFLICT (office_id, business_day, hour) DO UPDATE SET arrivals = rollup_hour.arrivals + EXCLUDED.arrivals,
         wait_n = rollup_hour.wait_n + EXCLUDED.wait_n, wait_sum = rollup_hour.wait_sum + EXCLUDED.wait_sum`,
      args,
    );
    await c.query('DELETE FROM rollup_hour WHERE office_id = $1 AND (business_day, hour) IN (SELECT * FROM unnest($2::date[], $3::smallint[])) AND arrivals = 0 AND wait_n = 0', args.slice(0, 3));
  }
}

/**
 * A period's sums per (office, service, officer): month rows for whole months plus day rows for the
 * days around them, summed by PostgreSQL. The sparse histograms and ratings travel as one text list
 * per group (every row's pairs, the same order for keys and counts) and are added up here: a year of
 * a province is one row per group instead of twelve, and no array is parsed by the driver.
 */
export async function rollupTotals(db: pg.Pool, months: readonly string[], days: readonly string[], offices: readonly string[] | null): Promise<RollupRow[]> {
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  const only = offices ? ` AND office_id = ANY(${param(offices)}::text[])` : '';
  const cols = `office_id, service_id, officer_id, issued, served, no_shows, transferred, cancelled, expired, wait_n, wait_sum, wait_b, wait_c,
    service_n, service_sum, service_b, service_c, rating_k, rating_c`;
  const list = (c: string) => `string_agg(nullif(array_to_string(${c}, ','), ''), ',' ORDER BY p)`;
  // Only the tables the period needs: an empty list would still cost a scan of the table.
  const parts = [
    months.length > 0 ? `SELECT month AS p, ${cols} FROM rollup_month WHERE month = ANY(${param(months)}::date[])${only}` : null,
    days.length > 0 ? `SELECT business_day AS p, ${cols} FROM rollup_day WHERE business_day = ANY(${param(days)}::date[])${only}` : null,
  ].filter((x) => x !== null);
  if (parts.length === 0) return [];
  const sql = `WITH r AS (${parts.join(' UNION ALL ')})
    SELECT office_id, service_id, officer_id, sum(issued) AS issued, sum(served) AS served, sum(no_shows) AS no_shows, sum(transferred) AS transferred,
      sum(cancelled) AS cancelled, sum(expired) AS expired, sum(wait_n) AS wait_n, sum(wait_sum) AS wait_sum, sum(service_n) AS service_n, sum(service_sum) AS service_sum,
      ${list('wait_b')} AS wait_b, ${list('wait_c')} AS wait_c, ${list('service_b')} AS service_b, ${list('service_c')} AS service_c,
      ${list('rating_k')} AS rating_k, ${list('rating_c')} AS rating_c
    FROM r GROUP BY office_id, service_id, officer_id`;
  type Row = Record<'office_id', string> & Record<'service_id' | 'officer_id', number> & Record<string, string | null>;
  const rows = await inTransaction(
    db,
    async (c) => {
      // A province's year is ≈ 45,000 rows to group: sorted in memory rather than spilled to disk.
      await c.query("SET LOCAL work_mem = '64MB'");
      return (await c.query<Row>(sql, params)).rows;
    },
    'BEGIN READ ONLY',
  );
  // A year of a province is millions of numbers in these lists: read digit by digit, both lists in step.
  const pairs = (keys: string | null, counts: string | null) => {
    const m = new Map<number, number>();
    if (!keys || !counts) return m;
    let i = 0;
    let j = 0;
    while (i < keys.length) {
      let k = 0;
      for (let ch = keys.charCodeAt(i); ch !== 44 && i < keys.length; ch = keys.charCodeAt(++i)) k = k * 10 + ch - 48;
      i++;
      let n = 0;
      let sign = 1;
      if (counts.charCodeAt(j) === 45) {
        sign = -1;
        j++;
      }
      for (let ch = counts.charCodeAt(j); ch !== 44 && j < counts.length; ch = counts.charCodeAt(++j)) n = n * 10 + ch - 48;
      j++;
      m.set(k, (m.get(k) ?? 0) + sign * n);
    }
    return m;
  };
  return rows.map((r) => ({
    officeId: r.office_id,
    day: '',
    serviceId: r.service_id,
    officerId: r.officer_id,
    issued: Number(r.issued),
    served: Number(r.served),
    noShows: Number(r.no_shows),
    transferred: Number(r.transferred),
    cancelled: Number(r.cancelled),
    expired: Number(r.expired),
    waitN: Number(r.wait_n),
    waitSum: Number(r.wait_sum),
    wait: pairs(r.wait_b as string | null, r.wait_c as string | null),
    serviceN: Number(r.service_n),
    serviceSum: Number(r.service_sum),
    service: pairs(r.service_b as string | null, r.service_c as string | null),
    ratings: pairs(r.rating_k as string | null, r.rating_c as string | null),
  }));
}
