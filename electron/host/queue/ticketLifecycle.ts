import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { Actor } from './actor';
import { actorLabel, assertAtCounter, assertState } from './actor';
import type { QueueContext } from './queueContext';
import type { TicketRow } from './rows';
import { newTicketId } from './ticketId';
import { skipReadiness } from './skipRule';

export type TransferTarget = { serviceId: number; counterId?: undefined } | { counterId: number; serviceId?: undefined };

/** Everything that happens to a ticket after it is called, except calling itself. */
export class TicketLifecycle {
  private readonly setState: Database.Statement<[Record<string, unknown>], TicketRow>;
  private readonly maxOrder: Database.Statement<[], { m: number | null }>;
  private readonly insertTransferred: Database.Statement<[Record<string, unknown>], TicketRow>;

  /** Told of every no-show inside its transaction; may put the ticket back (a re-offer) and answers the row as it is then. */
  afterSkip: ((t: TicketRow, actor: Actor) => TicketRow | undefined) | null = null;

  constructor(private readonly ctx: QueueContext) {
    const db = ctx.db;
    this.setState = db.prepare(`UPDATE tickets SET state = @state,
        serving_at = CASE WHEN @serving THEN coalesce(serving_at, max(@now, coalesce(called_at, issued_at))) ELSE serving_at END,
        finished_at = CASE WHEN @finished THEN max(@now, coalesce(serving_at, called_at, issued_at)) ELSE finished_at END,
        dossier_code = coalesce(@dossier, dossier_code),
        target_counter_id = CASE WHEN @requeue THEN NULL ELSE target_counter_id END
      WHERE id = @id RETURNING *`);
    this.maxOrder = db.prepare('SELECT max(issue_order) AS m FROM tickets');
    this.insertTransferred = db.prepare(`INSERT INTO tickets
        (id, service_id, business_day, seq, number, priority, state, issued_at, queued_at, target_counter_id, transferred_from, kiosk_id, issue_order, check_code,
         dossier_code, citizen_name, citizen_birth_year, appointment_at)
      VALUES (@id, @service_id, @business_day, @seq, @number, @priority, 'waiting', @issued_at, @queued_at, @target_counter_id, @transferred_from, @kiosk_id, @issue_order, @check_code,
        @dossier_code, @citizen_name, @citizen_birth_year, @appointment_at) RETURNING *`);
  }

  private change(
    t: TicketRow,
    state: TicketRow['state'],
    actor: Actor,
    event: Parameters<QueueContext['record']>[0],
    opts: { serving?: boolean; finished?: boolean; dossier?: string | null; requeue?: boolean; reason?: string } = {},
  ): TicketRow {
    // The row as written, from the UPDATE itself: no read after the write.
    const ticket = this.setState.get({
      id: t.id,
      state,
      now: this.ctx.now(),
      serving: opts.serving ? 1 : 0,
      finished: opts.finished ? 1 : 0,
      dossier: opts.dossier ?? null,
      requeue: opts.requeue ? 1 : 0,
    }) as TicketRow;
    const counter = t.counter_id === null ? null : this.ctx.counterById.get(t.counter_id) ?? null;
    this.ctx.record(event, { ticket, counter, actor: actorLabel(actor), reason: opts.reason ?? null });
    return ticket;
  }

  private atCounter(id: string, actor: Actor, ...states: TicketRow['state'][]): TicketRow {
    const t = this.ctx.ticket(id);
    assertState(t, ...states);
    assertAtCounter(t, actor);
    return t;
  }

  start(id: string, actor: Actor): TicketRow {
    return this.ctx.tx(() => this.change(this.atCounter(id, actor, 'called'), 'serving', actor, 'ticket.serving', { serving: true }));
  }

  /** No-show: the citizen did not come when called. Reactivation puts them back in line. */
  skip(id: string, actor: Actor): TicketRow {
    return this.ctx.tx(() => {
      const t = this.atCounter(id, actor, 'called');
      // Judged inside the transaction, on the row as it is now: a recall a moment ago counts.
      const r = skipReadiness(t, this.ctx.settings.get().skipMinSeconds, this.ctx.now());
      if (r && !r.ready) throw new AppError('SKIP_TOO_EARLY', `Chưa thể bỏ qua: hãy gọi lại công dân hoặc chờ thêm ${r.inSeconds} giây`, r);
      const skipped = this.change(t, 'skipped', actor, 'ticket.skipped');
      // An appointment's no-show is re-offered or marked missed in this same transaction (#30).
      return this.afterSkip?.(skipped, actor) ?? skipped;
    });
  }

  /** A late no-show keeps the place they had (original queue time): they were called once already. */
  reactivate(id: string, actor: Actor): TicketRow {
    return this.ctx.tx(() => {
      const t = this.ctx.ticket(id);
      assertState(t, 'skipped');
      this.ctx.assertToday(t);
      return this.change(t, 'waiting', actor, 'ticket.reactivated', { requeue: true });
    });
  }

  park(id: string, actor: Actor): TicketRow {
    return this.ctx.tx(() => this.change(this.atCounter(id, actor, 'called', 'serving'), 'parked', actor, 'ticket.parked', { serving: true }));
  }

  finish(id: string, actor: Actor, dossierCode?: string): TicketRow {
    return this.ctx.tx(() =>
      this.change(this.atCounter(id, actor, 'called', 'serving'), 'done', actor, 'ticket.finished', {
        serving: true,
        finished: true,
        dossier: dossierCode && dossierCode.length > 0 ? dossierCode : null,
      }),
    );
  }

  cancel(id: string, actor: Actor): TicketRow {
    return this.ctx.tx(() => {
      const t = this.ctx.ticket(id);
      assertState(t, 'waiting', 'parked', 'skipped');
      this.ctx.assertToday(t);
      return this.change(t, 'cancelled', actor, 'ticket.cancelled', { finished: true });
    });
  }

  /**
   * Send the citizen on to another service or counter: the old row closes as "transferred", a new
   * waiting row carries the same number and the original queue time, so they do not start over.
   */
  transfer(id: string, target: TransferTarget, actor: Actor): TicketRow {
    return this.ctx.tx(() => {
      const t = this.ctx.ticket(id);
      assertState(t, 'waiting', 'called', 'serving', 'parked');
      if (t.state === 'called' || t.state === 'serving') assertAtCounter(t, actor);
      let serviceId = t.service_id;
      let targetCounter: number | null = null;
      if (target.serviceId !== undefined) {
        const s = this.ctx.serviceById.get(target.serviceId);
        if (!s || s.active !== 1) throw new AppError('TRANSFER_TARGET_INVALID', 'Dịch vụ chuyển đến không tồn tại hoặc đã ngừng');
        if (s.id === t.service_id && t.target_counter_id === null) throw new AppError('TRANSFER_TARGET_INVALID', 'Phiếu đã thuộc dịch vụ này');
        serviceId = s.id;
      } else {
        const c = this.ctx.counterById.get(target.counterId);
        if (!c || c.active !== 1) throw new AppError('TRANSFER_TARGET_INVALID', 'Quầy chuyển đến không tồn tại');
        if (c.id === t.counter_id) throw new AppError('TRANSFER_TARGET_INVALID', 'Không thể chuyển về chính quầy này');
        // A paused counter comes back (a break, a meeting); a closed one has nobody to call them.
        if (c.status === 'closed') throw new AppError('TRANSFER_COUNTER_CLOSED');
        if (!this.ctx.serviceIdsOf(c.id).includes(t.service_id)) throw new AppError('TRANSFER_COUNTER_WRONG_SERVICE');
        targetCounter = c.id;
      }
      const wasActive = t.state === 'called' || t.state === 'serving';
      const old = this.setState.get({ id: t.id, state: 'transferred', now: this.ctx.now(), serving: wasActive ? 1 : 0, finished: 1, dossier: null, requeue: 0 }) as TicketRow;
      const newId = newTicketId();
      const fresh = this.insertTransferred.get({
        id: newId,
        service_id: serviceId,
        business_day: t.business_day,
        seq: t.seq,
        number: t.number,
        priority: t.priority,
        issued_at: t.issued_at,
        queued_at: t.queued_at,
        target_counter_id: targetCounter,
        transferred_from: t.id,
        kiosk_id: t.kiosk_id,
        issue_order: (this.maxOrder.get()?.m ?? 0) + 1,
        // Same paper ticket, same code.
        check_code: t.check_code,
        // The next counter needs what the kiosk read as much as the first did.
        dossier_code: t.dossier_code,
        citizen_name: t.citizen_name ?? null,
        citizen_birth_year: t.citizen_birth_year ?? null,
        appointment_at: t.appointment_at ?? null,
      }) as TicketRow;
      const counter = t.counter_id === null ? null : this.ctx.counterById.get(t.counter_id) ?? null;
      this.ctx.record('ticket.transferred', { ticket: old, newTicket: fresh, counter, serviceId, actor: actorLabel(actor) });
      return fresh;
    });
  }
}
