import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { makeBookingCode } from '../../../shared/bookingProtocol';
import type { BookingEventType, BookingState, PulledBooking } from '../../../shared/bookingProtocol';
import { businessDay, businessDayStart, nextDay as nextDate } from '../../../shared/businessDay';
import type { BookingView } from '../../../shared/api/appointmentSchemas';
import { AppError } from '../../../shared/errors';
import type { QueueService } from '../queue/queueService';
import type { TicketRow } from '../queue/rows';
import type { AppointmentRules } from './appointmentRules';
import type { MatchKey } from './matchKey';

export interface BookingRow {
  code: string;
  service_id: number;
  slot_start: number;
  slot_minutes: number;
  state: BookingState;
  source: 'hub' | 'office';
  created_at: number;
  changed_at: number;
  hub_seq: number | null;
  id_hash: string | null;
  id_last4: string | null;
  ticket_id: string | null;
  checked_in_at: number | null;
  late: number;
  reoffered_at: number | null;
  missed_reason: 'window' | 'noShow' | null;
}

export interface NewBooking {
  serviceId: number;
  slotStart: number;
  /** The citizen's 12-digit ID number, to check in by card: only its keyed hash and last 4 are kept. */
  idNumber?: string | null;
}

const ID_NUMBER = /^\d{12}$/;

/**
 * The office's bookings (#30): one row each, made at the office or pulled from the hub, no name and
 * no phone number. Every change is one transaction with its outbox event (BOOKING_EVENT_TYPES), so
 * the hub learns what became of each booking through the ordinary event push.
 */
export class BookingBook {
  private readonly byCodeQ: Database.Statement<[string], BookingRow>;
  private readonly byTicketQ: Database.Statement<[string], BookingRow>;
  private readonly liveInSlot: Database.Statement<[number, number], { n: number }>;
  private readonly officeHeld: Database.Statement<[number, number], { n: number }>;
  private readonly between: Database.Statement<[number, number], BookingRow & { ticket_number: string | null }>;
  private readonly insert: Database.Statement<[Record<string, unknown>]>;
  private readonly setStateQ: Database.Statement<[BookingState, number, string | null, string], BookingRow>;
  private readonly seqOf: Database.Statement<[number, string]>;
  private readonly openBefore: Database.Statement<[number], BookingRow>;
  private readonly todayByIdHash: Database.Statement<[string, number, number], BookingRow>;
  private readonly maxHubSeq: Database.Statement<[], { m: number | null }>;
  private readonly withTicket: Database.Statement<[string], BookingRow & { ticket_number: string | null }>;
  /** Told after each committed change that moves a slot's count (the hub offer is rebuilt from it). */
  onChange: () => void = () => {};

  constructor(
    readonly queue: QueueService,
    readonly rules: AppointmentRules,
    private readonly matchKey: MatchKey,
    private readonly randomIndex: (n: number) => number = (n) => crypto.randomInt(n),
  ) {
    const db = queue.ctx.db;
    this.byCodeQ = db.prepare('SELECT * FROM bookings WHERE code = ?');
    this.byTicketQ = db.prepare('SELECT * FROM bookings WHERE ticket_id = ?');
    // Plan: bookings_slot (service_id, slot_start), live bookings only.
    this.liveInSlot = db.prepare("SELECT count(*) AS n FROM bookings WHERE service_id = ? AND slot_start = ? AND state IN ('booked', 'checkedIn')");
    this.officeHeld = db.prepare("SELECT count(*) AS n FROM bookings WHERE service_id = ? AND slot_start = ? AND state IN ('booked', 'checkedIn') AND source = 'office'");
    this.between = db.prepare(`SELECT b.*, t.number AS ticket_number FROM bookings b LEFT JOIN tickets t ON t.id = b.ticket_id
      WHERE b.slot_start >= ? AND b.slot_start < ? ORDER BY b.slot_start, b.service_id, b.created_at`);
    this.insert = db.prepare(`INSERT INTO bookings (code, service_id, slot_start, slot_minutes, state, source, created_at, changed_at, hub_seq, id_hash, id_last4)
      VALUES (@code, @service_id, @slot_start, @slot_minutes, @state, @source, @created_at, @changed_at, @hub_seq, @id_hash, @id_last4)`);
    this.setStateQ = db.prepare('UPDATE bookings SET state = ?, changed_at = ?, missed_reason = ? WHERE code = ? RETURNING *');
    this.seqOf = db.prepare('UPDATE bookings SET hub_seq = max(coalesce(hub_seq, 0), ?) WHERE code = ?');
    // Plan: bookings_by_slot range; the day's few open bookings.
    this.openBefore = db.prepare("SELECT * FROM bookings WHERE slot_start < ? AND state = 'booked' ORDER BY slot_start");
    this.todayByIdHash = db.prepare("SELECT * FROM bookings WHERE id_hash = ? AND slot_start >= ? AND slot_start < ? AND state = 'booked' ORDER BY slot_start LIMIT 1");
    this.maxHubSeq = db.prepare("SELECT max(hub_seq) AS m FROM bookings WHERE source = 'hub'");
    this.withTicket = db.prepare('SELECT b.*, t.number AS ticket_number FROM bookings b LEFT JOIN tickets t ON t.id = b.ticket_id WHERE b.code = ?');
  }

  byCode(code: string): BookingRow | undefined {
    return this.byCodeQ.get(code);
  }

  /** As staff see it: no name or phone exists to show; the ticket number once checked in. */
  view(code: string): BookingView {
    const b = this.withTicket.get(code);
    if (!b) throw new AppError('BOOKING_UNKNOWN');
    return toBookingView(b);
  }

  byTicket(ticketId: string): BookingRow | undefined {
    return this.byTicketQ.get(ticketId);
  }

  /** The code or the error a citizen is told; a code nobody holds is a wrong guess (budgeted by the caller). */
  get(code: string): BookingRow {
    const b = this.byCode(code);
    if (!b) throw new AppError('BOOKING_UNKNOWN');
    return b;
  }

  live(serviceId: number, slotStart: number): number {
    return this.liveInSlot.get(serviceId, slotStart)?.n ?? 0;
  }

  heldByOffice(serviceId: number, slotStart: number): number {
    return this.officeHeld.get(serviceId, slotStart)?.n ?? 0;
  }

  /** The business day's bookings (all states), with the ticket number of those checked in. */
  onDay(day: string): (BookingRow & { ticket_number: string | null })[] {
    const { timeZone, dayBoundaryMinutes } = this.queue.settings.get();
    const from = businessDayStart(day, timeZone, dayBoundaryMinutes);
    const to = businessDayStart(nextDate(day), timeZone, dayBoundaryMinutes);
    return this.between.all(from, to);
  }

  lastHubSeq(): number {
    return this.maxHubSeq.get()?.m ?? 0;
  }

  /** The business day a booking's slot falls on. */
  dayOf(b: Pick<BookingRow, 'slot_start'>): string {
    const { timeZone, dayBoundaryMinutes } = this.queue.settings.get();
    return businessDay(b.slot_start, timeZone, dayBoundaryMinutes);
  }

  event(type: BookingEventType, b: BookingRow, actor: string, extra: { ticket?: TicketRow | null; late?: boolean } = {}): void {
    const payload: Record<string, unknown> = { code: b.code, serviceId: b.service_id };
    if (extra.late) payload.late = true;
    this.queue.ctx.record(type, { ticket: extra.ticket ?? null, serviceId: b.service_id, actor, payload });
  }

  setState(b: BookingRow, state: BookingState, missedReason: BookingRow['missed_reason'] = null): BookingRow {
    return this.setStateQ.get(state, this.queue.now(), missedReason, b.code) as BookingRow;
  }

  /** A booking made at the office (staff for a caller, or a file import): checked against the slot plan and its capacity. */
  book(input: NewBooking, actor: string): BookingRow {
    const idNumber = input.idNumber?.trim() || null;
    if (idNumber !== null && !ID_NUMBER.test(idNumber)) throw new AppError('ID_NUMBER_INVALID');
    const made = this.queue.ctx.tx(() => {
      const rule = this.rules.of(input.serviceId);
      this.queue.ctx.service(input.serviceId);
      if (!rule?.enabled) throw new AppError('APPOINTMENTS_OFF');
      const now = this.queue.now();
      const day = this.dayOf({ slot_start: input.slotStart });
      const slot = this.rules.slotsOn(input.serviceId, localDate(input.slotStart, this.queue.settings.get().timeZone)).find((s) => s.start === input.slotStart);
      if (!slot || slot.start <= now || day < this.queue.ctx.today()) throw new AppError('SLOT_UNKNOWN');
      if (this.live(slot.serviceId, slot.start) >= rule.capacity) throw new AppError('SLOT_FULL');
      const row: BookingRow = {
        code: this.freshCode(),
        service_id: slot.serviceId,
        slot_start: slot.start,
        slot_minutes: slot.minutes,
        state: 'booked',
        source: 'office',
        created_at: now,
        changed_at: now,
        hub_seq: null,
        id_hash: idNumber === null ? null : this.matchKey.hash(idNumber),
        id_last4: idNumber === null ? null : idNumber.slice(-4),
        ticket_id: null,
        checked_in_at: null,
        late: 0,
        reoffered_at: null,
        missed_reason: null,
      };
      const { ticket_id: _t, checked_in_at: _c, late: _l, reoffered_at: _r, missed_reason: _m, ...columns } = row;
      this.insert.run(columns);
      this.event('booking.created', row, actor);
      return row;
    });
    this.onChange();
    return made;
  }

  private freshCode(): string {
    for (let i = 0; i < 20; i++) {
      const code = makeBookingCode(this.randomIndex);
      if (!this.byCode(code)) return code;
    }
    throw new AppError('INTERNAL', 'Không tạo được mã lịch hẹn riêng');
  }

  /** The citizen (kiosk, by code) or staff cancel a booking not yet used. */
  cancel(code: string, actor: string): BookingRow {
    const out = this.queue.ctx.tx(() => {
      const b = this.get(code);
      assertOpen(b);
      const row = this.setState(b, 'cancelled');
      this.event('booking.cancelled', row, actor);
      return row;
    });
    this.onChange();
    return out;
  }

  /**
   * Bookings of past business days still booked: their window passed without a check-in. A late
   * citizen on the day itself still gets an ordinary ticket (and is counted late), so the sweep
   * waits for the day's end.
   */
  sweepMissed(): number {
    const { timeZone, dayBoundaryMinutes } = this.queue.settings.get();
    const dayStart = businessDayStart(this.queue.ctx.today(), timeZone, dayBoundaryMinutes);
    const open = this.openBefore.all(dayStart);
    if (open.length === 0) return 0;
    this.queue.ctx.tx(() => {
      for (const b of this.openBefore.all(dayStart)) this.event('booking.missed', this.setState(b, 'missed', 'window'), 'system:appointments');
    });
    this.onChange();
    return open.length;
  }

  /** Today's booked booking made with this ID number, if any (a scanned card checks it in). */
  todayForIdNumber(idNumber: string): BookingRow | undefined {
    const { timeZone, dayBoundaryMinutes } = this.queue.settings.get();
    const today = this.queue.ctx.today();
    return this.todayByIdHash.get(this.matchKey.hash(idNumber), businessDayStart(today, timeZone, dayBoundaryMinutes), businessDayStart(nextDate(today), timeZone, dayBoundaryMinutes));
  }

  /**
   * Bookings pulled from the hub, applied in its order, each at most once whatever is pulled again:
   * a new code is inserted as the hub has it; a cancellation on the hub cancels a booking still
   * booked here (one already checked in, missed or cancelled stays as the office decided). The hub
   * already knows what it sent, so no event goes back for these.
   */
  applyPulled(bookings: readonly PulledBooking[]): { added: number; cancelled: number } {
    let added = 0;
    let cancelled = 0;
    this.queue.ctx.tx(() => {
      const now = this.queue.now();
      for (const p of bookings) {
        const b = this.byCode(p.code);
        if (!b) {
          // A service gone from the office since it was offered: nothing here could serve it.
          if (!this.queue.ctx.serviceById.get(p.serviceId)) continue;
          this.insert.run({
            code: p.code,
            service_id: p.serviceId,
            slot_start: p.slotStart,
            slot_minutes: p.slotMinutes,
            state: p.state,
            source: 'hub',
            created_at: p.createdAt,
            changed_at: now,
            hub_seq: p.hubSeq,
            id_hash: p.idHash,
            id_last4: p.idLast4,
          });
          if (p.state === 'booked') added++;
          continue;
        }
        if (b.source === 'hub') this.seqOf.run(p.hubSeq, b.code);
        if (p.state === 'cancelled' && b.state === 'booked') {
          this.setState(b, 'cancelled');
          cancelled++;
        }
      }
    });
    if (added + cancelled > 0) this.onChange();
    return { added, cancelled };
  }
}

export const toBookingView = (b: BookingRow & { ticket_number: string | null }): BookingView => ({
  code: b.code,
  serviceId: b.service_id,
  slotStart: b.slot_start,
  slotMinutes: b.slot_minutes,
  state: b.state,
  source: b.source,
  createdAt: b.created_at,
  checkedInAt: b.checked_in_at,
  ticketNumber: b.ticket_number,
  late: b.late === 1,
  missedReason: b.missed_reason,
  idLast4: b.id_last4,
});

/** A booking's state that no longer takes a check-in or a cancellation: the error its holder is told. */
export function assertOpen(b: BookingRow): void {
  if (b.state === 'cancelled') throw new AppError('BOOKING_CANCELLED');
  if (b.state === 'checkedIn') throw new AppError('BOOKING_USED');
  if (b.state === 'missed') throw new AppError('BOOKING_MISSED');
}

function localDate(at: number, timeZone: string): string {
  return businessDay(at, timeZone, 0);
}
