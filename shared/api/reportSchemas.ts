import { z } from 'zod';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const OptId = z.coerce.number().int().positive().optional();

export const ReportQuery = z
  .object({ from: Day, to: Day, serviceId: OptId, counterId: OptId, officerId: OptId })
  .strict()
  .refine((q) => q.from <= q.to, 'from must not be after to');
export type ReportQuery = z.infer<typeof ReportQuery>;

export const ExportQuery = z
  .object({
    from: Day,
    to: Day,
    serviceId: OptId,
    counterId: OptId,
    officerId: OptId,
    table: z.enum(['totals', 'services', 'counters', 'officers', 'ratings', 'comments', 'hours']).optional(),
    lang: z.enum(['vi', 'en']).optional(),
  })
  .strict()
  .refine((q) => q.from <= q.to, 'from must not be after to');
export type ExportQuery = z.infer<typeof ExportQuery>;

export const DurationStatsView = z.object({
  n: z.number().int(),
  meanMs: z.number().nullable(),
  medianMs: z.number().nullable(),
  p90Ms: z.number().nullable(),
  maxMs: z.number().nullable(),
});

export const ReportRow = z.object({
  id: z.number().int(),
  name: z.string(),
  issued: z.number().int(),
  served: z.number().int(),
  noShows: z.number().int(),
  transferred: z.number().int(),
  cancelled: z.number().int(),
  /** Left waiting, called or parked when the business day closed: not served. */
  expired: z.number().int(),
  wait: DurationStatsView,
  service: DurationStatsView,
  ratings: z.number().int(),
  percentSatisfied: z.number().nullable(),
});
export type ReportRow = z.infer<typeof ReportRow>;

/** Appointments in the range (#30): no names, only counts and minutes. */
export const AppointmentReport = z.object({
  /** Bookings whose slot falls in the range, whatever became of them; `fromHub` of them booked on the province's page. */
  made: z.number().int(),
  fromHub: z.number().int(),
  /** Checked in within the window; `late`: came after it and took an ordinary number. */
  checkedIn: z.number().int(),
  late: z.number().int(),
  missed: z.number().int(),
  cancelled: z.number().int(),
  /** Appointments: from the slot (or a later arrival) to the call; walk-ins: from the number to the call. */
  meanWaitMinutes: z.object({ appointment: z.number().nullable(), walkIn: z.number().nullable() }),
  slotUse: z.array(z.object({ serviceId: z.number().int(), name: z.string(), places: z.number().int(), booked: z.number().int(), percent: z.number().nullable() })),
});
export type AppointmentReport = z.infer<typeof AppointmentReport>;

export const ReportSummary = z.object({
  query: z.object({ from: z.string(), to: z.string(), serviceId: z.number().optional(), counterId: z.number().optional(), officerId: z.number().optional() }),
  totals: ReportRow,
  /** [weekday 0 = Monday … 6 = Sunday][hour 0–23]: tickets issued. */
  heatmap: z.array(z.array(z.number().int())),
  byService: z.array(ReportRow),
  byCounter: z.array(ReportRow),
  byOfficer: z.array(ReportRow),
  /** Tickets at no counter (never called): with byCounter they add up to the totals; null when there are none. */
  withoutCounter: ReportRow.nullable(),
  /** Tickets with no officer (never called): with byOfficer they add up to the totals; null when there are none. */
  withoutOfficer: ReportRow.nullable(),
  satisfaction: z.object({
    total: z.number().int(),
    /** ratings per (levels, score), e.g. {"4:4": 120, "4:1": 3} */
    byScaleScore: z.record(z.string(), z.number().int()),
    percentSatisfied: z.number().nullable(),
    responseRate: z.number().nullable(),
    reasons: z.array(z.object({ code: z.string(), label: z.string(), count: z.number().int() })),
    comments: z.array(z.object({ number: z.string(), score: z.number().int(), levels: z.number().int(), comment: z.string(), at: z.number(), serviceId: z.number().int(), counterId: z.number().int().nullable(), officerId: z.number().int().nullable() })),
  }),
  appointments: AppointmentReport.optional(),
});
export type ReportSummary = z.infer<typeof ReportSummary>;
