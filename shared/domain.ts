import { z } from 'zod';
import { AppointmentWindow, DEFAULT_APPOINTMENT_WINDOW } from './bookingProtocol';
import { PAUSE_REASONS } from './labels';
import { DEFAULT_TICKET_TEMPLATE, TicketTemplate } from './ticketTemplate';

// `expired`: still waiting, called, serving or parked when its business day closed; never called again.
export const TICKET_STATES = ['waiting', 'called', 'serving', 'done', 'skipped', 'parked', 'transferred', 'cancelled', 'expired'] as const;
export const TicketState = z.enum(TICKET_STATES);
export type TicketState = z.infer<typeof TicketState>;

/** States in which a ticket occupies a counter. */
export const ACTIVE_AT_COUNTER: readonly TicketState[] = ['called', 'serving'];

/** States a ticket may still leave on its own business day; at close of day they become `expired`. */
export const OPEN_AT_DAY_CLOSE: readonly TicketState[] = ['waiting', 'called', 'serving', 'parked'];

export const PriorityGroupDef = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/),
  vi: z.string().min(1).max(80),
  en: z.string().min(1).max(80),
});
export type PriorityGroupDef = z.infer<typeof PriorityGroupDef>;

export const DEFAULT_PRIORITY_GROUPS: PriorityGroupDef[] = [
  { code: 'elderly', vi: 'Người cao tuổi', en: 'Elderly' },
  { code: 'disabled', vi: 'Người khuyết tật', en: 'Person with a disability' },
  { code: 'pregnant', vi: 'Phụ nữ mang thai', en: 'Pregnant woman' },
  { code: 'small_child', vi: 'Người có con nhỏ', en: 'With a small child' },
  { code: 'meritorious', vi: 'Người có công với cách mạng', en: 'Person with meritorious service' },
];

export const PRIORITY_STRATEGY_KINDS = ['alternate', 'jumpLimit', 'priorityFirst', 'waitBonus'] as const;

/**
 * How priority and normal tickets of one service share its counters. Each kind is named for what
 * it does; the names used before 2026-12 (`interleaved`, `strict`, `elapsed`) are read as the kind
 * that behaves exactly as they did, so a stored setting keeps calling in the same order.
 */
export const PriorityStrategy = z.preprocess(
  upgradeStoredStrategy,
  z.discriminatedUnion('kind', [
    // "N priority then 1 normal": after `priorityRun` priority calls in a row, the oldest normal ticket goes next.
    z.object({ kind: z.literal('alternate'), priorityRun: z.number().int().min(1).max(20).default(3) }),
    // At most `maxJumps` priority tickets that came after a normal ticket are called while it waits.
    z.object({ kind: z.literal('jumpLimit'), maxJumps: z.number().int().min(1).max(20).default(3) }),
    // Priority first; a normal ticket older than agingMinutes is promoted and competes on age.
    z.object({ kind: z.literal('priorityFirst'), agingMinutes: z.number().int().min(1).max(24 * 60).default(45) }),
    // Longest effective wait first; priority tickets count as having waited bonusMinutes longer.
    z.object({ kind: z.literal('waitBonus'), bonusMinutes: z.number().int().min(0).max(240).default(15) }),
  ]),
);
export type PriorityStrategy = z.infer<typeof PriorityStrategy>;

/** Settings written by earlier versions: same behaviour under the honest name. */
export function upgradeStoredStrategy(v: unknown): unknown {
  if (!v || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  // "interleaved N" always meant "at most N priority ahead of a normal ticket", not N:1 alternation.
  if (o.kind === 'interleaved') return { kind: 'jumpLimit', maxJumps: o.ratio };
  if (o.kind === 'strict') return { kind: 'priorityFirst', agingMinutes: o.agingMinutes };
  if (o.kind === 'elapsed') return { kind: 'waitBonus', bonusMinutes: o.bonusMinutes };
  return v;
}

export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
export const OpeningWindow = z.object({
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  from: TimeOfDay,
  to: TimeOfDay,
});
export type OpeningWindow = z.infer<typeof OpeningWindow>;

/**
 * A time zone the runtime knows (its IANA database, aliases included: Node 20 lists Asia/Saigon
 * but still accepts Asia/Ho_Chi_Minh). A name it does not know would make every clock-driven
 * route fail, so it is refused at save time.
 */
export function isKnownTimeZone(tz: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
export const TimeZone = z.string().refine(isKnownTimeZone, 'múi giờ không hợp lệ (IANA, ví dụ Asia/Ho_Chi_Minh)');

export const RatingLevels = z.union([z.literal(3), z.literal(4), z.literal(5)]);

/** Check-in by scan at the kiosk (#30): where a dossier receipt goes, and what an ID card scan keeps. */
export const CheckinConfig = z.object({
  /**
   * The service a scanned dossier code takes a number for. Null: the office's "Trả kết quả" service
   * (the first active service whose name says so), and without one the citizen chooses.
   */
  dossierServiceId: z.number().int().positive().nullable(),
  /** From this age the kiosk pre-selects the office's elderly priority group (Law on the Elderly: 60). */
  elderlyAge: z.number().int().min(50).max(100),
  /** Days a scanned name stays on its ticket before the host erases it (Decree 13/2023: no longer than needed). */
  nameRetentionDays: z.number().int().min(1).max(365),
  /** Print the scanned name on the paper ticket (off: only the counter screen shows it). */
  nameOnTicket: z.boolean(),
});
export type CheckinConfig = z.infer<typeof CheckinConfig>;
export const DEFAULT_CHECKIN: CheckinConfig = { dossierServiceId: null, elderlyAge: 60, nameRetentionDays: 30, nameOnTicket: false };

export const OfficeConfig = z.object({
  name: z.string().min(1).max(200),
  nameEn: z.string().max(200).default(''),
  address: z.string().max(300).default(''),
  timeZone: TimeZone.default('Asia/Ho_Chi_Minh'),
  /**
   * Office-local dates (YYYY-MM-DD) the office is closed, whatever each service's hours: public
   * holidays, Tết, a day off in lieu. Checked strictly at save time (shared/api/adminSchemas.ts).
   */
  holidays: z.array(z.string()).max(400).default([]),
  /**
   * The office's own opening hours (#28 point 4): a service with no hours of its own follows them,
   * one with its own keeps those. Empty: no office hours (a service without its own takes numbers
   * at any time, as before office hours existed).
   */
  hours: z.array(OpeningWindow).max(14).default([]),
  /** Minutes after local midnight at which numbering restarts (0 = midnight). */
  dayBoundaryMinutes: z.number().int().min(0).max(24 * 60 - 1).default(0),
  ratingLevels: RatingLevels.default(4),
  ratingReasons: z.array(PriorityGroupDef).default([]),
  priorityGroups: z.array(PriorityGroupDef).max(20).default(DEFAULT_PRIORITY_GROUPS),
  /** What an officer picks from when pausing a counter (the code is stored with the pause). */
  pauseReasons: z.array(PriorityGroupDef).min(1).max(20).default(PAUSE_REASONS.map((r) => ({ ...r }))),
  priorityStrategy: PriorityStrategy.default({ kind: 'alternate', priorityRun: 3 }),
  /**
   * A counter calls its services in its own order, but a ticket of a later service that has waited
   * this long is called ahead of newer tickets of the services before it: an order, not a wall.
   */
  serviceAgingMinutes: z.number().int().min(5).max(8 * 60).default(30),
  /** Used for ETA until a service has enough finished tickets of its own. */
  defaultServiceMinutes: z.number().min(1).max(240).default(12),
  /** Base of the tracking URL printed as the ticket's QR, e.g. http://192.168.1.10:8080 */
  publicBaseUrl: z.string().max(300).default(''),
  ticketFooter: z.string().max(300).default('Xin cảm ơn công dân!'),
  /** What the printed ticket says, line by line (shared/ticketTemplate.ts). */
  ticketTemplate: TicketTemplate.default(DEFAULT_TICKET_TEMPLATE),
  marquee: z.string().max(500).default('4 xin: xin chào, xin lỗi, xin cảm ơn, xin phép · 4 luôn: luôn mỉm cười, luôn nhẹ nhàng, luôn lắng nghe, luôn giúp đỡ'),
  /** The office emblem shown on the kiosk and display headers: a PNG, JPEG or WebP data URL. */
  logo: z
    .string()
    .max(400_000)
    .regex(/^(data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+)?$/, 'logo: PNG, JPEG or WebP')
    .default(''),
  /** Languages the public screens offer; Vietnamese always, English when listed. */
  languages: z.array(z.enum(['vi', 'en'])).min(1).default(['vi', 'en']),
  /**
   * "Bỏ qua" (no-show) only after a second call or this many seconds since the call: a citizen
   * needs time to hear the number and walk to the counter. 0: no minimum.
   */
  skipMinSeconds: z.number().int().min(0).max(600).default(60),
  /** Seconds without a touch before the kiosk returns to its start screen. */
  kioskIdleSeconds: z.number().int().min(10).max(600).default(30),
  /** The kiosk starts (and returns after each citizen) in large text (200 %) / high contrast (#31). */
  kioskLargeText: z.boolean().default(false),
  kioskHighContrast: z.boolean().default(false),
  /**
   * The office hands out paper tickets (asked at setup). Without a printer the kiosk shows the ticket
   * on screen as the citizen's ticket, not as a failed print.
   */
  hasTicketPrinter: z.boolean().default(true),
  /** Phones on the office Wi-Fi may take a number themselves (off: only enrolled kiosks issue). */
  phonesMayTakeNumber: z.boolean().default(false),
  checkin: CheckinConfig.default(DEFAULT_CHECKIN),
  /** Appointments (#30): the check-in window, when an appointment becomes callable, the re-offer after a no-show. */
  appointments: AppointmentWindow.default(DEFAULT_APPOINTMENT_WINDOW),
  backupHour: z.number().int().min(0).max(23).default(2),
  backupKeep: z.number().int().min(1).max(365).default(14),
});
export type OfficeConfig = z.infer<typeof OfficeConfig>;

export const Service = z.object({
  id: z.number().int(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  prefix: z.string(),
  rangeStart: z.number().int(),
  rangeEnd: z.number().int(),
  dailyQuota: z.number().int().nullable(),
  hours: z.array(OpeningWindow),
  active: z.boolean(),
  sortOrder: z.number().int(),
  icon: z.string(),
  alertMinutes: z.number().int().nullable(),
  /** The department or sector it belongs to (m009); null in an office without groups. */
  groupId: z.number().int().nullable(),
  descriptionVi: z.string(),
  descriptionEn: z.string(),
  /** What to bring, one short line each, as the office wrote them. */
  documents: z.array(z.string()),
  /** The same in English (m013); empty when not translated. */
  documentsEn: z.array(z.string()),
});
export type Service = z.infer<typeof Service>;

/** A department or sector of the catalogue ("Sở Tư pháp", "Đất đai"): the kiosk's first level. */
export const ServiceGroup = z.object({
  id: z.number().int(),
  nameVi: z.string(),
  nameEn: z.string(),
  sortOrder: z.number().int(),
  icon: z.string(),
});
export type ServiceGroup = z.infer<typeof ServiceGroup>;

/** A floor, hall or wing: each counter is in one, and a display or speaker serves one. */
export const Zone = z.object({
  id: z.number().int(),
  nameVi: z.string(),
  nameEn: z.string(),
  sortOrder: z.number().int(),
});
export type Zone = z.infer<typeof Zone>;

export const CounterStatus = z.enum(['closed', 'open', 'paused']);
export type CounterStatus = z.infer<typeof CounterStatus>;

export const Counter = z.object({
  id: z.number().int(),
  number: z.number().int(),
  name: z.string(),
  active: z.boolean(),
  status: CounterStatus,
  officerId: z.number().int().nullable(),
  serviceIds: z.array(z.number().int()),
  zoneId: z.number().int(),
});
export type Counter = z.infer<typeof Counter>;

export const Officer = z.object({
  id: z.number().int(),
  name: z.string(),
  title: z.string(),
  photo: z.string().nullable(),
  active: z.boolean(),
});
export type Officer = z.infer<typeof Officer>;

/** Full ticket row as staff screens see it. */
export const Ticket = z.object({
  id: z.string(),
  number: z.string(),
  serviceId: z.number().int(),
  priority: z.string().nullable(),
  state: TicketState,
  businessDay: z.string(),
  issuedAt: z.number().int(),
  queuedAt: z.number().int(),
  calledAt: z.number().int().nullable(),
  servingAt: z.number().int().nullable(),
  finishedAt: z.number().int().nullable(),
  counterId: z.number().int().nullable(),
  officerId: z.number().int().nullable(),
  targetCounterId: z.number().int().nullable(),
  callCount: z.number().int(),
  transferredFrom: z.string().nullable(),
  dossierCode: z.string().nullable(),
});
export type Ticket = z.infer<typeof Ticket>;

export const Rating = z.object({
  ticketId: z.string(),
  score: z.number().int(),
  levels: z.number().int(),
  reasons: z.array(z.string()),
  comment: z.string(),
  serviceId: z.number().int(),
  counterId: z.number().int().nullable(),
  officerId: z.number().int().nullable(),
  createdAt: z.number().int(),
});
export type Rating = z.infer<typeof Rating>;

export { PAUSE_REASONS, RATING_LABELS } from './labels';
