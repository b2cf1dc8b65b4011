// A province's year for `npm run bench:hub`: 100 offices × 250 business days × 240 tickets, each
// ticket with 5 events (≈ 30 M events, 6 M tickets), written by PostgreSQL itself from
// generate_series (no row crosses the wire), then the rollups made by the hub's own code
// (rebuildRollups: every ticket's share added by the code every batch runs). Made once in a data folder that later runs reuse.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { EventPartitions } from '../hub/db/eventPartitions';
import type { Hub } from '../hub/hub';
import { rebuildRollups } from '../hub/ingest/dailyRollups';

export interface YearShape {
  offices: number;
  days: number;
  ticketsPerDay: number;
}

export const YEAR_FROM = '2025-01-01';
export const YEAR_TO = '2025-12-31';
const EVENTS_PER_TICKET = 5;
const SERVICES: [string, string, string][] = [
  ['1.001612', 'Đăng ký khai sinh', 'Birth registration'],
  ['1.001193', 'Đăng ký kết hôn', 'Marriage registration'],
  ['1.000656', 'Đăng ký khai tử', 'Death registration'],
  ['2.000815', 'Chứng thực bản sao từ bản chính', 'Certified copies'],
  ['2.000884', 'Chứng thực chữ ký', 'Signature certification'],
  ['1.004227', 'Cấp giấy xác nhận tình trạng hôn nhân', 'Marital status certificate'],
  ['1.003583', 'Đăng ký thường trú', 'Permanent residence registration'],
  ['1.004194', 'Đăng ký biến động đất đai', 'Land record changes'],
  ['1.001776', 'Trợ cấp xã hội hằng tháng', 'Monthly social allowance'],
  ['1.005462', 'Đăng ký hộ kinh doanh', 'Household business registration'],
  ['1.000894', 'Cấp bản sao trích lục hộ tịch', 'Civil status extracts'],
  ['2.001157', 'Xác nhận thông tin cư trú', 'Residence confirmation'],
];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Hạnh', 'Hùng', 'Lan', 'Minh', 'Nga', 'Phúc'];

/** A pseudo-random 0…999 from the ticket's place, different per salt: reproducible, no RNG state. */
const mix = (salt: number) => `((o.idx * ${7919 + salt} + d.di * ${104729 + salt * 3} + n * ${1299709 + salt * 7} + ${salt * 31}) % 1000)`;

/**
 * One ticket per (office, day, n): called and served in the morning and afternoon, 85 % served, 5 %
 * no-shows, 4 % transferred, 3 % cancelled, 3 % expired at close; waits 1–40 minutes, service
 * 3–20 minutes; 60 % of the served rate it (a quarter of the offices on 3 levels, the rest on 5).
 */
const TICKET_ROWS = (perDay: number) => `
  SELECT o.id AS office_id, o.idx, d.di, d.day, n,
    'Y' || (d.di * ${perDay} + n) AS ticket_id,
    (d.di * ${perDay} + n) AS ord,
    1 + (n * 7 + d.di) % 12 AS service_id,
    ${mix(1)} AS r1, ${mix(2)} AS r2, ${mix(3)} AS r3, ${mix(4)} AS r4,
    (extract(epoch FROM d.day)::bigint * 1000 + 3600000 + n * (27000000 / ${perDay})) AS issued_at
  FROM bench_offices o, bench_days d, generate_series(0, ${perDay - 1}) n WHERE o.idx = $1`;

const INSERT_TICKETS = (perDay: number) => `
  INSERT INTO office_tickets (office_id, ticket_id, business_day, service_id, counter_id, officer_id, state, number, priority, transferred_from,
    issued_at, called_at, serving_at, finished_at, rating_score, rating_levels, snap_generation, snap_seq)
  SELECT office_id, ticket_id, day, service_id,
    CASE WHEN st IN ('done', 'skipped', 'transferred') THEN officer END, CASE WHEN st IN ('done', 'skipped', 'transferred') THEN officer END,
    st, chr(65 + service_id - 1) || lpad((n + 1)::text, 3, '0'), NULL, NULL,
    issued_at, called_at, CASE WHEN st = 'done' THEN called_at + 20000 END, CASE WHEN st IN ('done', 'transferred') THEN called_at + (3 + r3 % 18) * 60000 + r4 * 37 END,
    CASE WHEN st = 'done' AND r4 % 10 < 6 THEN greatest(1, levels - (CASE WHEN r2 < 600 THEN 0 WHEN r2 < 850 THEN 1 WHEN r2 < 950 THEN 2 ELSE 3 END)) END,
    CASE WHEN st = 'done' AND r4 % 10 < 6 THEN levels END,
    'bench-year', ord * ${EVENTS_PER_TICKET} + ${EVENTS_PER_TICKET}
  FROM (
    SELECT t.*, 1 + ((service_id - 1) * 3 + n % 2) % 10 AS officer, CASE WHEN idx % 4 = 0 THEN 3 ELSE 5 END AS levels,
      CASE WHEN r1 < 850 THEN 'done' WHEN r1 < 900 THEN 'skipped' WHEN r1 < 940 THEN 'transferred' WHEN r1 < 970 THEN 'cancelled' ELSE 'expired' END AS st,
      CASE WHEN r1 < 940 THEN issued_at + (1 + r2 % 40) * 60000 + r3 * 59 END AS called_at
    FROM (${TICKET_ROWS(perDay)}) t) x`;

const INSERT_EVENTS = (perDay: number) => `
  INSERT INTO events (office_id, generation, seq, at, type, ticket_id, counter_id, service_id, actor, payload)
  SELECT office_id, 'bench-year', ord * ${EVENTS_PER_TICKET} + k + 1, to_timestamp((issued_at + k * 60000) / 1000.0),
    (ARRAY['ticket.issued', 'ticket.called', 'ticket.serving', 'ticket.finished', 'ticket.rated'])[k + 1], ticket_id,
    CASE WHEN k > 0 THEN 1 + (service_id - 1) % 10 END, service_id, CASE WHEN k = 0 THEN 'kiosk:1' ELSE 'staff:' || (1 + (service_id - 1) % 10) END,
    CASE WHEN k = 4 THEN '{"score": 5}'::jsonb ELSE '{}'::jsonb END
  FROM (${TICKET_ROWS(perDay)}) t, generate_series(0, ${EVENTS_PER_TICKET - 1}) k`;

/** The year's business days: the first `days` weekdays of 2025. */
function businessDays(days: number): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${YEAR_FROM}T00:00:00Z`); out.length < days; t += 86_400_000) {
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/**
 * Fills the hub's database with the year unless its marker says it holds this shape already. Returns
 * what it found or made.
 */
const markerOf = (dataDir: string) => path.join(dataDir, 'year.json');

/** Whether the folder holds this year already; when it holds anything else (another shape, a run cut short) it is emptied. */
export function prepareYearFolder(dataDir: string, shape: YearShape): boolean {
  const marker = markerOf(dataDir);
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === JSON.stringify(shape)) return true;
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  return false;
}

export async function ensureYear(hub: Hub, dataDir: string, shape: YearShape, log: (line: string) => void): Promise<{ made: boolean; seconds: number; events: number; tickets: number }> {
  const marker = markerOf(dataDir);
  const want = JSON.stringify(shape);
  const db = hub.db.pool;
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === want) {
    const [e, t] = await Promise.all([db.query("SELECT count(*)::bigint AS n FROM events WHERE generation = 'bench-year'"), db.query('SELECT count(*)::bigint AS n FROM office_tickets')]);
    return { made: false, seconds: 0, events: Number(e.rows[0].n), tickets: Number(t.rows[0].n) };
  }
  const t0 = performance.now();
  const days = businessDays(shape.days);
  await db.query('DROP TABLE IF EXISTS bench_offices, bench_days');
  await db.query('CREATE TABLE bench_offices (idx INTEGER PRIMARY KEY, id TEXT NOT NULL)');
  await db.query('CREATE TABLE bench_days (di INTEGER PRIMARY KEY, day DATE NOT NULL)');
  await db.query('INSERT INTO bench_days SELECT * FROM unnest($1::int[], $2::date[])', [days.map((_, i) => i), days]);
  await new EventPartitions().ensure(db, days.map((d) => Date.parse(`${d}T12:00:00Z`)));
  for (let i = 0; i < shape.offices; i++) {
    const { code } = await hub.offices.add(`UBND xã số ${i + 1}`);
    const office = (await hub.offices.join(code)).officeId;
    await db.query('INSERT INTO bench_offices VALUES ($1, $2)', [i, office]);
    await db.query("INSERT INTO office_directory (office_id, hash) VALUES ($1, 'bench')", [office]);
    await db.query('INSERT INTO office_services SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[])', [office, SERVICES.map((_, s) => s + 1), SERVICES.map((s) => s[0]), SERVICES.map((s) => s[1]), SERVICES.map((s) => s[2])]);
    await db.query('INSERT INTO office_officers SELECT $1, * FROM unnest($2::int[], $3::text[])', [office, GIVEN.map((_, k) => k + 1), GIVEN.map((g, k) => `Nguyễn Văn ${g} ${i + 1}.${k + 1}`)]);
    await db.query('INSERT INTO office_counters SELECT $1, k, k, $2 || k FROM generate_series(1, 10) k', [office, 'Quầy ']);
  }
  const offices = (await db.query<{ idx: number; id: string }>('SELECT idx, id FROM bench_offices ORDER BY idx')).rows;
  for (const o of offices) {
    const c = await db.connect();
    try {
      await c.query('BEGIN');
      // Nothing here must survive a crash mid-way: the marker is written last, and a rerun starts afresh.
      await c.query('SET LOCAL synchronous_commit = off');
      await c.query(INSERT_TICKETS(shape.ticketsPerDay), [o.idx]);
      await c.query(INSERT_EVENTS(shape.ticketsPerDay), [o.idx]);
      const last = shape.days * shape.ticketsPerDay * EVENTS_PER_TICKET;
      await c.query("INSERT INTO office_generations (office_id, generation, base_seq, acked_seq) VALUES ($1, 'bench-year', 0, $2)", [o.id, last]);
      // The rollups by the code every batch runs, a month of the office's tickets at a time.
      await rebuildRollups(c, o.id);
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
    if ((o.idx + 1) % 10 === 0) log(`   year: ${o.idx + 1}/${offices.length} offices written, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  await db.query('ANALYZE');
  fs.writeFileSync(marker, want);
  const events = shape.offices * shape.days * shape.ticketsPerDay * EVENTS_PER_TICKET;
  return { made: true, seconds: (performance.now() - t0) / 1000, events, tickets: events / EVENTS_PER_TICKET };
}
