import type pg from 'pg';
import type { CounterNow, HealthLogLine, HourFigure, OfficeExtrasView, OfficePage } from '../../shared/hubBoard';
import type { OfficeHours } from '../../shared/hubReports';
import { officeHours } from '../reports/officeHours';
import { boardDay, boardRows } from './boardQuery';

const HEALTH_LINES = 50;

/** One office in detail: who serves which number now (named from its directory), today's hours (from the rollups), its health history. */
export async function officePage(db: Pick<pg.Pool, 'query'>, o: { officeId: string; now: number; timeZone: string; extras?: (officeId: string) => Promise<OfficeExtrasView | null> }): Promise<OfficePage | null> {
  const row = (await boardRows(db, { now: o.now, timeZone: o.timeZone, offices: [o.officeId] }))[0];
  if (!row) return null;
  const { day } = boardDay(o.now, o.timeZone);
  const counters = await db.query<{ counter_id: number; counter_name: string | null; number: string; state: 'called' | 'serving'; officer_id: number | null; officer_name: string | null; since: string }>(
    `SELECT t.counter_id, c.name AS counter_name, t.number, t.state, t.officer_id, p.name AS officer_name, COALESCE(t.serving_at, t.called_at, t.issued_at) AS since
       FROM office_tickets t
       LEFT JOIN office_counters c ON c.office_id = t.office_id AND c.counter_id = t.counter_id
       LEFT JOIN office_officers p ON p.office_id = t.office_id AND p.officer_id = t.officer_id
      WHERE t.office_id = $1 AND t.business_day = $2::date AND t.state IN ('called', 'serving') AND t.counter_id IS NOT NULL ORDER BY t.counter_id`,
    [o.officeId, day],
  );
  const hours = await officeHours(db, { officeId: o.officeId, from: day, to: day });
  const log = await db.query<{ reported_at: Date; ok: boolean; summary: string }>('SELECT reported_at, ok, summary FROM office_health_log WHERE office_id = $1 ORDER BY reported_at DESC LIMIT $2', [o.officeId, HEALTH_LINES]);
  return {
    row,
    day,
    counters: counters.rows.map((c): CounterNow => ({ counterId: c.counter_id, counterName: c.counter_name, number: c.number, state: c.state, officerId: c.officer_id, officerName: c.officer_name, since: Number(c.since) })),
    hours: workingHours(hours),
    healthLog: log.rows.map((l): HealthLogLine => ({ at: l.reported_at.getTime(), ok: l.ok, summary: l.summary })),
    extras: (await o.extras?.(o.officeId)) ?? null,
  };
}

/** The day's hours from the first to the last with an arrival or a wait (the quiet hours between stay, as zeros, so the chart reads as a day). */
export function workingHours(h: OfficeHours): HourFigure[] {
  const busy = h.hours.filter((x) => x.arrivals > 0 || x.waitN > 0).map((x) => x.hour);
  if (busy.length === 0) return [];
  return h.hours
    .filter((x) => x.hour >= Math.min(...busy) && x.hour <= Math.max(...busy))
    .map((x) => ({ hour: x.hour, arrivals: x.arrivals, meanWaitMinutes: x.meanWaitMs === null ? null : Math.round(x.meanWaitMs / 6000) / 10 }));
}
