import type pg from 'pg';
import { AppError } from '../../shared/errors';
import { estimateWaitMinutes, meanServiceMinutes } from '../../shared/eta';
import type { PublicTicket, PublicTicketState } from '../../shared/hubBooking';

/** What the hub reads of an office's recent work for an estimate: the last half hour of its clock. */
const RECENT_MS = 30 * 60_000;
/** A service time assumed until the day has a few served tickets (the office's own default is set per office; the hub does not know it). */
const FALLBACK_SERVICE_MINUTES = 8;

/**
 * A ticket's tracking page on the hub (the ticket's QR when the office has a hub with a public
 * address): from the newest copies the office pushed, the ticket's state, the people ahead of it in
 * its service and its service's numbers being called. A ticket id is 14 random signs (≈ 81 bits), and
 * every look-up is still a guess paid before it is checked (the route's budget). Nothing personal:
 * the copies hold none. The estimate is the office's model (shared/eta.ts) fed with what the copies
 * say of the last half hour: the service's recent service times, its calls and the counters calling it.
 */
export async function trackTicket(db: pg.Pool, officeId: string, ticketId: string, now: number): Promise<PublicTicket> {
  const t = (
    await db.query<{ number: string; state: PublicTicketState; service_id: number; business_day: string; issued_at: string; office_name: string; name_vi: string | null; name_en: string | null; counter: number | null }>(
      `SELECT t.number, t.state, t.service_id, t.business_day::text AS business_day, t.issued_at, o.name AS office_name, s.name_vi, s.name_en, c.number AS counter
       FROM office_tickets t JOIN offices o ON o.id = t.office_id
       LEFT JOIN office_services s ON s.office_id = t.office_id AND s.service_id = t.service_id
       LEFT JOIN office_counters c ON c.office_id = t.office_id AND c.counter_id = t.counter_id
       WHERE t.office_id = $1 AND t.ticket_id = $2 AND o.revoked_at IS NULL`,
      [officeId, ticketId],
    )
  ).rows[0];
  if (!t) throw new AppError('TICKET_NOT_FOUND');
  const [ahead, calling, pushed] = await Promise.all([
    t.state === 'waiting'
      ? db.query<{ n: string }>(`SELECT count(*) AS n FROM office_tickets WHERE office_id = $1 AND business_day = $2::date AND service_id = $3 AND state = 'waiting' AND issued_at < $4`, [officeId, t.business_day, t.service_id, t.issued_at])
      : null,
    db.query<{ number: string; counter: number | null }>(
      `SELECT t.number, c.number AS counter FROM office_tickets t LEFT JOIN office_counters c ON c.office_id = t.office_id AND c.counter_id = t.counter_id
       WHERE t.office_id = $1 AND t.business_day = $2::date AND t.service_id = $3 AND t.state IN ('called', 'serving') ORDER BY t.called_at DESC NULLS LAST LIMIT 3`,
      [officeId, t.business_day, t.service_id],
    ),
    db.query<{ at: Date | null; offset: string | null }>(
      'SELECT last_push_at AS at, clock_offset_ms AS offset FROM office_generations WHERE office_id = $1 ORDER BY last_push_at DESC LIMIT 1',
      [officeId],
    ),
  ]);
  const estimate = ahead ? await estimateFor(db, officeId, t.business_day, t.service_id, Number(ahead.rows[0]?.n ?? 0), now + Number(pushed.rows[0]?.offset ?? 0)) : null;
  return {
    office: { id: officeId, name: t.office_name },
    number: t.number,
    service: { id: t.service_id, nameVi: t.name_vi ?? `Dịch vụ ${t.service_id}`, nameEn: t.name_en || t.name_vi || `Service ${t.service_id}` },
    state: t.state,
    businessDay: t.business_day,
    ahead: ahead ? Number(ahead.rows[0]?.n ?? 0) : null,
    estimateMinutes: estimate,
    counter: t.state === 'called' || t.state === 'serving' ? t.counter : null,
    nowCalling: calling.rows,
    updatedAt: pushed.rows[0]?.at?.getTime() ?? null,
  };
}

/** Minutes until a waiting ticket with `ahead` before it is called, on the office's clock `officeNow`. */
async function estimateFor(db: pg.Pool, officeId: string, day: string, serviceId: number, ahead: number, officeNow: number): Promise<number> {
  const [served, recent] = await Promise.all([
    db.query<{ ms: string }>(
      `SELECT finished_at - coalesce(serving_at, called_at) AS ms FROM office_tickets
       WHERE office_id = $1 AND business_day = $2::date AND service_id = $3 AND state = 'done' AND finished_at IS NOT NULL AND called_at IS NOT NULL
       ORDER BY finished_at DESC LIMIT 20`,
      [officeId, day, serviceId],
    ),
    db.query<{ calls: string; counters: string }>(
      `SELECT count(*) AS calls, count(DISTINCT counter_id) AS counters FROM office_tickets
       WHERE office_id = $1 AND business_day = $2::date AND service_id = $3 AND called_at >= $4`,
      [officeId, day, serviceId, officeNow - RECENT_MS],
    ),
  ]);
  const r = recent.rows[0];
  return estimateWaitMinutes({
    ahead,
    meanServiceMinutes: meanServiceMinutes(served.rows.map((x) => Number(x.ms)), FALLBACK_SERVICE_MINUTES),
    capacity: Math.max(1, Number(r?.counters ?? 0)),
    idleCounters: 0,
    recentCalls: Number(r?.calls ?? 0),
    windowMinutes: RECENT_MS / 60_000,
  });
}
