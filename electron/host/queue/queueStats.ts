import type Database from 'better-sqlite3';
import { estimateWaitMinutes, meanServiceMinutes } from '../../../shared/eta';
import type { ForecastCounter, ForecastInput, ForecastTicket } from '../../../shared/etaForecast';
import type { OfficeSettings } from '../config/officeSettings';

const RECENT_SAMPLES = 30;
const RECENT_WINDOW_MS = 14 * 86_400_000;
const RECENT_CALL_WINDOW_MIN = 45;
/** Arrivals of the last hour, each weighing less as it ages (1 → 0), so the rate glides, never jumps. */
const ARRIVAL_WINDOW_MIN = 60;
const ARRIVAL_WEIGHT = 0.5;
const RESIDUAL_FLOOR = 0.3;
/** A pause of unknown length: this long on average, at least the floor share of it left. */
const EXPECTED_PAUSE_MIN = 15;

/** Figures about the queue read from the database: waiting counts, what the forecast is fed, the capacity model. */
export class QueueStats {
  private readonly waitingByService: Database.Statement<[], { service_id: number; n: number }>;
  private readonly recentDurations: Database.Statement<[number, number], { d: number }>;
  private readonly openCountersOf: Database.Statement<[number], { counter_id: number; busy: number; waiting_services: number }>;
  private readonly configuredCounters: Database.Statement<[number], { n: number }>;
  private readonly callsSince: Database.Statement<[number, number], { n: number; first: number | null }>;
  private readonly maxIssueOrder: Database.Statement<[], { m: number | null }>;
  private readonly issuedBetween: Database.Statement<[number, number, number], { n: number }>;
  private readonly priorityIssuedBetween: Database.Statement<[number, number, number], { n: number }>;
  private readonly feed: {
    counters: Database.Statement<[], { id: number; status: string }>;
    counterServices: Database.Statement<[], { counter_id: number; service_id: number }>;
    atCounters: Database.Statement<[], { counter_id: number; service_id: number; called_at: number }>;
    openPauses: Database.Statement<[], { counter_id: number; from_at: number }>;
    waiting: Database.Statement<[], { id: string; service_id: number; priority: string | null; queued_at: number; issue_order: number; target_counter_id: number | null; callable_at: number | null; appointment_at: number | null; call_count: number }>;
    arrivals: Database.Statement<[number, number, number, number], { weight: number }>;
    runs: Database.Statement<[], { service_id: number; priority_run: number }>;
    jumpsOver: Database.Statement<[number, number, number], { n: number }>;
  };

  constructor(
    db: Database.Database,
    private readonly settings: OfficeSettings,
  ) {
    this.feed = {
      counters: db.prepare("SELECT id, status FROM counters WHERE status IN ('open', 'paused') AND active = 1"),
      counterServices: db.prepare('SELECT counter_id, service_id FROM counter_services ORDER BY counter_id, position'),
      // Plan: tickets_one_active_per_counter partial index (at most one row per counter).
      atCounters: db.prepare("SELECT counter_id, service_id, called_at FROM tickets WHERE state IN ('called', 'serving') AND counter_id IS NOT NULL"),
      openPauses: db.prepare('SELECT counter_id, from_at FROM pauses WHERE to_at IS NULL'),
      // Plan: tickets_waiting_line, already in line order (the size of the line, not of history).
      waiting: db.prepare(
        "SELECT id, service_id, priority, queued_at, issue_order, target_counter_id, callable_at, appointment_at, call_count FROM tickets WHERE state = 'waiting' ORDER BY service_id, queued_at, issue_order",
      ),
      // Plan: tickets_arrivals (service_id, issued_at) range: one hour of one service. Summed in
      // SQL, not returned row by row: a forecast runs at every burst, and a busy hour's rows made
      // garbage by the megabyte (#14: the host's RSS swung by 30 MB in the 100,000-ticket run).
      arrivals: db.prepare(
        'SELECT total(max(0.0, 1.0 - (? - issued_at) / CAST(? AS REAL))) AS weight FROM tickets WHERE service_id = ? AND transferred_from IS NULL AND issued_at >= ?',
      ),
      runs: db.prepare('SELECT service_id, priority_run FROM service_call_runs'),
      // Plan: tickets_called (service_id, called_at) range since the normal ticket queued.
      jumpsOver: db.prepare(
        'SELECT count(*) AS n FROM tickets WHERE service_id = ? AND called_at >= ? AND priority IS NOT NULL AND queued_at > ? AND transferred_from IS NULL',
      ),
    };
    // Plan: tickets_waiting_line, covering.
    this.waitingByService = db.prepare("SELECT service_id, count(*) AS n FROM tickets WHERE state = 'waiting' GROUP BY service_id");
    // Plan: tickets_finished (service_id, finished_at) partial index, newest first, LIMIT 30.
    this.recentDurations = db.prepare(
      "SELECT finished_at - coalesce(called_at, serving_at) AS d FROM tickets WHERE service_id = ? AND state = 'done' AND finished_at > ? ORDER BY finished_at DESC LIMIT " + RECENT_SAMPLES,
    );
    // For each open counter serving the service: is it idle, and how many services it calls
    // *before* this one have people waiting (those take the counter first).
    this.openCountersOf = db.prepare(`
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
    // Plan: tickets_issue_order (unique), its last entry.
    this.maxIssueOrder = db.prepare('SELECT max(issue_order) AS m FROM tickets');
    // Plan: the service's part of tickets_waiting_line / tickets_waiting_priority (line-sized).
    this.issuedBetween = db.prepare("SELECT count(*) AS n FROM tickets WHERE service_id = ? AND state = 'waiting' AND issue_order > ? AND issue_order < ?");
    this.priorityIssuedBetween = db.prepare(
      "SELECT count(*) AS n FROM tickets WHERE service_id = ? AND state = 'waiting' AND priority IS NOT NULL AND issue_order > ? AND issue_order < ?",
    );
    this.callsSince = db.prepare('SELECT count(*) AS n, min(called_at) AS first FROM tickets WHERE service_id = ? AND called_at >= ?');
  }

  lastIssueOrder(): number {
    return this.maxIssueOrder.get()?.m ?? 0;
  }

  /** Waiting tickets of a service issued between two issue orders (a priority one counts only priority ones). */
  waitingIssuedBetween(serviceId: number, after: number, before: number, priorityOnly: boolean): number {
    return ((priorityOnly ? this.priorityIssuedBetween : this.issuedBetween).get(serviceId, after, before)?.n) ?? 0;
  }

  waitingCounts(): Map<number, number> {
    return new Map(this.waitingByService.all().map((r) => [r.service_id, r.n]));
  }

  meanServiceMinutes(serviceId: number, now: number): number {
    const durations = this.recentDurations.all(serviceId, now - RECENT_WINDOW_MS).map((r) => r.d);
    return meanServiceMinutes(durations, this.settings.get().defaultServiceMinutes);
  }

  /**
   * The queue as it stands, in the form shared/etaForecast.ts plays forward, and which of its
   * counters are open now (signed in, not paused): paused ones take part in the play, since they
   * come back, but only an open one lets the screens promise minutes (issue #28).
   */
  forecastInput(now: number, newTicketServices: readonly number[]): ForecastInput & { openCounterIds: ReadonlySet<number> } {
    const office = this.settings.get();
    const means = new Map<number, number>();
    const mean = (sid: number) => {
      let m = means.get(sid);
      if (m === undefined) means.set(sid, (m = this.meanServiceMinutes(sid, now)));
      return m;
    };
    const servicesOf = new Map<number, number[]>();
    for (const r of this.feed.counterServices.all()) {
      const l = servicesOf.get(r.counter_id);
      if (l) l.push(r.service_id);
      else servicesOf.set(r.counter_id, [r.service_id]);
    }
    const current = new Map(this.feed.atCounters.all().map((r) => [r.counter_id, r]));
    const pausedSince = new Map(this.feed.openPauses.all().map((r) => [r.counter_id, r.from_at]));
    const counterRows = this.feed.counters.all();
    const openCounterIds = new Set(counterRows.filter((c) => c.status === 'open').map((c) => c.id));
    const counters: ForecastCounter[] = counterRows.map((c) => {
      const cur = current.get(c.id);
      let freeIn = 0;
      if (c.status === 'paused') {
        const since = pausedSince.get(c.id) ?? now;
        freeIn = Math.max(EXPECTED_PAUSE_MIN * RESIDUAL_FLOOR, EXPECTED_PAUSE_MIN - (now - since) / 60_000);
      } else if (cur) {
        const m = mean(cur.service_id);
        freeIn = Math.max(m * RESIDUAL_FLOOR, m - (now - cur.called_at) / 60_000);
      }
      return { id: c.id, serviceIds: servicesOf.get(c.id) ?? [], freeInMinutes: freeIn };
    });
    const waiting: ForecastTicket[] = this.feed.waiting.all().map((w) => ({
      id: w.id,
      serviceId: w.service_id,
      priority: w.priority !== null,
      queuedAt: w.queued_at,
      issueOrder: w.issue_order,
      targetCounterId: w.target_counter_id,
      callableAt: w.callable_at,
      // As the host's call picks it (calling.ts): never called, not sent to a counter, not priority.
      dueAt: w.call_count === 0 && w.target_counter_id === null && w.priority === null ? w.appointment_at : null,
    }));
    const relevant = new Set(counters.flatMap((c) => c.serviceIds));
    const arrivalsPerMinute = new Map<number, number>();
    for (const sid of relevant) {
      // Each arrival weighs 1 now, falling to 0 at the window's far end.
      const windowMs = ARRIVAL_WINDOW_MIN * 60_000;
      const weight = this.feed.arrivals.get(now, windowMs, sid, now - windowMs)?.weight ?? 0;
      // The weights integrate to half the window: weight / (window / 2) arrivals per minute.
      if (weight > 0) arrivalsPerMinute.set(sid, (weight / (ARRIVAL_WINDOW_MIN / 2)) * ARRIVAL_WEIGHT);
    }
    const headJumps = new Map<number, number>();
    if (office.priorityStrategy.kind === 'jumpLimit') {
      const seen = new Set<number>();
      for (const w of waiting) {
        if (w.priority || w.targetCounterId !== null || (w.callableAt ?? 0) > now || seen.has(w.serviceId)) continue;
        seen.add(w.serviceId);
        headJumps.set(w.serviceId, this.feed.jumpsOver.get(w.serviceId, w.queuedAt, w.queuedAt)?.n ?? 0);
      }
    }
    return {
      now,
      counters,
      waiting,
      meanMinutes: mean,
      arrivalsPerMinute,
      strategy: office.priorityStrategy,
      serviceAgingMinutes: office.serviceAgingMinutes,
      priorityRun: new Map(this.feed.runs.all().map((r) => [r.service_id, r.priority_run])),
      headJumps,
      newTicketServices,
      openCounterIds,
    };
  }

  /**
   * The capacity model, for a service no open counter serves right now: its mean service time
   * divided across the counters configured for it, as if they opened now (see docs/ETA.md).
   */
  etaMinutes(serviceId: number, ahead: number, now: number): number {
    return this.capacityModel(serviceId, now)(ahead);
  }

  /** The capacity model's inputs read once, for many tickets of the same service. */
  capacityModel(serviceId: number, now: number): (ahead: number) => number {
    const open = this.openCountersOf.all(serviceId);
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
    const meanMinutes = this.meanServiceMinutes(serviceId, now);
    return (ahead) => estimateWaitMinutes({ ahead, meanServiceMinutes: meanMinutes, capacity, idleCounters: idle, recentCalls: calls?.n ?? 0, windowMinutes: span });
  }
}
