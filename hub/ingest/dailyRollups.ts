import type pg from 'pg';
import { HIST_BUCKETS, HIST_BUCKET_MS } from '../../shared/hubReports';

// The province's rollups (hub/db/hubMigrations.ts: rollup_day, rollup_month, rollup_hour), kept
// current in the transaction of the batch that changed them. A ticket's newer copy replaces its
// older one (a later state, a rating, a restored office's new generation), so a group cannot be
// kept by adding each event's share: instead every (office, business day) the batch touches is
// recomputed from office_tickets (one day of one office: hundreds of rows, on its index), and the
// month rows move by the difference between the day's old and new rows.

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

export function fromDb(r: DbRow): RollupRow {
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
 * What one ticket row adds, by the office report's rules (electron/host/db/migrations/m008 `share`):
 * the group it is in now; issued = original issues; wait = issue → call of an original ticket; service
 * time = call (or serving) → finish of a served one; no officer = 0.
 */
const TICKETS = `SELECT office_id, business_day, service_id, coalesce(officer_id, 0) AS officer_id, state, issued_at,
    transferred_from IS NULL AS original,
    CASE WHEN transferred_from IS NULL AND called_at IS NOT NULL THEN greatest(0, called_at - issued_at) END AS wait,
    CASE WHEN state = 'done' AND coalesce(called_at, serving_at) IS NOT NULL AND finished_at IS NOT NULL
      THEN greatest(0, finished_at - coalesce(called_at, serving_at)) END AS svc,
    rating_levels * 10 + rating_score AS rating
  FROM office_tickets WHERE office_id = $1 AND business_day = ANY($2::date[])`;

const bucket = (v: string) => `least(${HIST_BUCKETS - 1}, (${v} / ${HIST_BUCKET_MS})::int)`;
const sparseOf = (name: string, key: string, where: string) => `${name} AS (
    SELECT business_day, service_id, officer_id, array_agg(k ORDER BY k) AS ks, array_agg(n ORDER BY k) AS ns
    FROM (SELECT business_day, service_id, officer_id, ${key} AS k, count(*)::int AS n FROM t WHERE ${where} GROUP BY 1, 2, 3, 4) x
    GROUP BY 1, 2, 3)`;

const RECOMPUTE_DAYS = `
  WITH t AS (${TICKETS}),
  g AS (
    SELECT business_day, service_id, officer_id,
      count(*) FILTER (WHERE original) AS issued,
      count(*) FILTER (WHERE state = 'done') AS served,
      count(*) FILTER (WHERE state = 'skipped') AS no_shows,
      count(*) FILTER (WHERE state = 'transferred') AS transferred,
      count(*) FILTER (WHERE state = 'cancelled') AS cancelled,
      count(*) FILTER (WHERE state = 'expired') AS expired,
      count(wait) AS wait_n, coalesce(sum(wait), 0) AS wait_sum,
      count(svc) AS service_n, coalesce(sum(svc), 0) AS service_sum
    FROM t GROUP BY 1, 2, 3),
  ${sparseOf('wh', bucket('wait'), 'wait IS NOT NULL')},
  ${sparseOf('sh', bucket('svc'), 'svc IS NOT NULL')},
  ${sparseOf('rh', 'rating', 'rating IS NOT NULL')}
  INSERT INTO rollup_day (office_id, business_day, service_id, officer_id, issued, served, no_shows, transferred, cancelled, expired,
    wait_n, wait_sum, wait_b, wait_c, service_n, service_sum, service_b, service_c, rating_k, rating_c)
  SELECT $1, g.business_day, g.service_id, g.officer_id, g.issued, g.served, g.no_shows, g.transferred, g.cancelled, g.expired,
    g.wait_n, g.wait_sum, coalesce(wh.ks, '{}'), coalesce(wh.ns, '{}'), g.service_n, g.service_sum, coalesce(sh.ks, '{}'), coalesce(sh.ns, '{}'),
    coalesce(rh.ks, '{}'), coalesce(rh.ns, '{}')
  FROM g LEFT JOIN wh USING (business_day, service_id, officer_id) LEFT JOIN sh USING (business_day, service_id, officer_id)
    LEFT JOIN rh USING (business_day, service_id, officer_id)
  -- A group whose tickets add to no figure (a transferred-in ticket still being called) has no row,
  -- as its month would have none.
  WHERE g.issued + g.served + g.no_shows + g.transferred + g.cancelled + g.expired + g.wait_n + g.service_n > 0 OR rh.ks IS NOT NULL
  RETURNING ${dayColumns}`;

const RECOMPUTE_HOURS = `
  INSERT INTO rollup_hour (office_id, business_day, hour, arrivals, wait_n, wait_sum)
  SELECT $1, business_day, extract(hour FROM to_timestamp(issued_at / 1000.0) AT TIME ZONE
      coalesce((SELECT time_zone FROM office_directory WHERE office_id = $1), 'Asia/Ho_Chi_Minh'))::smallint,
    count(*) FILTER (WHERE original), count(wait), coalesce(sum(wait), 0)
  FROM (${TICKETS}) t GROUP BY 2, 3 HAVING count(*) FILTER (WHERE original) > 0 OR count(wait) > 0`;

const monthOf = (day: string) => `${day.slice(0, 7)}-01`;
const groupKey = (r: RollupRow) => `${r.day}|${r.serviceId}|${r.officerId}`;

/**
 * Recomputes the office's rollups for these business days from the tickets it holds now, and moves
 * the months by the difference. Runs inside the caller's transaction; the caller holds the office's
 * lock (two batches of one office recomputing one day at once would each miss the other's tickets).
 */
export async function refreshRollups(c: pg.PoolClient, officeId: string, days: readonly string[]): Promise<void> {
  if (days.length === 0) return;
  const dayList = [...new Set(days)];
  const old = (await c.query<DbRow>(`DELETE FROM rollup_day WHERE office_id = $1 AND business_day = ANY($2::date[]) RETURNING ${dayColumns}`, [officeId, dayList])).rows;
  const fresh = (await c.query<DbRow>(RECOMPUTE_DAYS, [officeId, dayList])).rows;
  await c.query('DELETE FROM rollup_hour WHERE office_id = $1 AND business_day = ANY($2::date[])', [officeId, dayList]);
  await c.query(RECOMPUTE_HOURS, [officeId, dayList]);

  const delta = new Map<string, RollupRow>();
  const move = (r: DbRow, sign: 1 | -1) => {
    const row = fromDb(r);
    const key = groupKey({ ...row, day: monthOf(row.day) });
    let d = delta.get(key);
    if (!d) delta.set(key, (d = emptyRollup(officeId, monthOf(row.day), row.serviceId, row.officerId)));
    addRollup(d, row, sign);
  };
  for (const r of old) move(r, -1);
  for (const r of fresh) move(r, 1);
  const changed = [...delta.values()].filter((d) => COUNTS.some((k) => d[k] !== 0) || SPARSE.some((k) => d[k].size > 0));
  if (changed.length === 0) return;

  const months = [...new Set(changed.map((d) => d.day))];
  const current = new Map(
    (await c.query<DbRow>(`SELECT ${monthColumns} FROM rollup_month WHERE office_id = $1 AND month = ANY($2::date[]) FOR UPDATE`, [officeId, months])).rows.map((r) => {
      const row = fromDb(r);
      return [groupKey(row), row];
    }),
  );
  const next: RollupRow[] = [];
  for (const d of changed) {
    const row = current.get(groupKey(d)) ?? emptyRollup(officeId, d.day, d.serviceId, d.officerId);
    addRollup(row, d);
    next.push(row);
  }
  await c.query('DELETE FROM rollup_month WHERE office_id = $1 AND (month, service_id, officer_id) IN (SELECT * FROM unnest($2::date[], $3::int[], $4::int[]))', [
    officeId,
    next.map((r) => r.day),
    next.map((r) => r.serviceId),
    next.map((r) => r.officerId),
  ]);
  // A group whose tickets all left it (moved to another officer, say) has nothing left to keep.
  const kept = next.filter((r) => COUNTS.some((k) => r[k] !== 0) || r.ratings.size > 0);
  if (kept.length > 0) await c.query(INSERT_MONTHS, [JSON.stringify(kept.map(toJson))]);
}

const keysOf = (m: Map<number, number>) => [...m.keys()].sort((a, b) => a - b);
const toJson = (r: RollupRow) => {
  const w = keysOf(r.wait);
  const s = keysOf(r.service);
  const k = keysOf(r.ratings);
  return {
    office_id: r.officeId,
    month: r.day,
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

const INSERT_MONTHS = `INSERT INTO rollup_month (office_id, month, service_id, officer_id, issued, served, no_shows, transferred, cancelled, expired,
    wait_n, wait_sum, wait_b, wait_c, service_n, service_sum, service_b, service_c, rating_k, rating_c)
  SELECT office_id, month, service_id, officer_id, issued, served, no_shows, transferred, cancelled, expired,
    wait_n, wait_sum, wait_b, wait_c, service_n, service_sum, service_b, service_c, rating_k, rating_c
  FROM jsonb_populate_recordset(NULL::rollup_month, $1::jsonb)`;

/** Day rows of these business days, or month rows of these months (their first days), of some or all offices: no lock. */
export async function rollupRows(db: pg.Pool | pg.PoolClient, table: 'day' | 'month', periods: readonly string[], offices: readonly string[] | null): Promise<RollupRow[]> {
  if (periods.length === 0) return [];
  const where = offices ? ' AND office_id = ANY($2::text[])' : '';
  const sql = table === 'day' ? `SELECT ${dayColumns} FROM rollup_day WHERE business_day = ANY($1::date[])${where}` : `SELECT ${monthColumns} FROM rollup_month WHERE month = ANY($1::date[])${where}`;
  return (await db.query<DbRow>(sql, offices ? [periods, offices] : [periods])).rows.map(fromDb);
}
