import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { Actor } from '../queue/actor';
import { actorLabel } from '../queue/actor';
import type { TicketRow } from '../queue/rows';
import { assertOpen } from './bookingBook';
import type { BookingBook, BookingRow } from './bookingBook';

export interface CheckedIn {
  row: TicketRow;
  booking: BookingRow;
  /** Past the window: the citizen got an ordinary ticket, and is told so. */
  late: boolean;
}

/**
 * A booking meets the queue (#30). Check-in within [slot − early, slot + late] issues an
 * appointment ticket whose queue time is slot − callableBefore: not callable before that moment,
 * ahead of every walk-in queued after it. Later than the window, an ordinary ticket. A called
 * appointment that did not come is offered once more after a delay, then the booking is missed.
 * Staff can undo a check-in: the ticket is cancelled and the booking is booked again.
 */
export class AppointmentCheckin {
  private readonly checkInQ: Database.Statement<[{ ticket: string; now: number; late: number; code: string }], BookingRow>;
  private readonly undoQ: Database.Statement<[number, string], BookingRow>;
  private readonly reofferQ: Database.Statement<[{ now: number; code: string }], BookingRow>;
  private readonly requeueQ: Database.Statement<[number, string], TicketRow>;

  constructor(private readonly book: BookingBook) {
    const db = book.queue.ctx.db;
    this.checkInQ = db.prepare("UPDATE bookings SET state = 'checkedIn', ticket_id = @ticket, checked_in_at = @now, changed_at = @now, late = @late WHERE code = @code RETURNING *");
    this.undoQ = db.prepare(
      "UPDATE bookings SET state = 'booked', ticket_id = NULL, checked_in_at = NULL, late = 0, reoffered_at = NULL, changed_at = ? WHERE code = ? RETURNING *",
    );
    this.reofferQ = db.prepare('UPDATE bookings SET reoffered_at = @now, changed_at = @now WHERE code = @code RETURNING *');
    // As a reactivation does (its place kept), but callable only from the re-offer moment.
    this.requeueQ = db.prepare("UPDATE tickets SET state = 'waiting', callable_at = ?, target_counter_id = NULL WHERE id = ? AND state = 'skipped' RETURNING *");
    book.queue.lifecycle.afterSkip = (t, actor) => this.noShow(t, actor);
  }

  /** Check a booking in by its code, in one transaction with its ticket; the caller budgets wrong codes. */
  checkIn(code: string, opts: { kioskId?: string; priority?: string | null; citizen?: { name: string; birthYear: number } } = {}): CheckedIn {
    const { queue } = this.book;
    return queue.ctx.tx(() => {
      const b = this.book.get(code);
      assertOpen(b);
      const now = queue.now();
      const w = queue.settings.get().appointments;
      if (this.book.dayOf(b) !== queue.ctx.today()) throw new AppError('BOOKING_OTHER_DAY', undefined, { slotStart: b.slot_start });
      const opens = b.slot_start - w.earlyMinutes * 60_000;
      if (now < opens) throw new AppError('BOOKING_TOO_EARLY', undefined, { slotStart: b.slot_start, from: opens });
      const late = now > b.slot_start + w.lateMinutes * 60_000;
      const row = queue.issuer.issue({
        serviceId: b.service_id,
        priority: opts.priority ?? null,
        kioskId: opts.kioskId,
        citizen: opts.citizen ?? null,
        appointment: late ? null : { slotStart: b.slot_start, queuedAt: b.slot_start - w.callableBeforeMinutes * 60_000 },
      });
      const booking = this.checkInQ.get({ ticket: row.id, now, late: late ? 1 : 0, code: b.code }) as BookingRow;
      this.book.event('booking.checked_in', booking, opts.kioskId ? `kiosk:${opts.kioskId}` : 'kiosk', { ticket: row, late });
      return { row, booking, late };
    });
  }

  /** Staff set a check-in back: the ticket (not yet called) is cancelled, the booking is booked again. */
  undo(code: string, actor: Actor): BookingRow {
    const { queue } = this.book;
    const out = queue.ctx.tx(() => {
      const b = this.book.get(code);
      if (b.state !== 'checkedIn' || b.ticket_id === null) throw new AppError('BOOKING_NOT_CHECKED_IN');
      const t = queue.ctx.ticket(b.ticket_id);
      if (t.state !== 'waiting' && t.state !== 'skipped') throw new AppError('BOOKING_TICKET_CALLED');
      queue.lifecycle.cancel(t.id, actor);
      const booking = this.undoQ.get(queue.now(), b.code) as BookingRow;
      this.book.event('booking.check_in_undone', booking, actorLabel(actor), { ticket: queue.ctx.ticket(t.id) });
      return booking;
    });
    this.book.onChange();
    return out;
  }

  /** Inside the no-show's transaction: the first puts the appointment back for later, the second marks it missed. */
  private noShow(t: TicketRow, actor: Actor): TicketRow | undefined {
    const b = this.book.byTicket(t.id);
    if (!b || b.state !== 'checkedIn' || t.appointment_at === null || t.appointment_at === undefined) return undefined;
    const { queue } = this.book;
    const now = queue.now();
    if (b.reoffered_at === null) {
      this.reofferQ.run({ now, code: b.code });
      const back = this.requeueQ.get(now + queue.settings.get().appointments.reofferMinutes * 60_000, t.id);
      if (!back) return undefined;
      queue.ctx.record('ticket.reactivated', { ticket: back, actor: actorLabel(actor), reason: 'reoffer' });
      return back;
    }
    this.book.event('booking.missed', this.book.setState(b, 'missed', 'noShow'), actorLabel(actor), { ticket: t });
    return undefined;
  }
}
