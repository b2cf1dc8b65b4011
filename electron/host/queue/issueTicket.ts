import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { formatTicketNumber, nextSequence } from '../../../shared/numbering';
import type { QueueContext } from './queueContext';
import type { TicketRow } from './rows';
import { availability } from './serviceAvailability';
import type { DayCounts } from './serviceAvailability';
import { newCheckCode, newTicketId } from './ticketId';

export interface IssueInput {
  serviceId: number;
  priority?: string | null;
  kioskId?: string;
  /** Read from a dossier receipt scanned at the kiosk (#30). */
  dossierCode?: string | null;
  /** From a scanned ID card: the name and birth year, nothing else of the card (#30). */
  citizen?: { name: string; birthYear: number } | null;
  /**
   * A booking checked in (#30): its slot, and the queue time it takes (slot − callableBefore), from
   * which it is callable. A booked citizen is expected: the service's hours and daily quota, which
   * ration walk-ins, do not refuse them.
   */
  appointment?: { slotStart: number; queuedAt: number } | null;
}

const CLOSED_ERRORS = { inactive: 'SERVICE_INACTIVE', hours: 'SERVICE_CLOSED', quota: 'QUOTA_REACHED', range: 'RANGE_EXHAUSTED' } as const;

export class TicketIssuer {
  private readonly dayCounts: Database.Statement<[number, string], { issued: number; last: number | null }>;
  private readonly maxOrder: Database.Statement<[], { m: number | null }>;
  private readonly insert: Database.Statement<[Record<string, unknown>], TicketRow>;
  private readonly codeTaken: Database.Statement<[string, string], { x: number }>;

  /** Why no number may be issued now (a damaged database not yet recovered), or null. */
  private refusal: () => AppError | null = () => null;

  constructor(private readonly ctx: QueueContext) {
    const db = ctx.db;
    // A running counter kept by a trigger (m005): one row, however many tickets the day has.
    this.dayCounts = db.prepare('SELECT issued, last_seq AS last FROM service_day_counts WHERE service_id = ? AND business_day = ?');
    this.maxOrder = db.prepare('SELECT max(issue_order) AS m FROM tickets');
    // Plan: tickets_day_check_code (m019).
    this.codeTaken = db.prepare('SELECT 1 AS x FROM tickets WHERE business_day = ? AND check_code = ? LIMIT 1');
    this.insert = db.prepare(`INSERT INTO tickets (id, service_id, business_day, seq, number, priority, state, issued_at, queued_at, kiosk_id, issue_order, check_code, dossier_code, citizen_name, citizen_birth_year,
        appointment_at, callable_at)
      VALUES (@id, @service_id, @business_day, @seq, @number, @priority, 'waiting', @issued_at, @queued_at, @kiosk_id, @issue_order, @check_code,
        @dossier_code, @citizen_name, @citizen_birth_year, @appointment_at, @callable_at) RETURNING *`);
  }

  counts(serviceId: number, day: string): DayCounts {
    const r = this.dayCounts.get(serviceId, day);
    return { issuedToday: r?.issued ?? 0, lastSeq: r?.last ?? null };
  }

  /** While `why` answers an error (a damaged database not yet recovered, #27), no number is issued. */
  refuseWhile(why: () => AppError | null): void {
    this.refusal = why;
  }

  /**
   * A check code no other ticket of the day holds: walk-up rating opens a ticket by its code alone.
   * With 3.2 million codes and a day's thousand tickets a clash is rare; twenty in a row would mean
   * a broken random source, and then no number is better than one whose code opens another's ticket.
   */
  private freshCheckCode(day: string): string {
    for (let i = 0; i < 20; i++) {
      const code = newCheckCode();
      if (!this.codeTaken.get(day, code)) return code;
    }
    throw new AppError('INTERNAL', 'Không tạo được mã phiếu riêng cho ngày hôm nay');
  }

  nextIssueOrder(): number {
    return (this.maxOrder.get()?.m ?? 0) + 1;
  }

  /**
   * Issue a number. The sequence is read and the row inserted under the same write lock, and the
   * partial unique index refuses a second row for a (service, day, seq) even if the clock went
   * backwards, so a number can never be handed out twice.
   */
  issue(input: IssueInput): TicketRow {
    const refused = this.refusal();
    if (refused) throw refused;
    const office = this.ctx.settings.get();
    if (input.priority && !office.priorityGroups.some((g) => g.code === input.priority)) throw new AppError('PRIORITY_UNKNOWN');
    return this.ctx.tx(() => {
      const now = this.ctx.now();
      const service = this.ctx.service(input.serviceId);
      const a = availability(service, office, now, (day) => this.counts(service.id, day));
      const booked = input.appointment ?? null;
      if (a.closedReason && !(booked && (a.closedReason === 'hours' || a.closedReason === 'quota'))) throw new AppError(CLOSED_ERRORS[a.closedReason]);
      const seq = nextSequence(a.lastSeq, service.range_start, service.range_end);
      const row = {
        id: newTicketId(),
        service_id: service.id,
        business_day: a.day,
        seq,
        number: formatTicketNumber(service.prefix, seq, service.range_end),
        priority: input.priority ?? null,
        issued_at: now,
        queued_at: booked ? booked.queuedAt : now,
        callable_at: booked ? booked.queuedAt : null,
        appointment_at: booked ? booked.slotStart : null,
        kiosk_id: input.kioskId ?? null,
        issue_order: this.nextIssueOrder(),
        check_code: this.freshCheckCode(a.day),
        dossier_code: input.dossierCode ?? null,
        citizen_name: input.citizen?.name ?? null,
        citizen_birth_year: input.citizen?.birthYear ?? null,
      };
      // The row as written, from the INSERT itself: no read after the write.
      const ticket = this.insert.get(row) as TicketRow;
      this.ctx.record('ticket.issued', { ticket, actor: input.kioskId ? `kiosk:${input.kioskId}` : 'kiosk' });
      return ticket;
    });
  }
}
