import type Database from 'better-sqlite3';
import { pickNext } from '../../../shared/callOrder';
import type { CallCandidate, CallContext } from '../../../shared/callOrder';
import { AppError } from '../../../shared/errors';
import type { Actor } from './actor';
import { actorLabel, assertAtCounter, assertState } from './actor';
import type { QueueContext } from './queueContext';
import type { CounterRow, TicketRow } from './rows';

/** Calling citizens to a counter: next, a specific ticket, recall, and calling back a parked one. */
export class Calling {
  private readonly activeAt: Database.Statement<[number], TicketRow>;
  private readonly finishActive: Database.Statement<[number, number, string], TicketRow>;
  private readonly oldestInService: Database.Statement<[number, number], TicketRow>;
  private readonly oldestPriorityInService: Database.Statement<[number, number], TicketRow>;
  private readonly dueWaiting: Database.Statement<[number], TicketRow>;
  private readonly targetedAt: Database.Statement<[number, number], TicketRow>;
  private readonly priorityCalledSince: Database.Statement<[number, number, number], { n: number }>;
  private readonly priorityRunOf: Database.Statement<[number], { n: number }>;
  private readonly markCalled: Database.Statement<[number, number | null, number, string], TicketRow>;
  private readonly recallOne: Database.Statement<[number, string], TicketRow>;
  private readonly unparkOne: Database.Statement<[number, number | null, string], TicketRow>;

  constructor(private readonly ctx: QueueContext) {
    const db = ctx.db;
    this.activeAt = db.prepare("SELECT * FROM tickets WHERE counter_id = ? AND state IN ('called', 'serving')");
    this.finishActive = db.prepare(
      // max(): a clock set backwards must never produce a negative service time.
      "UPDATE tickets SET state = 'done', finished_at = max(?, coalesce(serving_at, called_at, issued_at)), serving_at = coalesce(serving_at, called_at) WHERE counter_id = ? AND state IN ('called', 'serving') AND id = ? RETURNING *",
    );
    // Plan: tickets_waiting_line (service_id, queued_at, issue_order) walked in order, past the
    // few priority tickets at its head; priority heads from their own tickets_waiting_priority.
    // An appointment not yet callable (#30: before slot − callableBefore, or before its re-offer) is
    // walked past too: it is one of the day's few, and the merge rule is the queue time it holds.
    const callable = '(callable_at IS NULL OR callable_at <= ?)';
    this.oldestInService = db.prepare(
      `SELECT * FROM tickets WHERE service_id = ? AND state = 'waiting' AND target_counter_id IS NULL AND priority IS NULL AND ${callable} ORDER BY queued_at, issue_order LIMIT 1`,
    );
    this.oldestPriorityInService = db.prepare(
      `SELECT * FROM tickets WHERE service_id = ? AND state = 'waiting' AND target_counter_id IS NULL AND priority IS NOT NULL AND ${callable} ORDER BY queued_at, issue_order LIMIT 1`,
    );
    // Plan: tickets_waiting_appointments (m023), the day's few waiting appointments, read once per
    // call for all the counter's services. Never called yet: a re-offered no-show keeps its queue
    // time but no longer heads the line.
    this.dueWaiting = db.prepare(
      "SELECT * FROM tickets WHERE state = 'waiting' AND appointment_at IS NOT NULL AND appointment_at <= ? AND target_counter_id IS NULL AND priority IS NULL AND call_count = 0 ORDER BY appointment_at, issue_order",
    );
    this.targetedAt = db.prepare(`SELECT * FROM tickets WHERE target_counter_id = ? AND state = 'waiting' AND ${callable} ORDER BY queued_at, issue_order LIMIT 50`);
    // Plan: tickets_called (service_id, called_at).
    this.priorityCalledSince = db.prepare(
      'SELECT count(*) AS n FROM tickets WHERE service_id = ? AND called_at >= ? AND priority IS NOT NULL AND queued_at > ? AND transferred_from IS NULL',
    );
    // Kept by a trigger on every call (m005): calls in the same millisecond keep their order.
    this.priorityRunOf = db.prepare('SELECT priority_run AS n FROM service_call_runs WHERE service_id = ?');
    this.markCalled = db.prepare(
      "UPDATE tickets SET state = 'called', counter_id = ?, officer_id = ?, called_at = max(?, issued_at), call_count = call_count + 1 WHERE id = ? RETURNING *",
    );
    this.recallOne = db.prepare('UPDATE tickets SET call_count = call_count + 1, recalled_at = ? WHERE id = ? RETURNING *');
    this.unparkOne = db.prepare(
      "UPDATE tickets SET state = 'called', counter_id = ?, officer_id = coalesce(?, officer_id), call_count = call_count + 1 WHERE id = ? RETURNING *",
    );
  }

  private openCounter(counterId: number): CounterRow {
    const c = this.ctx.counter(counterId);
    if (c.status === 'closed') throw new AppError('COUNTER_CLOSED');
    if (c.status === 'paused') throw new AppError('COUNTER_PAUSED');
    return c;
  }

  /** Calling someone new means the citizen at the counter is done: one button for the officer. */
  releaseCurrent(counter: CounterRow, actor: Actor): void {
    const current = this.activeAt.get(counter.id);
    if (!current) return;
    const done = this.finishActive.get(this.ctx.now(), counter.id, current.id);
    this.ctx.record('ticket.finished', { ticket: done ?? this.ctx.ticket(current.id), counter, actor: actorLabel(actor), reason: 'auto' });
  }

  current(counterId: number): TicketRow | undefined {
    return this.activeAt.get(counterId);
  }

  private call(ticketId: string, counter: CounterRow, actor: Actor, reason?: string): TicketRow {
    const ticket = this.markCalled.get(counter.id, actor.officerId ?? counter.officer_id, this.ctx.now(), ticketId);
    if (!ticket) throw new AppError('TICKET_NOT_FOUND');
    this.ctx.record('ticket.called', { ticket, counter, actor: actorLabel(actor), reason: reason ?? null });
    return ticket;
  }

  /**
   * The head of every queue this counter calls from: the oldest normal and oldest priority ticket of
   * each, and its earliest appointment whose slot has begun.
   */
  candidates(counterId: number): CallCandidate[] {
    const serviceIds = this.ctx.serviceIdsOf(counterId);
    const rankOf = (serviceId: number) => serviceIds.indexOf(serviceId);
    const toCandidate = (t: TicketRow, rank: number): CallCandidate => ({
      id: t.id,
      serviceId: t.service_id,
      serviceRank: rank,
      isPriority: t.priority !== null,
      queuedAt: t.queued_at,
      issueOrder: t.issue_order,
      callableAt: t.callable_at ?? null,
      // As dueWaiting reads them (and the forecast, queueStats.ts): never called, in the service's normal line.
      dueAt: t.call_count === 0 && t.priority === null && t.target_counter_id === null ? (t.appointment_at ?? null) : null,
    });
    const now = this.ctx.now();
    const out = this.targetedAt.all(counterId, now).map((t) => toCandidate(t, -1));
    for (const sid of serviceIds) {
      for (const t of [this.oldestInService.get(sid, now), this.oldestPriorityInService.get(sid, now)]) if (t) out.push(toCandidate(t, rankOf(sid)));
    }
    // Each service's earliest appointment whose slot has begun (the rows come earliest first).
    const headed = new Set<number>();
    for (const t of this.dueWaiting.all(now)) {
      const rank = rankOf(t.service_id);
      if (rank < 0 || headed.has(t.service_id)) continue;
      headed.add(t.service_id);
      if (!out.some((c) => c.id === t.id)) out.push(toCandidate(t, rank));
    }
    return out;
  }

  /** What the priority strategies need to know about calls already made, from the database. */
  callContext(now: number): CallContext {
    const office = this.ctx.settings.get();
    return {
      strategy: office.priorityStrategy,
      serviceAgingMinutes: office.serviceAgingMinutes,
      now,
      priorityCallsAhead: (sid, queuedAt) => this.priorityCalledSince.get(sid, queuedAt, queuedAt)?.n ?? 0,
      priorityRun: (sid) => this.priorityRunOf.get(sid)?.n ?? 0,
    };
  }

  callNext(counterId: number, actor: Actor): TicketRow {
    return this.ctx.tx(() => {
      const counter = this.openCounter(counterId);
      const choice = pickNext(this.candidates(counterId), this.callContext(this.ctx.now()));
      this.releaseCurrent(counter, actor);
      if (!choice) throw new AppError('QUEUE_EMPTY');
      return this.call(choice.id, counter, actor);
    });
  }

  callSpecific(ticketId: string, counterId: number, actor: Actor): TicketRow {
    return this.ctx.tx(() => {
      const counter = this.openCounter(counterId);
      const t = this.ctx.ticket(ticketId);
      assertState(t, 'waiting', 'skipped');
      this.ctx.assertToday(t);
      this.releaseCurrent(counter, actor);
      return this.call(t.id, counter, actor, 'specific');
    });
  }

  recall(ticketId: string, actor: Actor): TicketRow {
    return this.ctx.tx(() => {
      const t = this.ctx.ticket(ticketId);
      assertState(t, 'called', 'serving');
      assertAtCounter(t, actor);
      const ticket = this.recallOne.get(this.ctx.now(), t.id) as TicketRow;
      const counter = t.counter_id === null ? null : this.ctx.counter(t.counter_id);
      this.ctx.record('ticket.recalled', { ticket, counter, actor: actorLabel(actor) });
      return ticket;
    });
  }

  /** A parked citizen (gone to fetch a paper) is called back to the counter that calls them. */
  unpark(ticketId: string, counterId: number, actor: Actor): TicketRow {
    return this.ctx.tx(() => {
      const counter = this.openCounter(counterId);
      const t = this.ctx.ticket(ticketId);
      assertState(t, 'parked');
      this.releaseCurrent(counter, actor);
      const ticket = this.unparkOne.get(counter.id, actor.officerId ?? counter.officer_id, t.id) as TicketRow;
      this.ctx.record('ticket.unparked', { ticket, counter, actor: actorLabel(actor) });
      this.ctx.record('ticket.called', { ticket, counter, actor: actorLabel(actor), reason: 'unpark' });
      return ticket;
    });
  }
}
