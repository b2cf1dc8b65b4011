import type Database from 'better-sqlite3';
import { OfficeSettings } from '../config/officeSettings';
import { registerSqlFunctions } from '../db/sqlFunctions';
import { Calling } from './calling';
import { Catalogue } from './catalogue';
import { CounterSessions } from './counterSessions';
import { DayClose } from './dayClose';
import { TicketIssuer } from './issueTicket';
import { QueueContext } from './queueContext';
import type { EventListener } from './queueContext';
import { EtaBoard } from './etaBoard';
import { QueueStats } from './queueStats';
import { verifyRunningCounters } from './runningCounters';
import type { CounterRepair } from './runningCounters';
import { businessDay } from '../../../shared/businessDay';
import { QueueViews } from './queueViews';
import { Ratings } from './ratings';
import { TicketLifecycle } from './ticketLifecycle';
import { TicketLookup } from './ticketLookup';

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
  readonly eta: EtaBoard;
  readonly views: QueueViews;
  /** Running counters that disagreed with today's tickets at start, and were put right. */
  readonly counterRepairs: CounterRepair[];
  readonly lookup: TicketLookup;
  readonly days: DayClose;
  readonly catalogue: Catalogue;

  constructor(deps: QueueServiceDeps) {
    // The report triggers on tickets call them, whoever opened the connection.
    registerSqlFunctions(deps.db);
    this.settings = new OfficeSettings(deps.db);
    this.ctx = new QueueContext(deps.db, this.settings, deps.now ?? Date.now);
    this.issuer = new TicketIssuer(this.ctx);
    this.calling = new Calling(this.ctx);
    this.lifecycle = new TicketLifecycle(this.ctx);
    this.counters = new CounterSessions(this.ctx, this.calling);
    this.ratings = new Ratings(this.ctx);
    this.stats = new QueueStats(deps.db, this.settings);
    const lastEvent = deps.db.prepare<[], { m: number | null }>('SELECT max(id) AS m FROM events');
    const activeServices = deps.db.prepare<[], { id: number }>('SELECT id FROM services WHERE active = 1 ORDER BY id');
    this.eta = new EtaBoard(
      this.stats,
      this.settings,
      () => lastEvent.get()?.m ?? 0,
      () => activeServices.all().map((r) => r.id),
    );
    this.ctx.onEvent((e) => this.eta.noteIssued(e));
    this.catalogue = new Catalogue(deps.db);
    this.views = new QueueViews(this.ctx, this.stats, this.eta, this.issuer, this.ratings, this.counters, this.catalogue);
    this.lookup = new TicketLookup(this.ctx, this.views);
    this.days = new DayClose(this.ctx);
    this.ctx.setBeforeWrite(() => this.days.closeIfDue());
    const office = this.settings.get();
    this.counterRepairs = verifyRunningCounters(deps.db, businessDay(this.ctx.now(), office.timeZone, office.dayBoundaryMinutes));
  }

  onEvent(listener: EventListener): () => void {
    return this.ctx.onEvent(listener);
  }

  get now(): () => number {
    return this.ctx.now;
  }
}
