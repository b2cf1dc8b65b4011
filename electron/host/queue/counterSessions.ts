import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { Actor } from './actor';
import { actorLabel } from './actor';
import type { Calling } from './calling';
import type { QueueContext } from './queueContext';
import type { CounterRow, TicketRow } from './rows';

/** Opening, pausing, resuming and closing counters. */
export class CounterSessions {
  private readonly setStatus: Database.Statement<[string, number | null, number]>;
  private readonly openPause: Database.Statement;
  private readonly closePause: Database.Statement<[number, number]>;
  private readonly countersOfOfficer: Database.Statement<[number, number], CounterRow>;
  private readonly heldBy: Database.Statement<[number], CounterRow>;
  private readonly currentPause: Database.Statement<[number], { reason: string }>;
  private readonly waitingFor: Database.Statement<[number], TicketRow>;
  private readonly untarget: Database.Statement<[string]>;

  constructor(
    private readonly ctx: QueueContext,
    private readonly calling: Calling,
  ) {
    const db = ctx.db;
    this.setStatus = db.prepare('UPDATE counters SET status = ?, officer_id = ? WHERE id = ?');
    this.openPause = db.prepare('INSERT INTO pauses (counter_id, officer_id, reason, note, from_at) VALUES (?, ?, ?, ?, ?)');
    this.closePause = db.prepare('UPDATE pauses SET to_at = max(?, from_at) WHERE counter_id = ? AND to_at IS NULL');
    this.countersOfOfficer = db.prepare("SELECT * FROM counters WHERE officer_id = ? AND id != ? AND status != 'closed'");
    this.heldBy = db.prepare("SELECT * FROM counters WHERE officer_id = ? AND status != 'closed'");
    this.currentPause = db.prepare('SELECT reason FROM pauses WHERE counter_id = ? AND to_at IS NULL');
    // Plan: tickets_targeted partial index.
    this.waitingFor = db.prepare("SELECT * FROM tickets WHERE target_counter_id = ? AND state = 'waiting' ORDER BY queued_at, issue_order");
    this.untarget = db.prepare('UPDATE tickets SET target_counter_id = NULL WHERE id = ?');
  }

  pauseReason(counterId: number): string | null {
    return this.currentPause.get(counterId)?.reason ?? null;
  }

  /** One officer, one counter: signing in elsewhere closes the counter they left. */
  open(counterId: number, officerId: number): CounterRow {
    return this.ctx.tx(() => {
      const counter = this.ctx.counter(counterId);
      const actor: Actor = { counterId, officerId, admin: false };
      for (const other of this.countersOfOfficer.all(officerId, counterId)) this.closeRow(other, actor);
      if (counter.officer_id !== null && counter.officer_id !== officerId && counter.status !== 'closed') this.closeRow(counter, actor);
      const status = counter.status === 'paused' && counter.officer_id === officerId ? 'paused' : 'open';
      this.setStatus.run(status, officerId, counterId);
      const row = this.ctx.counter(counterId);
      this.ctx.record('counter.opened', { counter: row, serviceId: null, actor: actorLabel(actor) });
      return row;
    });
  }

  private closeRow(counter: CounterRow, actor: Actor): void {
    this.calling.releaseCurrent(counter, actor);
    this.closePause.run(this.ctx.now(), counter.id);
    this.setStatus.run('closed', null, counter.id);
    const closed = this.ctx.counter(counter.id);
    // Nobody will call them here now: citizens sent to this counter go back to their service's
    // queue, in the place their original queue time gives them.
    for (const t of this.waitingFor.all(counter.id)) {
      this.untarget.run(t.id);
      this.ctx.record('ticket.requeued', { ticket: this.ctx.ticket(t.id), counter: closed, actor: actorLabel(actor), reason: 'counter.closed' });
    }
    this.ctx.record('counter.closed', { counter: closed, serviceId: null, actor: actorLabel(actor) });
  }

  close(counterId: number, actor: Actor): CounterRow {
    return this.ctx.tx(() => {
      const counter = this.ctx.counter(counterId);
      if (counter.status !== 'closed') this.closeRow(counter, actor);
      return this.ctx.counter(counterId);
    });
  }

  /**
   * Every counter the officer holds closes (PIN reset, deactivation): the display must not go on
   * showing them at a desk they can no longer act from. Joins the caller's transaction.
   */
  closeAllOf(officerId: number, actor: Actor): CounterRow[] {
    return this.ctx.tx(() =>
      this.heldBy.all(officerId).map((c) => {
        this.closeRow(c, actor);
        return this.ctx.counter(c.id);
      }),
    );
  }

  pause(counterId: number, reason: string, note: string, actor: Actor): CounterRow {
    return this.ctx.tx(() => {
      const counter = this.ctx.counter(counterId);
      if (counter.status === 'closed') throw new AppError('COUNTER_CLOSED');
      if (counter.status === 'paused') throw new AppError('COUNTER_PAUSED');
      if (this.calling.current(counterId)) throw new AppError('COUNTER_BUSY', 'Hãy hoàn thành, tạm giữ hoặc chuyển công dân đang phục vụ trước khi tạm dừng');
      if (!this.ctx.settings.get().pauseReasons.some((r) => r.code === reason)) throw new AppError('PAUSE_REASON_UNKNOWN');
      this.openPause.run(counterId, actor.officerId ?? counter.officer_id, reason, note, this.ctx.now());
      this.setStatus.run('paused', counter.officer_id, counterId);
      const row = this.ctx.counter(counterId);
      this.ctx.record('counter.paused', { counter: row, serviceId: null, reason, actor: actorLabel(actor) });
      return row;
    });
  }

  resume(counterId: number, actor: Actor): CounterRow {
    return this.ctx.tx(() => {
      const counter = this.ctx.counter(counterId);
      if (counter.status !== 'paused') throw new AppError('INVALID_STATE', 'Quầy không ở trạng thái tạm dừng');
      this.closePause.run(this.ctx.now(), counterId);
      this.setStatus.run('open', counter.officer_id, counterId);
      const row = this.ctx.counter(counterId);
      this.ctx.record('counter.resumed', { counter: row, serviceId: null, actor: actorLabel(actor) });
      return row;
    });
  }
}
