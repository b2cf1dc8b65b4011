import type pg from 'pg';
import { businessDay, businessDayStart } from '../../shared/businessDay';
import type { BoardHealth, BoardRow } from '../../shared/hubBoard';

export interface BoardDay {
  day: string;
  start: number;
}

/** The province's business day now (offices of one province share a time zone; the day turns at midnight). */
export function boardDay(now: number, timeZone: string): BoardDay {
  const day = businessDay(now, timeZone, 0);
  return { day, start: businessDayStart(day, timeZone, 0) };
}

interface RawRow {
  id: string;
  name: string;
  joined_at: Date | null;
  alert_waiting: number;
  alert_wait_minutes: number;
  waiting: string | null;
  oldest_waiting: string | null;
  served: string | null;
  rated: string | null;
  satisfied: string | null;
  open_counters: string | null;
  last_push_at: Date | null;
  clock_offset_ms: string | null;
  health: { ok: boolean; database: string; disk: string; printers: string; boards: string; speakers?: string; details?: { printers?: { message?: string }[]; speakers?: { name?: string; state?: string }[] } } | null;
  health_at: Date | null;
  last_backup_at: Date | null;
}

/** Paper out, as the office's printer check words it (electron/host/printer/printerStatus.ts). */
const PAPER_OUT = /hết giấy|paper (end|out)/i;

/**
 * Every live office's line on the board (or only `offices`'), in one statement. Each office's
 * figures come from its own rows through the (office, business day) index and today's counter
 * events through the events key's office prefix, so the cost grows with today's work, not the year's.
 */
export async function boardRows(db: Pick<pg.Pool, 'query'>, o: { now: number; timeZone: string; offices: string[] | null }): Promise<BoardRow[]> {
  const { day, start } = boardDay(o.now, o.timeZone);
  const r = await db.query<RawRow>(
    `SELECT o.id, o.name, o.joined_at, o.alert_waiting, o.alert_wait_minutes,
            t.waiting, t.oldest_waiting, t.served, t.rated, t.satisfied, c.open_counters,
            g.last_push_at, g.clock_offset_ms, h.health, h.reported_at AS health_at, x.last_backup_at
       FROM offices o
       LEFT JOIN LATERAL (
         SELECT count(*) FILTER (WHERE state = 'waiting') AS waiting,
                min(issued_at) FILTER (WHERE state = 'waiting') AS oldest_waiting,
                count(*) FILTER (WHERE state = 'done') AS served,
                count(rating_score) AS rated,
                count(*) FILTER (WHERE rating_score >= rating_levels - 1) AS satisfied
           FROM office_tickets WHERE office_id = o.id AND business_day = $1::date) t ON true
       LEFT JOIN LATERAL (
         SELECT count(*) FILTER (WHERE type IN ('counter.opened', 'counter.resumed')) AS open_counters
           FROM (SELECT DISTINCT ON (counter_id) type FROM events
                  WHERE office_id = o.id AND at >= $2 AND type LIKE 'counter.%' AND counter_id IS NOT NULL
                  ORDER BY counter_id, at DESC, seq DESC) last) c ON true
       LEFT JOIN LATERAL (
         SELECT last_push_at, clock_offset_ms FROM office_generations WHERE office_id = o.id ORDER BY last_push_at DESC LIMIT 1) g ON true
       LEFT JOIN office_health h ON h.office_id = o.id
       LEFT JOIN office_extras x ON x.office_id = o.id
      WHERE o.revoked_at IS NULL AND ($3::text[] IS NULL OR o.id = ANY($3::text[]))
      ORDER BY o.name`,
    [day, new Date(start), o.offices],
  );
  return r.rows.map((x) => toRow(x, o.now));
}

function toRow(x: RawRow, now: number): BoardRow {
  const officeNow = now + Number(x.clock_offset_ms ?? 0);
  const h = x.health;
  const health: BoardHealth | null =
    h && x.health_at
      ? {
          ok: h.ok,
          database: h.database,
          disk: h.disk,
          printers: h.printers,
          boards: h.boards,
          paperOut: (h.details?.printers ?? []).some((p) => PAPER_OUT.test(p.message ?? '')),
          speakers: h.speakers ?? 'unknown',
          // The office lists its speaking displays silent ones first; 'playing' is the only state heard.
          silentDisplays: (h.details?.speakers ?? []).filter((s) => s.state !== 'playing').map((s) => s.name ?? '?'),
          reportedAt: x.health_at.getTime(),
        }
      : null;
  const rated = Number(x.rated ?? 0);
  return {
    officeId: x.id,
    name: x.name,
    joined: x.joined_at !== null,
    waiting: Number(x.waiting ?? 0),
    longestWaitMs: x.oldest_waiting === null ? null : Math.max(0, officeNow - Number(x.oldest_waiting)),
    openCounters: Number(x.open_counters ?? 0),
    servedToday: Number(x.served ?? 0),
    ratedToday: rated,
    satisfiedPct: rated ? Math.round((Number(x.satisfied ?? 0) / rated) * 1000) / 10 : null,
    lastPushAt: x.last_push_at?.getTime() ?? null,
    clockOffsetMs: x.clock_offset_ms === null ? null : Number(x.clock_offset_ms),
    health,
    lastBackupAt: x.last_backup_at?.getTime() ?? null,
    alertWaiting: x.alert_waiting,
    alertWaitMinutes: x.alert_wait_minutes,
  };
}
