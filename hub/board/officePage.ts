import type pg from 'pg';
import { localParts } from '../../shared/businessDay';
import type { CounterNow, HealthLogLine, HourFigure, OfficeExtrasView, OfficePage } from '../../shared/hubBoard';
import { boardDay, boardRows } from './boardQuery';

const HEALTH_LINES = 50;

/** One office in detail: who serves which number now, today's hours, its health history. */
export async function officePage(db: Pick<pg.Pool, 'query'>, o: { officeId: string; now: number; timeZone: string; extras?: (officeId: string) => Promise<OfficeExtrasView | null> }): Promise<OfficePage | null> {
  const row = (await boardRows(db, { now: o.now, timeZone: o.timeZone, offices: [o.officeId] }))[0];
  if (!row) return null;
  const { day } = boardDay(o.now, o.timeZone);
  const counters = await db.query<{ counter_id: number; number: string; state: 'called' | 'serving'; officer_id: number | null; since: string }>(
    `SELECT counter_id, number, state, officer_id, COALESCE(serving_at, called_at, issued_at) AS since FROM office_tickets
      WHERE office_id = $1 AND business_day = $2::date AND state IN ('called', 'serving') AND counter_id IS NOT NULL ORDER BY counter_id`,
    [o.officeId, day],
  );
  const tickets = await db.query<{ issued_at: string; called_at: string | null }>('SELECT issued_at, called_at FROM office_tickets WHERE office_id = $1 AND business_day = $2::date AND transferred_from IS NULL', [o.officeId, day]);
  const log = await db.query<{ reported_at: Date; ok: boolean; summary: string }>('SELECT reported_at, ok, summary FROM office_health_log WHERE office_id = $1 ORDER BY reported_at DESC LIMIT $2', [o.officeId, HEALTH_LINES]);
  return {
    row,
    day,
    counters: counters.rows.map((c): CounterNow => ({ counterId: c.counter_id, number: c.number, state: c.state, officerId: c.officer_id, since: Number(c.since) })),
    hours: hourly(tickets.rows.map((t) => ({ issuedAt: Number(t.issued_at), calledAt: t.called_at === null ? null : Number(t.called_at) })), o.timeZone),
    healthLog: log.rows.map((l): HealthLogLine => ({ at: l.reported_at.getTime(), ok: l.ok, summary: l.summary })),
    extras: (await o.extras?.(o.officeId)) ?? null,
  };
}

/** Arrivals per local hour, and the mean wait of the tickets called in that hour. Hours with nothing are left out. */
export function hourly(tickets: { issuedAt: number; calledAt: number | null }[], timeZone: string): HourFigure[] {
  const by = new Map<number, { arrivals: number; waitSum: number; called: number }>();
  const at = (h: number) => by.get(h) ?? by.set(h, { arrivals: 0, waitSum: 0, called: 0 }).get(h)!;
  for (const t of tickets) {
    at(localParts(t.issuedAt, timeZone).hour).arrivals++;
    if (t.calledAt !== null) {
      const b = at(localParts(t.calledAt, timeZone).hour);
      b.called++;
      b.waitSum += t.calledAt - t.issuedAt;
    }
  }
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([hour, b]) => ({ hour, arrivals: b.arrivals, meanWaitMinutes: b.called ? Math.round(b.waitSum / b.called / 6000) / 10 : null }));
}
