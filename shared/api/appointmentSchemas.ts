// The office host's appointment routes (#30): the admin's rules, slots and bookings, staff undoing a
// check-in, the kiosk's "cancel my booking". The booking code and the rules are bookingProtocol's.
import { z } from 'zod';
import { AppointmentRule, BookingState, normalizeBookingCode } from '../bookingProtocol';

/** A booking code as typed (prefix, case and separators free), to its stored form; anything else is refused. */
export const BookingCodeText = z
  .string()
  .max(40)
  .transform((s, ctx) => {
    const code = normalizeBookingCode(s);
    if (!code) {
      ctx.addIssue({ code: 'custom', message: 'mã lịch hẹn có dạng LH-XXXX-XXXX' });
      return z.NEVER;
    }
    return code;
  });

export const BookingCodeParam = z.object({ code: BookingCodeText }).strict();
export const BookingCodeBody = z.object({ code: BookingCodeText }).strict();

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng YYYY-MM-DD');

export const SlotsQuery = z.object({ serviceId: z.coerce.number().int().positive().max(1_000_000_000), day: IsoDate }).strict();
export const DayQuery = z.object({ day: IsoDate }).strict();

export const SlotView = z.object({
  start: z.number().int(),
  minutes: z.number().int(),
  capacity: z.number().int(),
  /** Live bookings in it (booked or checked in), from the hub and the office. */
  booked: z.number().int(),
  free: z.number().int(),
});
export type SlotView = z.infer<typeof SlotView>;

/** A booking as staff see it: no name, no phone, at most the last 4 digits of an ID number. */
export const BookingView = z.object({
  code: z.string(),
  serviceId: z.number().int(),
  slotStart: z.number().int(),
  slotMinutes: z.number().int(),
  state: BookingState,
  source: z.enum(['hub', 'office']),
  createdAt: z.number().int(),
  checkedInAt: z.number().int().nullable(),
  ticketNumber: z.string().nullable(),
  late: z.boolean(),
  missedReason: z.enum(['window', 'noShow']).nullable(),
  idLast4: z.string().nullable(),
});
export type BookingView = z.infer<typeof BookingView>;

export const NewBookingBody = z
  .object({
    serviceId: z.number().int().positive(),
    slotStart: z.number().int().positive(),
    /** Optional: a 12-digit ID number, so the citizen may check in by scanning their card. */
    idNumber: z.string().trim().max(20).nullish(),
  })
  .strict();

/** A CSV export (service code, date, time), at most 2,000 rows: validated whole, imported all or nothing. */
export const ImportBookingsBody = z.object({ csv: z.string().min(1).max(60_000) }).strict();
export const ImportProblem = z.object({ line: z.number().int(), message: z.string() });
export const ImportBookingsAnswer = z.object({ imported: z.number().int(), bookings: z.array(BookingView) });

export const RuleList = z.array(AppointmentRule);
export const CancelledBooking = z.object({ code: z.string(), state: BookingState });
