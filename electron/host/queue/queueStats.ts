import type Database from 'better-sqlite3';
import { estimateWaitMinutes, meanServiceMinutes } from '../../../shared/eta';
import { forecastWait } from '../../../shared/etaForecast';
import type { ForecastCounter } from '../../../shared/etaForecast';
import type { OfficeSettings } from '../config/officeSettings';
import type { TicketRow } from './rows';

const RECENT_SAMPLES = 30;
const RECENT_WINDOW_MS = 14 * 86_400_000;
const RECENT_CALL_WINDOW_MIN = 45;
const ARRIVAL_WEIGHT = 0.5;
const RESIDUAL_FLOOR = 0.3;

/** Read-only figures about the queue: waiting counts, people ahead, estimated wait. */
export class QueueStats {
  private readonly waitingByService: Database.Statement<[], { service_id: number; n: number }>;
  private readonly recentDurations: Database.Statement<[number, number], { d: number }>;
  private readonly openCounters: Database.Statement<[number], { counter_id: number; busy: number; waiting_services: number }>;
  private readonly configuredCounters: Database.Statement<[number], { n: number }>;
  private readonly callsSince: Database.Statement<[number, number], { n: number; first: number | null }>;
  private readonly aheadOf: Database.Statement<[number, number, number, number], { n: number }>;
  private readonly aheadOfPriority: Database.Statement<[number, number, number, number], { n: number }>;

  private readonly forecastStmts: {
    openCounters: Database.Statement<[], { id: number; status: string }>;
    servicesOf: Database.Statement<[number], { service_id: number }>;
    current: Database.Statement<[number], { service_id: number; called_at: number }>;
    waiting: Database.Statement<[], { id: string; service_id: number; priority: string | null; queued_at: number; issue_order: number; target_counter_id: number | null }>;
    arrivals: Database.Statement<[number], { service_id: number; n: number }>;
  };

  constructor(
    db: Database.Database,
    private readonly settings: OfficeSettings,
  ) {
    this.forecastStmts = {
      openCounters: db.prepare("SELECT id, status FROM counters WHERE status IN ('open', 'paused') AND active = 1"),
      servicesOf: db.prepare('SELECT service_id FROM counter_services WHERE counter_id = ? ORDER BY position'),
      current: db.prepare("SELECT service_id, called_at FROM tickets WHERE counter_id = ? AND state IN ('called', 'serving')"),
      // Plan: tickets_waiting partial index.
      waiting: db.prepare("SELECT id, service_id, priority, queued_at, issue_order, target_counter_id FROM tickets WHERE state = 'waiting'"),
      arrivals: db.prepare('SELECT service_id, count(*) AS n FROM tickets WHERE issued_at >= ? AND transferred_from IS NULL GROUP BY service_id'),
    };
    this.waitingByService = db.prepare("SELECT service_id, count(*) AS n FROM tickets WHERE state = 'waiting' GROUP BY service_id");
    // Plan: tickets_finished (service_id, finished_at) partial index, newest first, LIMIT 30.
    this.recentDurations = db.prepare(
      "SELECT finished_at - coalesce(called_at, serving_at) AS d FROM tickets WHERE service_id = ? AND state = 'done' AND finished_at > ? ORDER BY finished_at DESC LIMIT " + RECENT_SAMPLES,
    );
    // For each open counter serving the service: is it idle, and how many services it calls
    // *before* this one have people waiting (those take the counter first).
    this.openCounters = db.prepare(`
      SELECT c.id AS counter_id,
        EXISTS (SELECT 1 FROM tickets t WHERE t.counter_id = c.id AND t.state IN ('called', 'serving')) AS busy,
        (SELECT count(*) FROM counter_services cs2 WHERE cs2.counter_id = c.id AND cs2.position < cs.position
           AND EXISTS (SELECT 1 FROM tickets w WHERE w.service_id = cs2.service_id AND w.state = 'waiting')) AS waiting_services
      FROM counters c JOIN counter_services cs ON cs.counter_id = c.id
      WHERE cs.service_id = ? AND c.status = 'open' AND c.active = 1`);
    this.configuredCounters = db.prepare(
      'SELECT count(*) AS n FROM counters c JOIN counter_services cs ON cs.counter_id = c.id WHERE cs.service_id = ? AND c.active = 1',
    );
    // Plan: tickets_called (service_id, called_at) range.
    this.callsSince = db.prepare('SELECT count(*) AS n, min(called_at) AS first FROM tickets WHERE service_id = ? AND called_at >= ?');
    this.aheadOf = db.prepare(
      "SELECT count(*) AS n FROM tickets WHERE service_id = ? AND state = 'waiting' AND (queued_at < ? OR (queued_at = ? AND issue_order < ?))",
    );
    this.aheadOfPriority = db.prepare(
      "SELECT count(*) AS n FROM tickets WHERE service_id = ? AND state = 'waiting' AND priority IS NOT NULL AND (queued_at < ? OR (queued_at = ? AND issue_order < ?))",
    );
  }

  /**
   * ETA of one waiting ticket: play the open counters forward over the queue as it stands (see
   * shared/etaForecast.ts); when no open counter serves its service, the capacity model.
   */
  ticketEta(t: Pick<TicketRow, 'id' | 'service_id'>, ahead: number, now: number, extra?: { queuedAt: number }): number {
    const open = this.forecastStmts.openCounters.all();
    const means = new Map<number, number>();
    const mean = (sid: number) => {
      let m = means.get(sid);
      if (m === undefined) means.set(sid, (m = this.meanServiceMinutes(sid, now)));
      return m;
    };
    const counters: ForecastCounter[] = open.map((c) => {
      const serviceIds = this.forecastStmts.servicesOf.all(c.id).map((r) => r.service_id);
      const cur = this.forecastStmts.current.get(c.id);
      let freeIn = 0;
      if (c.status === 'paused') freeIn = 10;
      else if (cur) freeIn = Math.max(mean(cur.service_id) * RESIDUAL_FLOOR, mean(cur.service_id) - (now - cur.called_at) / 60_000);
      return { id: c.id, serviceIds, freeInMinutes: freeIn };
    });
    const relevant = new Set(counters.flatMap((c) => c.serviceIds));
    const waiting = this.forecastStmts.waiting
      .all()
      .filter((w) => relevant.has(w.service_id) || w.target_counter_id !== null)
      .map((w) => ({ id: w.id, serviceId: w.service_id, priority: w.priority !== null, queuedAt: w.queued_at, issueOrder: w.issue_order, targetCounterId: w.target_counter_id }));
    // A ticket not issued yet (the kiosk tile's "if you take a number now"): last in its queue.
    if (extra) waiting.push({ id: t.id, serviceId: t.service_id, priority: false, queuedAt: extra.queuedAt, issueOrder: Number.MAX_SAFE_INTEGER, targetCounterId: null });
    // Recent arrival rate per service (last hour), for the newcomers the forecast must expect.
    const rates = new Map(
      this.forecastStmts.arrivals.all(now - 3_600_000).map(
        (r) => [r.service_id, (r.n / 60) * ARRIVAL_WEIGHT],
      ),
    );
    const f = forecastWait(counters, waiting, mean, t.id, rates);
    return f === null ? this.etaMinutes(t.service_id, ahead, now) : Math.round(f);
  }

  /** What a citizen taking a number for this service now would be told. */
  serviceEta(serviceId: number, waiting: number, now: number): number {
    return this.ticketEta({ id: '~new', service_id: serviceId }, waiting, now, { queuedAt: now });
  }

  waitingCounts(): Map<number, number> {
    return new Map(this.waitingByService.all().map((r) => [r.service_id, r.n]));
  }

  meanServiceMinutes(serviceId: number, now: number): number {
    const durations = this.recentDurations.all(serviceId, now - RECENT_WINDOW_MS).map((r) => r.d);
    return meanServiceMinutes(durations, this.settings.get().defaultServiceMinutes);
  }

  /** People a ticket still has before it: older waiting tickets of its service; priority tickets only count older priority ones. */
  ahead(t: Pick<TicketRow, 'service_id' | 'queued_at' | 'issue_order' | 'priority'>): number {
    const stmt = t.priority ? this.aheadOfPriority : this.aheadOf;
    return stmt.get(t.service_id, t.queued_at, t.queued_at, t.issue_order)?.n ?? 0;
  }

  etaMinutes(serviceId: number, ahead: number, now: number): number {
    const open = this.openCounters.all(serviceId);
    let capacity = 0;
    let idle = 0;
    for (const c of open) {
      // A counter gives this service its whole time once the services it calls first are empty.
      capacity += c.waiting_services === 0 ? 1 : 0.25;
      if (!c.busy && c.waiting_services === 0) idle += 1;
    }
    if (open.length === 0) capacity = this.configuredCounters.get(serviceId)?.n ?? 0;
    const calls = this.callsSince.get(serviceId, now - RECENT_CALL_WINDOW_MIN * 60_000);
    // The rate over the time the calls actually span (the day may have started 10 minutes ago).
    const span = calls?.first ? Math.max(5, (now - calls.first) / 60_000) : RECENT_CALL_WINDOW_MIN;
    return estimateWaitMinutes({ ahead, meanServiceMinutes: this.meanServiceMinutes(serviceId, now), capacity, idleCounters: idle, recentCalls: calls?.n ?? 0, windowMinutes: span });
  }
}
