import { z } from 'zod';
import { BoardsConfig } from '../boardConfig';
import { PrinterConfig } from '../printerConfig';
import { Counter, Officer, OpeningWindow, PriorityGroupDef, Service, ServiceGroup, Ticket, TicketState, Zone } from '../domain';
import { plainCommentText } from '../plainText';
import { EnabledLangPack } from './langSchemas';

// Route parameters arrive as strings; ids are validated before anything touches the database.
export const TicketIdParam = z.object({ id: z.string().regex(/^[A-Za-z0-9]{8,32}$/, 'ticket id') }).strict();
export const CounterIdParam = z.object({ id: z.coerce.number().int().positive().max(1_000_000) }).strict();
export const NoInput = z.object({}).strict();

const ShortText = (max: number) => z.string().max(max);

export const IssueTicketBody = z
  .object({
    serviceId: z.number().int().positive(),
    priority: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/).nullish(),
    kioskId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).optional(),
  })
  .strict();

export const LoginBody = z
  .object({
    counterId: z.number().int().positive(),
    officerId: z.number().int().positive(),
    pin: z.string().regex(/^\d{4,8}$/, 'PIN is 4–8 digits'),
    /** Sign in at a counter another officer is signed in to; without it that is COUNTER_TAKEN. */
    takeOver: z.boolean().optional(),
  })
  .strict();

export const AdminLoginBody = z.object({ password: z.string().min(1).max(200) }).strict();

export const PauseBody = z
  // One of the office's pause reasons (an office setting), checked against them by the host.
  .object({ reason: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/), note: ShortText(200).optional() })
  .strict();

export const FinishBody = z.object({ dossierCode: ShortText(64).trim().optional() }).strict();
export const CallSpecificBody = z.object({ counterId: z.number().int().positive() }).strict();
export const UnparkBody = z.object({ counterId: z.number().int().positive().optional() }).strict();

export const TransferBody = z
  .object({ serviceId: z.number().int().positive().optional(), counterId: z.number().int().positive().optional() })
  .strict()
  .refine((b) => (b.serviceId === undefined) !== (b.counterId === undefined), 'give exactly one of serviceId or counterId');

export const RatingBody = z
  .object({
    score: z.number().int().min(1).max(5),
    reasons: z.array(z.string().regex(/^[a-z][a-z0-9_]{0,31}$/)).max(10).optional(),
    // Cleaned, not refused: a citizen who pasted a stray control character still gets to comment.
    comment: ShortText(1000).transform(plainCommentText).optional(),
    source: z.enum(['kiosk', 'tablet', 'phone']).optional(),
  })
  .strict();

const TicketNumber = z.string().regex(/^[A-Z]{0,3}\d{1,6}$/i);
export const LookupQuery = z.object({ number: TicketNumber }).strict();
/** Walk-up rating: the number and the check code printed on the ticket, together. */
/** Walk-up rating: the check code printed on the ticket, alone (unique within the day) or with the number. */
export const VerifyTicketBody = z.object({ number: TicketNumber.optional(), code: z.string().regex(/^[A-Za-z0-9 -]{4,12}$/) }).strict();

/**
 * `/api/health` (#27): each part's coarse state for anyone (a phone, a monitoring script); `ok` is
 * false when any part is down. No printer or no boards configured is a setup choice ('none'), not a
 * fault. `details` (paths, device names, errors) only for enrolled devices and the host's windows.
 */
export const DatabaseState = z.enum(['ok', 'damaged', 'failing', 'down']);
/** What a display that speaks calls tells the host about its sound (#31). */
export const SpeakerReport = z
  .object({
    state: z.enum(['playing', 'blocked', 'unsupported']),
    /** Clips that failed to load since the last report, newest last ("vi/so_5"). */
    clipFailures: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z]+)?\/[A-Za-z0-9_.-]{1,80}$/)).max(20),
  })
  .strict();
export const SpeakerView = z.object({
  deviceId: z.number().int(),
  name: z.string(),
  zoneId: z.number().int().nullable(),
  state: SpeakerReport.shape.state,
  since: z.number(),
  clipFailures: z.number().int(),
  lastClipFailure: z.string().nullable(),
});
export const DiskState = z.enum(['ok', 'low', 'unknown']);
export const DeviceState = z.enum(['ok', 'down', 'none']);
export const HealthDetails = z.object({
  database: z.object({
    state: DatabaseState,
    error: z.string().nullable(),
    damage: z.object({ detectedAt: z.number(), reason: z.string(), detail: z.string(), walCopy: z.string() }).nullable(),
  }),
  disk: z.object({ path: z.string(), freeBytes: z.number().nullable(), totalBytes: z.number().nullable(), lowBelowBytes: z.number(), error: z.string().nullable() }),
  printers: z.array(z.object({ printer: z.string(), ready: z.boolean(), message: z.string() })),
  boards: z.array(z.object({ kind: z.string(), port: z.string(), address: z.number(), zoneId: z.number().nullable(), connected: z.boolean() })),
  checkedAt: z.number(),
  /** Displays that speak calls, connected now (#31): which cannot be heard and which clips failed. */
  speakers: z.array(SpeakerView).optional(),
});
export const Health = z.object({
  ok: z.boolean(),
  version: z.string(),
  time: z.number(),
  database: DatabaseState,
  disk: DiskState,
  printers: DeviceState,
  boards: DeviceState,
  /** 'silent': a connected display's sound is blocked until someone touches it. Optional: older offices' pushes lack it. */
  speakers: z.enum(['ok', 'silent', 'none']).optional(),
  details: HealthDetails.optional(),
});


/**
 * Minutes until the call, or null when no counter that could call it is open now (signed in and
 * not paused): the screens then say so instead of promising minutes (issue #28).
 */
const EtaMinutes = z.number().int().nullable();

/**
 * When a closed service (or the office) takes numbers again, office time; `afterBreak`: the
 * closing is a break in today's work (lunch), so the screens say "làm việc lại lúc 13:30".
 */
export const Reopening = z.object({ daysAhead: z.number().int(), weekday: z.number().int(), date: z.string(), time: z.string(), afterBreak: z.boolean() });
export type Reopening = z.infer<typeof Reopening>;

export const ServiceStatus = Service.extend({
  waiting: z.number().int(),
  etaMinutes: EtaMinutes,
  openNow: z.boolean(),
  closedReason: z.enum(['inactive', 'hours', 'quota', 'range']).nullable(),
  hoursToday: z.string(),
  /** When a service closed for its hours opens again (office time), so the kiosk can say so once. */
  opensNext: Reopening.nullable(),
  issuedToday: z.number().int(),
  /** Zones whose open-or-not counters serve it (m009), ascending: the kiosk says where to go. */
  zoneIds: z.array(z.number().int()),
});
export type ServiceStatus = z.infer<typeof ServiceStatus>;

/** What happened to a ticket's paper, as the kiosk tells the citizen: 'none' when no printer is set up. */
export const TicketPrintView = z.object({
  jobId: z.number().int().nullable(),
  /** `screen`: the office has no ticket printer, the screen's ticket is the ticket (not a failure). */
  state: z.enum(['none', 'screen', 'queued', 'printing', 'done', 'failed']),
});
export type TicketPrintView = z.infer<typeof TicketPrintView>;

export const IssuedTicket = z.object({
  id: z.string(),
  number: z.string(),
  serviceId: z.number().int(),
  serviceNameVi: z.string(),
  serviceNameEn: z.string(),
  priority: z.string().nullable(),
  state: TicketState,
  issuedAt: z.number().int(),
  ahead: z.number().int(),
  etaMinutes: EtaMinutes,
  trackUrl: z.string(),
  checkCode: z.string(),
  print: TicketPrintView,
  /** An appointment's slot start (#30), shown on the ticket; null for a walk-in. */
  appointmentAt: z.number().int().nullable().optional(),
});
export type IssuedTicket = z.infer<typeof IssuedTicket>;

/**
 * A scan at the kiosk (#30): the text a USB scanner typed or the citizen keyed in. Sent again with
 * the chosen service (and priority) to take the number, so the host reads the card itself and the
 * kiosk never hands it a name to store.
 */
export const CheckinBody = z
  .object({
    // A card QR is under 300 characters; the 2024 card's extra fields stay well under 1000.
    scan: z.string().trim().min(1).max(1000),
    serviceId: z.number().int().positive().optional(),
    priority: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/).nullish(),
  })
  .strict();

export const BookingCheckedIn = z.object({ code: z.string(), slotStart: z.number().int(), slotMinutes: z.number().int(), late: z.boolean() });
export type BookingCheckedIn = z.infer<typeof BookingCheckedIn>;

/** What the kiosk shows next: the service choice (200, nothing written yet) or the ticket (201). */
export const CheckinAnswer = z.discriminatedUnion('step', [
  z.object({
    step: z.literal('chooseService'),
    kind: z.enum(['dossier', 'citizenId']),
    /** The dossier code read from the scan (dossier only). */
    dossierCode: z.string().nullable(),
    /** The name on the card, shown back to its holder (citizenId only); never kept by the kiosk past this citizen. */
    name: z.string().nullable(),
    /** The office's priority group the kiosk pre-selects (its elderly group from the office's age), or null. */
    priority: z.string().nullable(),
  }),
  z.object({
    step: z.literal('ticket'),
    kind: z.enum(['dossier', 'citizenId', 'appointment']),
    dossierCode: z.string().nullable(),
    ticket: IssuedTicket,
    /** The booking checked in (appointment only); `late`: past its window, so the ticket is an ordinary one. */
    booking: BookingCheckedIn.optional(),
  }),
]);
export type CheckinAnswer = z.infer<typeof CheckinAnswer>;

export const CounterRef = z.object({ id: z.number().int(), number: z.number().int(), name: z.string() });
/** What the hall already sees of a call: a number and a counter, never a ticket id. */
export const ServiceCall = z.object({ number: z.string(), counterNumber: z.number().int(), counterName: z.string() });
export type ServiceCall = z.infer<typeof ServiceCall>;

export const TicketStatus = z.object({
  id: z.string(),
  number: z.string(),
  serviceId: z.number().int(),
  serviceNameVi: z.string(),
  serviceNameEn: z.string(),
  state: TicketState,
  issuedAt: z.number().int(),
  ahead: z.number().int(),
  etaMinutes: EtaMinutes,
  counter: CounterRef.nullable(),
  rated: z.boolean(),
  canRate: z.boolean(),
  ratingLevels: z.number().int(),
  /** Printed on the ticket; shown to whoever holds the ticket (its QR), null for old tickets. */
  checkCode: z.string().nullable(),
  /** The number of this ticket's service a counter is calling or serving now (the latest call), public data only. */
  nowCalling: ServiceCall.nullable(),
});
export type TicketStatus = z.infer<typeof TicketStatus>;

/** A number looked up without its check code: only what anyone in the hall can already see. */
export const PublicTicketView = z.object({
  number: z.string(),
  serviceNameVi: z.string(),
  serviceNameEn: z.string(),
  state: TicketState,
  counter: CounterRef.nullable(),
});
export type PublicTicketView = z.infer<typeof PublicTicketView>;

export const StaffSession = z.object({
  token: z.string(),
  kind: z.literal('staff'),
  counter: Counter,
  officer: Officer,
});
export const AdminSession = z.object({ token: z.string(), kind: z.literal('admin'), mustChangePassword: z.boolean() });
export const SessionInfo = z.union([StaffSession, AdminSession]);
export type SessionInfo = z.infer<typeof SessionInfo>;

export const CounterView = Counter.extend({
  officerName: z.string().nullable(),
  current: Ticket.nullable(),
  pauseReason: z.string().nullable(),
});
export type CounterView = z.infer<typeof CounterView>;

/**
 * When "Bỏ qua" may be used on the counter's called ticket, as the host decides it: `ready`, or
 * in how many seconds (from the moment of the answer) unless the citizen is recalled first.
 */
export const SkipReadiness = z.object({ ready: z.boolean(), inSeconds: z.number().int().min(0), minSeconds: z.number().int().min(0) });
export type SkipReadiness = z.infer<typeof SkipReadiness>;

/** The citizen a counter's rating tablet asks now (shown again after a reload), or null. */
export const PendingRating = z
  .object({ ticketId: z.string(), number: z.string(), finishedAt: z.number().int(), expiresInSeconds: z.number().int().min(0) })
  .nullable();
export type PendingRating = z.infer<typeof PendingRating>;

/** A ticket in a counter's line, with the counter (or service) it was sent on from, if any. */
export const QueuedTicket = Ticket.extend({ fromCounterId: z.number().int().nullable(), fromServiceId: z.number().int().nullable() });
export type QueuedTicket = z.infer<typeof QueuedTicket>;

export const CounterState = z.object({
  counter: CounterView,
  waiting: z.array(z.object({ serviceId: z.number().int(), waiting: z.number().int(), oldestQueuedAt: z.number().nullable() })),
  /** Waiting tickets this counter may call, in the order it would call them by service (first 50). */
  queue: z.array(QueuedTicket),
  parked: z.array(Ticket),
  skipped: z.array(Ticket),
  servedToday: z.number().int(),
  /** Null unless a citizen has been called and not yet come (state `called`). */
  skip: SkipReadiness.nullable(),
  /** The host's clock when it answered: waits are counted on it, not on the PC's own clock. */
  at: z.number().int(),
  /**
   * Who the called or served citizen is, when they checked in with their ID card (#30): for the
   * officer only (this answer is staff-only; the hall, the ticket and the hub never carry it).
   */
  citizen: z.object({ name: z.string(), birthYear: z.number().int().nullable() }).nullable(),
});
export type CounterState = z.infer<typeof CounterState>;

export const DisplayCall = z.object({
  ticketId: z.string(),
  number: z.string(),
  serviceId: z.number().int(),
  counterId: z.number().int(),
  counterNumber: z.number().int(),
  at: z.number().int(),
  recall: z.boolean(),
});
export type DisplayCall = z.infer<typeof DisplayCall>;

/** `/display?zone=…`: only that zone's counters, calls and voice; without it, the whole office. */
export const DisplayQuery = z.object({ zone: z.coerce.number().int().positive().max(1_000_000).optional() }).strict();

export const DisplayState = z.object({
  /** The zone this answer is for, or null for the whole office. */
  zone: z.object({ id: z.number().int(), nameVi: z.string(), nameEn: z.string() }).nullable(),
  /** How many zones the office has: a display names its zone only when there is more than one. */
  zoneCount: z.number().int(),
  office: z.object({ name: z.string(), nameEn: z.string(), marquee: z.string(), logo: z.string() }),
  now: z.number().int(),
  lastEventSeq: z.number().int(),
  counters: z.array(
    z.object({
      id: z.number().int(),
      number: z.number().int(),
      name: z.string(),
      status: z.enum(['closed', 'open', 'paused']),
      officerName: z.string().nullable(),
      current: z.object({ ticketId: z.string(), number: z.string(), state: TicketState }).nullable(),
    }),
  ),
  /** The latest call still true (its citizen is still called or served at that counter), if any. */
  nowCalling: DisplayCall.nullable(),
  /** Today's calls, one entry per number, newest first. */
  recentCalls: z.array(DisplayCall),
  /**
   * Who waits, per line the hall reads: `g<id>` a group (its procedures served here, summed),
   * `s<id>` a service outside any group. A ward has no groups, so it reads its services.
   */
  waiting: z.array(z.object({ id: z.string(), nameVi: z.string(), nameEn: z.string(), waiting: z.number().int() })),
  /** While every service is closed for its hours: when the office takes numbers again (#28 point 4). */
  reopens: Reopening.nullable(),
});
export type DisplayState = z.infer<typeof DisplayState>;

export const PublicConfig = z.object({
  office: z.object({ name: z.string(), nameEn: z.string(), address: z.string(), marquee: z.string(), ticketFooter: z.string(), logo: z.string() }),
  priorityGroups: z.array(PriorityGroupDef),
  ratingLevels: z.number().int(),
  ratingReasons: z.array(PriorityGroupDef),
  pauseReasons: z.array(z.object({ code: z.string(), vi: z.string(), en: z.string() })),
  timeZone: z.string(),
  kioskIdleSeconds: z.number().int(),
  /** How the kiosk starts for each citizen; anyone can change it for themselves with one tap. */
  kioskAccess: z.object({ largeText: z.boolean(), highContrast: z.boolean() }),
  languages: z.array(z.string()),
  /** Office language packs turned on for at least one public screen (#31). */
  languagePacks: z.array(EnabledLangPack).default([]),
  /** Days a name read from an ID card stays on its ticket: the kiosk tells the citizen (#30). */
  nameRetentionDays: z.number().int(),
});
export type PublicConfig = z.infer<typeof PublicConfig>;

export const Ok = z.object({ ok: z.literal(true) });
export const RatingResult = z.object({ ok: z.literal(true), ticketId: z.string(), score: z.number().int() });

export { Counter, Officer, OpeningWindow, Service, ServiceGroup, Ticket, Zone };

export const PrinterStatusView = z.object({
  configured: z.boolean(),
  ready: z.boolean(),
  message: z.string(),
  paperEnd: z.boolean().nullable(),
  paperNearEnd: z.boolean().nullable(),
  coverOpen: z.boolean().nullable(),
  queued: z.number().int(),
  failed: z.number().int(),
});
export type PrinterStatusView = z.infer<typeof PrinterStatusView>;

export const PrintJobView = z.object({
  id: z.number().int(),
  kind: z.enum(['ticket', 'test']),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  state: z.enum(['queued', 'printing', 'done', 'failed']),
  error: z.string().nullable(),
  at: z.number().int(),
});
export type PrintJobView = z.infer<typeof PrintJobView>;
export const PrintJobIdParam = z.object({ id: z.coerce.number().int().positive().max(1_000_000_000) }).strict();
export const PrintResultView = z.object({ ok: z.boolean(), jobId: z.number().int(), error: z.string().nullable() });
/** A kiosk's own printer, as the admin sees it; `agent` when it is reached through a print agent. */
export const KioskPrinterView = z.object({
  deviceId: z.number().int(),
  config: PrinterConfig,
  status: PrinterStatusView,
  agent: z.object({ connected: z.boolean(), printerUp: z.boolean(), printer: z.string(), error: z.string().nullable() }).nullable(),
});
export type PrintResultView = z.infer<typeof PrintResultView>;

export const BoardsView = z.object({
  boards: BoardsConfig,
  buses: z.array(z.object({ port: z.string(), protocol: z.string(), connected: z.boolean(), boards: z.number().int() })),
  /** Per zone (null: boards of a counter that is gone): how many boards, how many on a connected line. */
  zones: z.array(z.object({ zoneId: z.number().int().nullable(), boards: z.number().int(), connected: z.number().int(), downPorts: z.array(z.string()) })),
});
