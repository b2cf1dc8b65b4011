import type { TimeEvent } from '../../shared/api/events';
import type { Log } from './logger';
import type { QueueService } from './queue/queueService';

export interface TimeWatchDeps {
  queue: QueueService;
  /** The wait alerts as staff screens fetch them. */
  alerts: (now: number) => { ticketId: string; waitedMinutes: number }[];
  /** Called tickets whose "Bỏ qua" is open (queue/skipRule.ts); the counter screen hears when it opens. */
  skipsReady?: () => string[];
  /** Whom each counter's rating tablet asks (queue/ratings.ts); a tablet hears when a window runs out. */
  pendingRatings?: () => string;
  broadcast: (message: TimeEvent) => void;
  log: Log;
}

/**
 * State that changes with time alone — close of day, a service opening or closing by its hours, a
 * wait growing into an alert — re-evaluated on a timer and pushed, never left to the next ticket
 * event (a quiet office would otherwise show a closed kiosk at 07:30 and never see its alert).
 * Reads the injected clock, so tests move time; each tick is a handful of indexed queries and
 * pushes only when something changed.
 */
export class TimeWatch {
  private servicesKey: string | null = null;
  private alertsKey: string | null = null;
  private skipsKey: string | null = null;
  private ratingsKey: string | null = null;

  constructor(private readonly d: TimeWatchDeps) {}

  tick(): void {
    const { queue, log } = this.d;
    try {
      const closed = queue.days.closeIfDue();
      if (closed) log({ level: 'info', msg: 'day closed', ...closed });
    } catch (e) {
      log({ level: 'error', msg: 'close of day failed; retried on the next tick', error: String(e) });
    }
    const now = queue.now();
    const services = queue.views.openingKey();
    if (this.servicesKey !== null && services !== this.servicesKey) this.d.broadcast({ type: 'services.changed', at: now });
    this.servicesKey = services;
    const alerts = this.d.alerts(now).map((a) => `${a.ticketId}:${a.waitedMinutes}`).join(',');
    if (this.alertsKey !== null && alerts !== this.alertsKey) this.d.broadcast({ type: 'alerts.changed', at: now });
    this.alertsKey = alerts;
    if (this.d.skipsReady) {
      const skips = this.d.skipsReady().join(',');
      if (this.skipsKey !== null && skips !== this.skipsKey) this.d.broadcast({ type: 'skips.changed', at: now });
      this.skipsKey = skips;
    }
    if (this.d.pendingRatings) {
      const ratings = this.d.pendingRatings();
      if (this.ratingsKey !== null && ratings !== this.ratingsKey) this.d.broadcast({ type: 'ratings.changed', at: now });
      this.ratingsKey = ratings;
    }
  }

  /** Ticks once now (a host that was off at midnight closes the day before it serves anyone), then every `intervalMs`. */
  start(intervalMs: number): () => void {
    this.tick();
    const timer = setInterval(() => {
      try {
        this.tick();
      } catch (e) {
        this.d.log({ level: 'error', msg: 'time watch tick failed', error: String(e) });
      }
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
