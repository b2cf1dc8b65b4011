import { z } from 'zod';
import { CHECK_CODE_ALPHABET } from './checkCode';

// Appointments (#30): the booking code every booking carries, the appointment rules an office keeps
// per service, and what an office and the province hub say to each other about bookings. The office
// is the authority: it offers slots (with the capacity it gives the hub), the hub takes bookings from
// home against that capacity, the office pulls them and tells the hub what became of each (checked
// in, missed, cancelled at the kiosk) through its ordinary event outbox. Pure.

/**
 * A booking code: "LH-" and 8 signs of the check-code alphabet (nothing misread on paper or
 * mistyped on a keypad), 20⁸ ≈ 2.6 × 10¹¹ codes. A code is also the key to cancel, so it is
 * drawn at random and every guess at one is budgeted before it is looked up.
 */
export const BOOKING_CODE_ALPHABET = CHECK_CODE_ALPHABET;
export const BOOKING_CODE_LENGTH = 8;
export const BOOKING_CODE_PREFIX = 'LH-';
/** As scanned or typed: prefix optional, case and separators free ("lh 7k3p-9q4m"). */
const TYPED = new RegExp(`^(?:LH)?[${BOOKING_CODE_ALPHABET}]{${BOOKING_CODE_LENGTH}}$`);

/** The stored form ("LH-ACDEHKMN"), or null when the text is not a booking code's shape. */
export function normalizeBookingCode(input: string): string | null {
  const bare = input.toUpperCase().replace(/[\s\-.]/g, '');
  if (!TYPED.test(bare)) return null;
  return BOOKING_CODE_PREFIX + bare.slice(bare.length - BOOKING_CODE_LENGTH);
}

/** "LH-ACDE-HKMN": how a code is printed and shown, in two groups a person can read out. */
export function formatBookingCode(code: string): string {
  const bare = code.slice(BOOKING_CODE_PREFIX.length);
  return `${BOOKING_CODE_PREFIX}${bare.slice(0, 4)}-${bare.slice(4)}`;
}

/** A fresh code from the caller's random source (crypto on the host and the hub; seeded in tests). */
export function makeBookingCode(randomIndex: (n: number) => number): string {
  let s = '';
  for (let i = 0; i < BOOKING_CODE_LENGTH; i++) s += BOOKING_CODE_ALPHABET[randomIndex(BOOKING_CODE_ALPHABET.length)];
  return BOOKING_CODE_PREFIX + s;
}

/**
 * One service's appointments, as the office sets them: slots of `slotMinutes` through the service's
 * opening hours (its own, else the office's; none on holidays), `capacity` bookings per slot, bookable
 * up to `daysAhead` days ahead. Off: the service takes no bookings (walk-ins only).
 */
export const AppointmentRule = z
  .object({
    serviceId: z.number().int().positive(),
    enabled: z.boolean(),
    slotMinutes: z.number().int().min(5).max(240),
    capacity: z.number().int().min(1).max(100),
    daysAhead: z.number().int().min(1).max(90),
    /** Of each slot's capacity, how much the hub may book from home (the rest is kept for staff bookings). */
    hubShare: z.number().int().min(0).max(100),
  })
  .strict();
export type AppointmentRule = z.infer<typeof AppointmentRule>;

/** Office-wide rules of check-in (office settings). */
export const AppointmentWindow = z
  .object({
    /** A booking checks in from this many minutes before its slot… */
    earlyMinutes: z.number().int().min(0).max(120),
    /** …until this many after its start; later, the citizen gets an ordinary ticket and is told so. */
    lateMinutes: z.number().int().min(0).max(120),
    /** An appointment becomes callable this long before its slot (ZMS's rule: 2 minutes). */
    callableBeforeMinutes: z.number().int().min(0).max(30),
    /** A called appointment that did not come is offered again once, this many minutes later. */
    reofferMinutes: z.number().int().min(1).max(60),
    /** On the hub: bookings missed in the last 90 days after which a phone or address may not book (0: no limit). */
    noShowLimit: z.number().int().min(0).max(20),
  })
  .strict();
export type AppointmentWindow = z.infer<typeof AppointmentWindow>;
export const DEFAULT_APPOINTMENT_WINDOW: AppointmentWindow = { earlyMinutes: 15, lateMinutes: 10, callableBeforeMinutes: 2, reofferMinutes: 5, noShowLimit: 3 };

/**
 * A booking's life. `booked` → `checkedIn` (a ticket issued; staff can set it back to `booked`) →
 * the ticket's own states; `missed` when its window passed without a check-in or its called ticket
 * was a no-show twice; `cancelled` by the citizen (hub page, kiosk) or staff.
 */
export const BOOKING_STATES = ['booked', 'checkedIn', 'missed', 'cancelled'] as const;
export const BookingState = z.enum(BOOKING_STATES);
export type BookingState = z.infer<typeof BookingState>;

/** One slot the office offers the hub: start on the office's clock (epoch ms), its length and the hub's capacity. */
export const OfferedSlot = z
  .object({
    serviceId: z.number().int().positive(),
    start: z.number().int().positive(),
    minutes: z.number().int().min(5).max(240),
    /** How many the hub may book in it: the rule's hub share, less the office's own bookings beyond its part. */
    capacity: z.number().int().min(0).max(100),
  })
  .strict();
export type OfferedSlot = z.infer<typeof OfferedSlot>;

/**
 * The office's whole offer, pushed to the hub when it changes (rules edited, a staff booking, a new
 * day coming into reach). It replaces the previous offer: a slot no longer offered takes no new
 * bookings, bookings already made in it stand.
 */
export const BookingOffer = z
  .object({
    /** Changes whenever the offer does; the hub answers with the version it holds. */
    version: z.number().int().positive(),
    timeZone: z.string().max(60),
    services: z.array(z.object({ id: z.number().int().positive(), nameVi: z.string().max(300), nameEn: z.string().max(300) }).strict()).max(500),
    slots: z.array(OfferedSlot).max(20_000),
    window: AppointmentWindow,
    /**
     * Key for matching a booking to a chip ID card: the hub keeps HMAC-SHA256(key, 12-digit number)
     * and the last 4 digits when a citizen gives their number, never the number. The HMAC is keyed
     * with the 32 bytes the 64 hex signs spell (not the hex text) over the 12 ASCII digits, output as
     * lower-case hex: `createHmac('sha256', Buffer.from(matchKey, 'hex')).update(number).digest('hex')`.
     */
    matchKey: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type BookingOffer = z.infer<typeof BookingOffer>;

/** A booking as the office pulls it from the hub (new ones and changed ones, in the hub's order). */
export const PulledBooking = z
  .object({
    code: z.string().regex(/^LH-[A-Z0-9]{8}$/),
    serviceId: z.number().int().positive(),
    slotStart: z.number().int().positive(),
    slotMinutes: z.number().int().min(5).max(240),
    state: z.enum(['booked', 'cancelled']),
    createdAt: z.number().int().positive(),
    /** HMAC-SHA256 of the citizen's ID number under the offer's matchKey, and its last 4 digits; null when not given. */
    idHash: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
    idLast4: z.string().regex(/^\d{4}$/).nullable(),
    /** The hub's change sequence: the office asks for what came after the last one it holds. */
    hubSeq: z.number().int().positive(),
  })
  .strict();
export type PulledBooking = z.infer<typeof PulledBooking>;

/** GET /hub/api/bookings?after=<hubSeq> (office credential): at most this many per answer. */
export const BOOKING_PULL_LIMIT = 500;
export const BookingPullAnswer = z.object({ bookings: z.array(PulledBooking).max(BOOKING_PULL_LIMIT), more: z.boolean() }).strict();
export type BookingPullAnswer = z.infer<typeof BookingPullAnswer>;

/**
 * What the office tells the hub about a booking: ordinary outbox events (shared/hubProtocol.ts
 * HubEvent) of these types, payload `{ code }` (+ `late: true` on a check-in past its window that
 * became an ordinary ticket). The hub applies them to its copy for the no-show history and reports.
 */
export const BOOKING_EVENT_TYPES = ['booking.created', 'booking.checked_in', 'booking.check_in_undone', 'booking.missed', 'booking.cancelled'] as const;
export type BookingEventType = (typeof BOOKING_EVENT_TYPES)[number];
