import type Database from 'better-sqlite3';
import type { QueueEvent, EventType } from '../../../shared/api/events';
import { businessDay } from '../../../shared/businessDay';
import { AppError } from '../../../shared/errors';
import type { OfficeSettings } from '../config/officeSettings';
import { toCounter, toTicket } from './rows';
import type { CounterRow, ServiceRow, TicketRow } from './rows';

export type EventListener = (e: QueueEvent) => void;

export interface RecordInput {
  ticket?: TicketRow | null;
  newTicket?: TicketRow | null;
  counter?: CounterRow | null;
  serviceId?: number | null;
  actor?: string;
  reason?: string | null;
  payload?: Record<string, unknown>;
}

/**
 * Shared plumbing of the queue operations: one IMMEDIATE transaction per state change (the write
 * lock is taken up front, so two processes pressing "next" serialise instead of deadlocking), an
 * event-log row written inside that transaction, and listeners told only after it committed.
 */
export class QueueContext {
  private pending: QueueEvent[] = [];
  private depth = 0;
  private beforeWrite: (() => void) | null = null;
  private inBeforeWrite = false;
  private readonly listeners = new Set<EventListener>();
  /**
   * The last write that failed for the storage's sake (disk full, I/O error, corruption), until a
   * later one commits: health reports the database failing meanwhile.
   */
  storageFailure: { at: number; code: string } | null = null;
  private readonly insertEvent: Database.Statement;
  readonly ticketById: Database.Statement<[string], TicketRow>;
  readonly serviceById: Database.Statement<[number], ServiceRow>;
  readonly counterById: Database.Statement<[number], CounterRow>;
  readonly counterServiceIds: Database.Statement<[number], { service_id: number }>;

  constructor(
    readonly db: Database.Database,
    readonly settings: OfficeSettings,
    readonly now: () => number,
  ) {
    this.insertEvent = db.prepare('INSERT INTO events (at, type, ticket_id, counter_id, actor, payload) VALUES (?, ?, ?, ?, ?, ?)');
    this.ticketById = db.prepare('SELECT * FROM tickets WHERE id = ?');
    this.serviceById = db.prepare('SELECT * FROM services WHERE id = ?');
    this.counterById = db.prepare('SELECT * FROM counters WHERE id = ?');
    this.counterServiceIds = db.prepare('SELECT service_id FROM counter_services WHERE counter_id = ? ORDER BY position');
  }

  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Something that must have happened before any state change is written (close of day: a write
   * past the day boundary must not see yesterday's queue). It runs in its own transaction.
   */
  setBeforeWrite(fn: () => void): void {
    this.beforeWrite = fn;
  }

  /** Run `fn` as one IMMEDIATE transaction; events it recorded are published after commit. */
  tx<T>(fn: () => T): T {
    // An operation composed of others (sign-in closing another counter…) runs as one transaction:
    // inner calls join the outer one and the outer one publishes everything after its commit.
    if (this.depth > 0) return fn();
    if (this.beforeWrite && !this.inBeforeWrite) {
      this.inBeforeWrite = true;
      try {
        this.beforeWrite();
      } finally {
        this.inBeforeWrite = false;
      }
    }
    this.pending = [];
    let result: T;
    this.depth++;
    try {
      result = this.db.transaction(fn).immediate();
      this.storageFailure = null;
    } catch (e) {
      this.pending = [];
      const code = (e as { code?: unknown }).code;
      if (typeof code === 'string' && STORAGE_CODES.test(code)) this.storageFailure = { at: Date.now(), code };
      throw mapSqliteError(e);
    } finally {
      this.depth--;
    }
    const events = this.pending;
    this.pending = [];
    for (const ev of events) {
      for (const l of this.listeners) {
        try {
          l(ev);
        } catch {
          // A screen or device listener must never undo or block a committed change.
        }
      }
    }
    return result;
  }

  record(type: EventType, input: RecordInput): void {
    const at = this.now();
    const ticket = input.ticket ?? null;
    const counter = input.counter ?? null;
    const serviceId = input.serviceId ?? ticket?.service_id ?? null;
    const payload = { ...(input.payload ?? {}), reason: input.reason ?? undefined, newTicketId: input.newTicket?.id };
    const info = this.insertEvent.run(at, type, ticket?.id ?? null, counter?.id ?? null, input.actor ?? '', JSON.stringify(payload));
    this.pending.push({
      type,
      seq: Number(info.lastInsertRowid),
      at,
      ticket: ticket ? toTicket(ticket) : null,
      newTicket: input.newTicket ? toTicket(input.newTicket) : null,
      counter: counter ? { id: counter.id, number: counter.number, name: counter.name, status: counter.status } : null,
      serviceId,
      // Not counted per event (a count over the line at every change): screens read waiting counts
      // from the views they refetch.
      waiting: null,
      reason: input.reason ?? null,
    });
  }

  /** The business day the clock is in now. */
  today(): string {
    const o = this.settings.get();
    return businessDay(this.now(), o.timeZone, o.dayBoundaryMinutes);
  }

  /** A ticket of an earlier business day is history: it cannot be brought back into today's queue. */
  assertToday(t: TicketRow): void {
    if (t.business_day < this.today()) throw new AppError('TICKET_EXPIRED');
  }

  ticket(id: string): TicketRow {
    const row = this.ticketById.get(id);
    if (!row) throw new AppError('TICKET_NOT_FOUND');
    return row;
  }

  service(id: number): ServiceRow {
    const row = this.serviceById.get(id);
    if (!row) throw new AppError('SERVICE_NOT_FOUND');
    return row;
  }

  counter(id: number): CounterRow {
    const row = this.activeCounter(id);
    if (!row) throw new AppError('COUNTER_NOT_FOUND');
    return row;
  }

  /** For callers to whom a deleted counter is normal (a board saved before the counter was removed). */
  activeCounter(id: number): CounterRow | undefined {
    const row = this.counterById.get(id);
    return row && row.active === 1 ? row : undefined;
  }

  serviceIdsOf(counterId: number): number[] {
    return this.counterServiceIds.all(counterId).map((r) => r.service_id);
  }

  counterView(row: CounterRow) {
    return toCounter(row, this.serviceIdsOf(row.id));
  }
}

const STORAGE_CODES = /^SQLITE_(FULL|IOERR|CORRUPT|NOTADB|CANTOPEN|READONLY)/;

export function mapSqliteError(e: unknown): unknown {
  if (e instanceof AppError) return e;
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_WRITE') return new AppError('STORAGE_FULL', undefined, String(e));
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new AppError('DATABASE_BUSY');
  return e;
}
