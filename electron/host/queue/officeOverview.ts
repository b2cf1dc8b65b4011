import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { OfficeOverview as OverviewSchema, WaitAlert } from '../../../shared/api/adminSchemas';
import { businessDay } from '../../../shared/businessDay';
import type { QueueService } from './queueService';

type Overview = z.infer<typeof OverviewSchema>;

/**
 * The office manager's live view (#28 point 15): every counter's state and how long it has been in
 * it, the line of every service, and the wait alerts — read from the queue's own views, so it
 * shows what the counters and the hall show.
 */
export class OfficeOverview {
  private readonly openPauses: Database.Statement<[], { counter_id: number; from_at: number }>;
  private readonly oldestWaiting: Database.Statement<[], { service_id: number; oldest: number }>;
  private readonly servedOn: Database.Statement<[string], { counter_id: number; served: number }>;

  constructor(private readonly queue: QueueService) {
    const db = queue.ctx.db;
    // Plan: pauses_one_open (one open pause per counter at most).
    this.openPauses = db.prepare('SELECT counter_id, from_at FROM pauses WHERE to_at IS NULL');
    this.oldestWaiting = db.prepare("SELECT service_id, min(queued_at) AS oldest FROM tickets WHERE state = 'waiting' GROUP BY service_id");
    this.servedOn = db.prepare('SELECT counter_id, served FROM counter_day_served WHERE business_day = ?');
  }

  build(alerts: z.infer<typeof WaitAlert>[]): Overview {
    const now = this.queue.now();
    const pausedSince = new Map(this.openPauses.all().map((p) => [p.counter_id, p.from_at]));
    const oldest = new Map(this.oldestWaiting.all().map((r) => [r.service_id, r.oldest]));
    const counters = this.queue.views.listCounters();
    const office = this.queue.settings.get();
    const served = new Map(this.servedOn.all(businessDay(now, office.timeZone, office.dayBoundaryMinutes)).map((r) => [r.counter_id, r.served]));
    const counterRows = counters.map((c) => ({
      id: c.id,
      number: c.number,
      name: c.name,
      status: c.status,
      officerName: c.officerName,
      current: c.current ? { number: c.current.number, state: c.current.state, since: c.current.servingAt ?? c.current.calledAt ?? now } : null,
      pauseReason: c.pauseReason,
      pausedSince: c.status === 'paused' ? (pausedSince.get(c.id) ?? null) : null,
      servedToday: served.get(c.id) ?? 0,
    }));
    const lines = this.queue.views
      .listServices()
      // An inactive service with nobody left in its line is no news to the manager.
      .filter((s) => s.active || s.waiting > 0)
      .map((s) => ({
        serviceId: s.id,
        prefix: s.prefix,
        nameVi: s.nameVi,
        nameEn: s.nameEn,
        waiting: s.waiting,
        oldestQueuedAt: s.waiting > 0 ? (oldest.get(s.id) ?? null) : null,
        etaMinutes: s.etaMinutes,
        openCounters: counters.filter((c) => c.status === 'open' && c.serviceIds.includes(s.id)).length,
        openNow: s.openNow,
      }));
    return { now, counters: counterRows, lines, alerts };
  }
}
