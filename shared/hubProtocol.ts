import { z } from 'zod';
import { Health } from './api/schemas';
import { BookingOffer } from './bookingProtocol';

// What an office and the province hub say to each other over HTTP (issue #29). The office pushes;
// the hub never calls an office. Pure: shared by the office host, the hub and their tests.

/** A batch is at most this many events, this many bytes gzipped and this many once inflated. */
export const HUB_BATCH_EVENTS = 1000;
export const HUB_BATCH_GZIP_BYTES = 1 << 20;
export const HUB_BATCH_JSON_BYTES = 8 << 20;
/**
 * An office whose clock is this far ahead of the hub's is refused (`EVENT_FROM_FUTURE`) until it is
 * set right: a clock a few minutes wrong is only measured and shown (the events keep the office's
 * own times, as its report does), but a year-ahead clock would put events in a month not yet lived.
 */
export const HUB_FUTURE_SKEW_MS = 24 * 3600_000;
/** An event stamped after the batch carrying it was sent, by more than this, is refused: no clock explains it. */
export const HUB_EVENT_AFTER_SEND_MS = 5_000;

/** An idle office still pushes (no events, its health) this often, so the province tells quiet from cut off. */
export const HUB_HEARTBEAT_MS = 60_000;

/** One-time join code: the hub's pairing alphabet, 12 signs in three groups (≈ 5 × 10¹⁵). */
export const JOIN_CODE_ALPHABET = 'ACDEHKMNPRTUVXY34679';
export const JOIN_CODE_LENGTH = 12;
export const JOIN_CODE_TTL_MS = 24 * 3600_000;

export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export const JoinBody = z.object({ code: z.string().min(4).max(40) }).strict();
export type JoinBody = z.infer<typeof JoinBody>;
export const JoinAnswer = z.object({ officeId: z.string(), name: z.string(), credential: z.string() });
export type JoinAnswer = z.infer<typeof JoinAnswer>;

/** A generation: changes whenever the office's database may have gone back in time. */
export const Generation = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/);

/**
 * The event's ticket as the office holds it when the event is sent: the hub keeps the newest copy of
 * each ticket, so its figures are the office's own (same states, groups and times as its report).
 * No citizen's name or ID: a number, a service, times, a rating's score.
 */
export const HubTicket = z
  .object({
    businessDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    serviceId: z.number().int().positive(),
    counterId: z.number().int().positive().nullable(),
    officerId: z.number().int().positive().nullable(),
    state: z.enum(['waiting', 'called', 'serving', 'done', 'skipped', 'parked', 'transferred', 'cancelled', 'expired']),
    number: z.string().max(16),
    priority: z.string().max(40).nullable(),
    transferredFrom: z.string().max(40).nullable(),
    issuedAt: z.number().int(),
    calledAt: z.number().int().nullable(),
    servingAt: z.number().int().nullable(),
    finishedAt: z.number().int().nullable(),
    rating: z.object({ score: z.number().int().min(1).max(5), levels: z.number().int().min(3).max(5) }).nullable(),
  })
  .strict();
export type HubTicket = z.infer<typeof HubTicket>;

export const HubEvent = z
  .object({
    /** The office's own event sequence (its events table's id): gap-free within a generation. */
    seq: z.number().int().positive(),
    /** Epoch ms on the office's clock. */
    at: z.number().int().positive(),
    type: z.string().regex(/^[a-z]+(\.[a-z_]+)+$/).max(60),
    ticketId: z.string().max(40).nullable(),
    counterId: z.number().int().positive().nullable(),
    serviceId: z.number().int().positive().nullable(),
    actor: z.string().max(120),
    payload: z.record(z.string(), z.unknown()),
    ticket: HubTicket.nullable().optional(),
  })
  .strict();
export type HubEvent = z.infer<typeof HubEvent>;

/**
 * More of the office's state for the province's health view (all optional: an older office sends
 * none): its enrolled devices' last contact, when its last backup was made, the catalogue version
 * it has applied. Times on the office's clock; no device credentials or addresses.
 */
export const OfficeExtras = z
  .object({
    devices: z
      .array(z.object({ kind: z.enum(['kiosk', 'counter', 'rating', 'display', 'admin']), name: z.string().max(120), lastSeenAt: z.number().int().nullable() }).strict())
      .max(500)
      .optional(),
    lastBackupAt: z.number().int().nullable().optional(),
    catalogueVersion: z.number().int().positive().nullable().optional(),
  })
  .strict();
export type OfficeExtras = z.infer<typeof OfficeExtras>;

/**
 * The office's names for what its tickets point at (services, counters, officers), so the province's
 * reports can say "Hộ tịch" and "Nguyễn Văn An" instead of ids. Staff names only, never a citizen's.
 * Sent with a push when it changed since the hub last took it.
 */
export const OfficeDirectory = z
  .object({
    services: z.array(z.object({ id: z.number().int().positive(), code: z.string().max(60).nullable(), nameVi: z.string().max(300), nameEn: z.string().max(300) }).strict()).max(2000),
    counters: z.array(z.object({ id: z.number().int().positive(), number: z.number().int().positive(), name: z.string().max(200) }).strict()).max(1000),
    officers: z.array(z.object({ id: z.number().int().positive(), name: z.string().max(200) }).strict()).max(2000),
    /** The office's IANA zone, for the hour of issue on the province's page of the office. */
    timeZone: z.string().max(60).optional(),
  })
  .strict();
export type OfficeDirectory = z.infer<typeof OfficeDirectory>;

export const PushBatch = z
  .object({
    generation: Generation,
    /** The generation's events start after this sequence (the office's last event when it joined or restored). */
    baseSeq: z.number().int().min(0),
    /** The office host's clock when it sent the batch: the hub measures the offset. */
    sentAt: z.number().int().positive(),
    events: z.array(HubEvent).max(HUB_BATCH_EVENTS),
    /** The office's /api/health with its details as of sending: rides on every push and on the idle heartbeat. */
    health: Health.optional(),
    extras: OfficeExtras.optional(),
    /** The office's directory, when it changed since the hub last acknowledged one (and on a host's first push). */
    directory: OfficeDirectory.optional(),
    /**
     * The office's appointment slots for the hub's booking page (#30), when they changed since the
     * hub last said it holds this version; only to a hub whose answers carry `bookingOfferVersion`.
     */
    bookingOffer: BookingOffer.optional(),
  })
  .strict();
export type PushBatch = z.infer<typeof PushBatch>;
export type OfficeHealth = z.infer<typeof Health>;

/** The highest sequence the hub holds with nothing missing below it, for this generation. */
export const PushAnswer = z.object({
  generation: Generation,
  ackedSeq: z.number().int().min(0),
  /** The province's latest published catalogue version (null: none yet); an older hub does not say. */
  catalogueVersion: z.number().int().positive().nullable().optional(),
  /** The version of the office's booking offer the hub holds (null: none yet); a hub without bookings does not say. */
  bookingOfferVersion: z.number().int().positive().nullable().optional(),
  /**
   * The address citizens reach the hub at from the internet (`--public-url`), when it has one: the
   * office points its tickets' QR at the hub's tracking page there (#30). Absent: the office's own page.
   */
  publicUrl: z.string().url().max(300).optional(),
});
export type PushAnswer = z.infer<typeof PushAnswer>;

export const HubErrorAnswer = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
