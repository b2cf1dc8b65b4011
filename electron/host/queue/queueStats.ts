import type Database from 'better-sqlite3';
import { estimateWaitMinutes, meanServiceMinutes } from '../../../shared/eta';
import type { OfficeSettings } from '../config/officeSettings';
import type { TicketRow } from './rows';

const RECENT_SAMPLES = 30;
const RECENT_WINDOW_MS = 14 * 86_400_000;

/** Read-only figures about the queue: waiting counts, people ahead, estimated wait. */
export class QueueStats {
  private readonly waitingByService: Database.Statement<[], { service_id: number; n: number }>;
  private readonly recentDurations: Database.Statement<[number, number], { d: number }>;
  private readonly openCounters: Database.Statement<[number], { counter_id: number; busy: number; waiting_services: number }>;
  private readonly configuredCounters: Database.Statement<[number], { n: number }>;
  private readonly aheadOf: Database.Statement<[number, number, number, number], { n: number }>;
  private readonly aheadOfPriority: Database.Statement<[number, number, number, number], { n: number }>;

  constructor(
    db: Database.Database,
    private readonly settings: OfficeSettings,
  ) {
    this.waitingByService = db.prepare("SELECT service_id, count(*) AS n FROM tickets WHERE state = 'waiting' GROUP BY service_id");
    // Plan: tickets_finished (service_id, finished_at) partial index, newest first, LIMIT 30.
    this.recentDurations = db.prepare(
      "SELECT finished_at - coalesce(called_at, serving_at) AS d FROM tickets WHERE service_id = ? AND state = 'done' AND finished_at > ? ORDER BY finished_at DESC LIMIT " + RECENT_SAMPLES,
    );
    this.openCounters = db.prepare(`
      SELECT c.id AS counter_id,
        EXISTS (SELECT 1 FROM tickets t WHERE t.counter_id = c.id AND t.state IN ('called', 'serving')) AS busy,
        (SELECT count(*) FROM counter_services cs2 WHERE cs2.counter_id = c.id
           AND EXISTS (SELECT 1 FROM tickets w WHERE w.service_id = cs2.service_id AND w.state = 'waiting')) AS waiting_services
      FROM counters c JOIN counter_services cs ON cs.counter_id = c.id
      WHERE cs.service_id = ? AND c.status = 'open' AND c.active = 1`);
    this.configuredCounters = db.prepare(
      'SELECT count(*) AS n FROM counters c JOIN counter_services cs ON cs.counter_id = c.id WHERE cs.service_id = ? AND c.active = 1',
    );
    this.aheadOf = db.prepare(
      "SELECT count(*) AS n FROM tickets WHERE service_id = ? AND state = 'waiting' AND (queued_at < ? OR (queued_at = ? AND issue_order < ?))",
    );
    this.aheadOfPriority = db.prepare(
      "SELECT count(*) AS n FROM tickets WHERE service_id = ? AND state = 'waiting' AND priority IS NOT NULL AND (queued_at < ? OR (queued_at = ? AND issue_order < ?))",
    );
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
      capacity += 1 / Math.max(1, c.waiting_services);
      if (!c.busy) idle += 1;
    }
    if (open.length === 0) capacity = this.configuredCounters.get(serviceId)?.n ?? 0;
    return estimateWaitMinutes({ ahead, meanServiceMinutes: this.meanServiceMinutes(serviceId, now), capacity, idleCounters: idle });
  }
}
