import type Database from 'better-sqlite3';
import { localParts } from '../../../shared/businessDay';
import { recogniseScan } from '../../../shared/checkinScan';
import { ageOn, parseCitizenIdQr } from '../../../shared/citizenIdQr';
import { AppError } from '../../../shared/errors';
import { isError } from '../../../shared/guessBudget';
import type { Appointments } from '../appointments/appointments';
import type { CheckedIn } from '../appointments/appointmentCheckin';
import type { QueueService } from '../queue/queueService';
import type { TicketRow } from '../queue/rows';

export interface CheckinScan {
  scan: string;
  serviceId?: number;
  priority?: string | null;
}

export type CheckinOutcome =
  | { step: 'chooseService'; kind: 'dossier' | 'citizenId'; dossierCode: string | null; name: string | null; priority: string | null }
  | { step: 'ticket'; kind: 'dossier' | 'citizenId'; dossierCode: string | null; row: TicketRow }
  | { step: 'ticket'; kind: 'appointment'; dossierCode: null; row: TicketRow; booking: { code: string; slotStart: number; slotMinutes: number; late: boolean } };

const appointmentOutcome = (c: CheckedIn): CheckinOutcome => ({
  step: 'ticket',
  kind: 'appointment',
  dossierCode: null,
  row: c.row,
  booking: { code: c.booking.code, slotStart: c.booking.slot_start, slotMinutes: c.booking.slot_minutes, late: c.late },
});

/** The office's own word for the service that hands results back, as receipts call it. */
const RESULTS_SERVICE = /(trả|nhận)\s+kết\s+quả/iu;

/**
 * Check-in by scan at the kiosk (#30, office slice). Reads what was scanned by its shape and either
 * says what the kiosk asks next (nothing written) or issues the number. Of an ID card only the name
 * and the birth year reach the ticket; the number, the address and the full date of birth are read
 * here, used for the age, and dropped with the request.
 */
export class CheckinDesk {
  private readonly activeServices: Database.Statement<[], { id: number; name_vi: string }>;

  constructor(
    private readonly queue: QueueService,
    private readonly appointments: Appointments,
  ) {
    this.activeServices = queue.ctx.db.prepare('SELECT id, name_vi FROM services WHERE active = 1 ORDER BY sort_order, id');
  }

  /** The service a dossier receipt goes to: the office's choice, else its one "Trả kết quả" service, else none. */
  dossierService(): number | null {
    const chosen = this.queue.settings.get().checkin.dossierServiceId;
    const active = this.activeServices.all();
    if (chosen !== null && active.some((s) => s.id === chosen)) return chosen;
    const results = active.filter((s) => RESULTS_SERVICE.test(s.name_vi.normalize('NFC')));
    return results.length === 1 ? results[0]!.id : null;
  }

  check(input: CheckinScan, kioskId: string | undefined): CheckinOutcome {
    const seen = recogniseScan(input.scan);
    if (seen.kind === 'booking') {
      // Paid for by the kiosk before the code is looked up; only a code nobody holds uses it up.
      const guesser = kioskId ?? 'shell';
      return this.appointments.codeGuesses.attempt(
        guesser,
        () => appointmentOutcome(this.appointments.checkin.checkIn(seen.code, { kioskId, priority: input.priority ?? null })),
        isError('BOOKING_UNKNOWN'),
      );
    }
    if (seen.kind === 'unknown') throw new AppError('SCAN_UNKNOWN');
    if (seen.kind === 'dossier') {
      const serviceId = input.serviceId ?? this.dossierService();
      if (serviceId === undefined || serviceId === null) return { step: 'chooseService', kind: 'dossier', dossierCode: seen.code, name: null, priority: null };
      const row = this.queue.issuer.issue({ serviceId, priority: input.priority ?? null, kioskId, dossierCode: seen.code });
      return { step: 'ticket', kind: 'dossier', dossierCode: seen.code, row };
    }
    const office = this.queue.settings.get();
    const p = localParts(this.queue.now(), office.timeZone);
    const today = { year: p.year, month: p.month, day: p.day };
    const read = parseCitizenIdQr(input.scan, today);
    // Which field was wrong goes to the kiosk (a clearer "scan again"), never the field's value.
    if (!read.ok) throw new AppError('ID_QR_INVALID', undefined, { field: read.reason });
    const card = read.card;
    const elderly = office.priorityGroups.some((g) => g.code === 'elderly') && ageOn(card.birth, today) >= office.checkin.elderlyAge ? 'elderly' : null;
    // A booking made with this card's number today: the card is the code (only its keyed hash is compared).
    const booked = this.appointments.book.todayForIdNumber(card.idNumber);
    if (booked) {
      const priority = input.priority === undefined ? elderly : input.priority;
      return appointmentOutcome(this.appointments.checkin.checkIn(booked.code, { kioskId, priority, citizen: { name: card.name, birthYear: card.birth.year } }));
    }
    if (input.serviceId === undefined) return { step: 'chooseService', kind: 'citizenId', dossierCode: null, name: card.name, priority: elderly };
    // The citizen may have cleared the pre-selected group (or chosen another): theirs is the answer.
    const priority = input.priority === undefined ? elderly : input.priority;
    const row = this.queue.issuer.issue({ serviceId: input.serviceId, priority, kioskId, citizen: { name: card.name, birthYear: card.birth.year } });
    return { step: 'ticket', kind: 'citizenId', dossierCode: null, row };
  }
}
