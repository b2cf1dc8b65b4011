import type Database from 'better-sqlite3';
import { OfficeSettings } from '../config/officeSettings';
import { Calling } from './calling';
import { CounterSessions } from './counterSessions';
import { DayClose } from './dayClose';
import { TicketIssuer } from './issueTicket';
import { QueueContext } from './queueContext';
import type { EventListener } from './queueContext';
import { QueueStats } from './queueStats';
import { QueueViews } from './queueViews';
import { Ratings } from './ratings';
import { TicketLifecycle } from './ticketLifecycle';

export interface QueueServiceDeps {
  db: Database.Database;
  /** Injected so tests can move time (day rollover, aging) without waiting. */
  now?: () => number;
}

/** The one source of truth for the queue. Screens and devices only send commands and listen. */
export class QueueService {
  readonly ctx: QueueContext;
  readonly settings: OfficeSettings;
  readonly issuer: TicketIssuer;
  readonly calling: Calling;
  readonly lifecycle: TicketLifecycle;
  readonly counters: CounterSessions;
  readonly ratings: Ratings;
  readonly stats: QueueStats;
  readonly views: QueueViews;
  readonly days: DayClose;

  constructor(deps: QueueServiceDeps) {
    this.settings = new OfficeSettings(deps.db);
    this.ctx = new QueueContext(deps.db, this.settings, deps.now ?? Date.now);
    this.issuer = new TicketIssuer(this.ctx);
    this.calling = new Calling(this.ctx);
    this.lifecycle = new TicketLifecycle(this.ctx);
    this.counters = new CounterSessions(this.ctx, this.calling);
    this.ratings = new Ratings(this.ctx);
    this.stats = new QueueStats(deps.db, this.settings);
    this.views = new QueueViews(this.ctx, this.stats, this.issuer, this.ratings, this.counters);
    this.days = new DayClose(this.ctx);
    this.ctx.setBeforeWrite(() => this.days.closeIfDue());
  }

  onEvent(listener: EventListener): () => void {
    return this.ctx.onEvent(listener);
  }

  get now(): () => number {
    return this.ctx.now;
  }
}
