import type Database from 'better-sqlite3';
import { businessDay } from '../../../shared/businessDay';
import { monthsFromDays, OFFICE_ZONE, rollupBuildSql } from '../db/migrations/m008_incremental_rollups';

/** The tables m008's triggers keep: derived from tickets and ratings, never the truth themselves. */
export const ROLLUP_TABLES = ['report_day', 'report_hist', 'report_rating', 'report_reason'] as const;
/** Everything a restore rebuilds instead of copying: the rollups and the office zone they read. */
export const DERIVED_TABLES = [...ROLLUP_TABLES, 'report_zone'] as const;

/** The zone the triggers read, from the office settings (kept by triggers on settings; put right here). */
function refreshZone(db: Database.Database): void {
  db.exec(`INSERT OR REPLACE INTO report_zone (id, zone) VALUES (1, ${OFFICE_ZONE})`);
}

export interface RollupRepair {
  /** A business day, or 'all' when the totals over all history disagreed. */
  scope: string;
  detail: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const HOURS = Array.from({ length: 24 }, (_, h) => `h${h}`);

/** Everything of one day the reports read, in a comparable form (hours as their sum: see below). */
function dayState(db: Database.Database, day: string): string {
  const rows = db.prepare(`SELECT * FROM report_day WHERE business_day = ? ORDER BY service_id, counter_id, officer_id`).all(day) as Record<string, number>[];
  // The hour of issue is the office's zone when the ticket was issued; a rebuild reads the zone of
  // today, so after a zone change only their total (= issued) is comparable.
  // A group all its tickets left (called to a counter) stays as a row of zeros; a rebuild has none.
  const KEY = ['business_day', 'service_id', 'counter_id', 'officer_id'];
  const days = rows
    .filter((r) => Object.entries(r).some(([k, v]) => !KEY.includes(k) && v !== 0))
    .map((r) => {
      const rest = Object.fromEntries(Object.entries(r).filter(([k]) => !HOURS.includes(k)));
      return { ...rest, hours: HOURS.reduce((s, h) => s + (r[h] ?? 0), 0) };
    });
  const nonZero = (sql: string) => db.prepare(sql).raw().all(day);
  return JSON.stringify({
    days,
    // Histograms are canonical blobs (no empty bucket), so equal ones compare equal; empty ones are skipped.
    hist: nonZero("SELECT measure, service_id, counter_id, officer_id, hex(h) FROM report_hist WHERE period = ? AND length(h) > 0 ORDER BY 1, 2, 3, 4"),
    ratings: nonZero('SELECT service_id, counter_id, officer_id, levels, score, n FROM report_rating WHERE business_day = ? AND n != 0 ORDER BY 1, 2, 3, 4, 5'),
    reasons: nonZero('SELECT service_id, counter_id, officer_id, code, n FROM report_reason WHERE business_day = ? AND n != 0 ORDER BY 1, 2, 3, 4'),
  });
}

function clearDay(db: Database.Database, day: string): void {
  db.prepare('DELETE FROM report_day WHERE business_day = ?').run(day);
  db.prepare('DELETE FROM report_hist WHERE period = ?').run(day);
  db.prepare('DELETE FROM report_rating WHERE business_day = ?').run(day);
  db.prepare('DELETE FROM report_reason WHERE business_day = ?').run(day);
}

/** Rebuild one day from its tickets (tickets_day index) and its month's buckets from the month's days. */
function rebuildDay(db: Database.Database, day: string): void {
  clearDay(db, day);
  db.exec(rollupBuildSql(`t.business_day = '${day}'`));
  const month = day.slice(0, 7);
  db.prepare('DELETE FROM report_hist WHERE period = ?').run(month);
  db.exec(monthsFromDays(`${month}-??`));
}

/** All rollups from all tickets: the migration's grouped build (a restore, or totals that disagree). */
export function rebuildAllRollups(db: Database.Database): void {
  refreshZone(db);
  for (const t of ROLLUP_TABLES) db.exec(`DELETE FROM ${t}`);
  db.exec(rollupBuildSql());
  db.exec(monthsFromDays());
}

/**
 * The start-up check. The triggers keep the rollups in the ticket's own transaction, so they can only
 * disagree with the tickets after a hand edit or a tool that bypassed the triggers. Two cheap looks:
 * totals over all history (three counts over indexes), and the recent business days in full —
 * each rebuilt inside a savepoint and compared, kept only if it differed (then its month's buckets
 * are summed again too). Returns what was put right.
 */
export function verifyRollups(db: Database.Database, recentDays: string[]): RollupRepair[] {
  const repairs: RollupRepair[] = [];
  db.transaction(() => {
    refreshZone(db);
    const totals = db
      .prepare(
        `SELECT (SELECT count(*) FROM tickets WHERE transferred_from IS NULL) AS issued, (SELECT coalesce(sum(issued), 0) FROM report_day) AS r_issued,
                (SELECT count(*) FROM tickets WHERE state = 'done') AS served, (SELECT coalesce(sum(served), 0) FROM report_day) AS r_served,
                (SELECT count(*) FROM ratings) AS rated, (SELECT coalesce(sum(n), 0) FROM report_rating) AS r_rated`,
      )
      .get() as Record<'issued' | 'r_issued' | 'served' | 'r_served' | 'rated' | 'r_rated', number>;
    if (totals.issued !== totals.r_issued || totals.served !== totals.r_served || totals.rated !== totals.r_rated) {
      repairs.push({ scope: 'all', detail: `issued ${totals.r_issued}→${totals.issued}, served ${totals.r_served}→${totals.served}, ratings ${totals.r_rated}→${totals.rated}` });
      rebuildAllRollups(db);
      return;
    }
    for (const day of new Set(recentDays)) {
      if (!DAY.test(day)) continue;
      const stored = dayState(db, day);
      db.exec('SAVEPOINT rollup_check');
      rebuildDay(db, day);
      const actual = dayState(db, day);
      if (actual === stored) db.exec('ROLLBACK TO rollup_check');
      else repairs.push({ scope: day, detail: 'rebuilt from its tickets' });
      db.exec('RELEASE rollup_check');
    }
  }).immediate();
  return repairs;
}

/** verifyRollups over the office's current business day and the two before it. */
export function verifyRecentRollups(db: Database.Database, now: number, office: { timeZone: string; dayBoundaryMinutes: number }): RollupRepair[] {
  const days = [0, 1, 2].map((k) => businessDay(now - k * 86_400_000, office.timeZone, office.dayBoundaryMinutes));
  return verifyRollups(db, days);
}
