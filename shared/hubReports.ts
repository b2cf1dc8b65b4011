import { z } from 'zod';

// The province hub's cross-office report (issue #29): the question a province screen asks and the
// answer the hub gives, read from the daily rollups the hub keeps as batches arrive. Pure: shared by
// the hub, its screens and tests. Keep it stable: the province's report page is built on it.

const BusinessDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** At most this many days in one report (ten years: a province compares years, never decades). */
export const HUB_REPORT_MAX_DAYS = 3660;

export const CrossOfficeQuery = z
  .object({
    /** First and last business day, inclusive, as each office counts its days. */
    from: BusinessDay,
    to: BusinessDay,
    /** Only these offices; every office when absent or empty. */
    offices: z.array(z.string().min(1).max(40)).max(1000).optional(),
  })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc', path: ['to'] })
  .refine((q) => (Date.parse(`${q.to}T00:00:00Z`) - Date.parse(`${q.from}T00:00:00Z`)) / 86_400_000 < HUB_REPORT_MAX_DAYS, {
    message: `Khoảng thời gian tối đa ${HUB_REPORT_MAX_DAYS} ngày`,
    path: ['from'],
  });
export type CrossOfficeQuery = z.infer<typeof CrossOfficeQuery>;

/** The national public-service portal's three satisfaction levels. */
export const PortalLevel = z.enum(['veryGood', 'good', 'bad']);
export type PortalLevel = z.infer<typeof PortalLevel>;
export const PORTAL_LEVEL_LABELS: Record<PortalLevel, { vi: string; en: string }> = {
  veryGood: { vi: 'Rất hài lòng', en: 'Very satisfied' },
  good: { vi: 'Hài lòng', en: 'Satisfied' },
  bad: { vi: 'Không hài lòng', en: 'Not satisfied' },
};

/**
 * How an office's rating (score on its scale, higher is better) maps onto the portal's three levels.
 * The portal has no neutral level: a middle score ("Bình thường") is counted as "Hài lòng", because
 * "Không hài lòng" on the portal is a complaint and a neutral answer is not one. Screens and the XLSX
 * show this table as it is, so the province sees how its figures were made.
 */
export const PORTAL_LEVEL_MAP: Readonly<Record<number, Readonly<Record<number, PortalLevel>>>> = {
  3: { 3: 'veryGood', 2: 'good', 1: 'bad' },
  4: { 4: 'veryGood', 3: 'good', 2: 'bad', 1: 'bad' },
  5: { 5: 'veryGood', 4: 'good', 3: 'good', 2: 'bad', 1: 'bad' },
};

export function portalLevel(levels: number, score: number): PortalLevel | null {
  return PORTAL_LEVEL_MAP[levels]?.[score] ?? null;
}

export const DurationFigures = z.object({
  /** Tickets measured. */
  n: z.number().int(),
  meanMs: z.number().nullable(),
  /** From one-minute buckets: the middle of the bucket holding the rank (±30 s). */
  medianMs: z.number().nullable(),
  p90Ms: z.number().nullable(),
});
export type DurationFigures = z.infer<typeof DurationFigures>;

export const SatisfactionFigures = z.object({
  count: z.number().int(),
  /** Mean score on each scale in use (offices may rate on 3, 4 or 5 levels). */
  byScale: z.array(z.object({ levels: z.number().int(), count: z.number().int(), meanScore: z.number() })),
  /** Ratings on the portal's three levels (PORTAL_LEVEL_MAP). */
  portal: z.object({ veryGood: z.number().int(), good: z.number().int(), bad: z.number().int() }),
  /** Percent "Rất hài lòng" + "Hài lòng", null without ratings. */
  percentSatisfied: z.number().nullable(),
});
export type SatisfactionFigures = z.infer<typeof SatisfactionFigures>;

export const ReportFigures = z.object({
  /** Original issues (a transfer is the same citizen, not a new ticket), as the office's report. */
  tickets: z.number().int(),
  served: z.number().int(),
  noShows: z.number().int(),
  transferred: z.number().int(),
  cancelled: z.number().int(),
  expired: z.number().int(),
  /** Issue → first call, original tickets only. */
  wait: DurationFigures,
  /** Called (or serving) → finished, served tickets only. */
  service: DurationFigures,
  satisfaction: SatisfactionFigures,
});
export type ReportFigures = z.infer<typeof ReportFigures>;

export const OfficeRow = ReportFigures.extend({ officeId: z.string(), name: z.string() });
export type OfficeRow = z.infer<typeof OfficeRow>;

export const ServiceRow = ReportFigures.extend({
  /** The service's code (its procedure code), which groups it across offices; null for a service no office named. */
  code: z.string().nullable(),
  name: z.string(),
  nameEn: z.string(),
  /** How many offices' figures are in the row. */
  offices: z.number().int(),
});
export type ServiceRow = z.infer<typeof ServiceRow>;

export const OfficerRow = ReportFigures.extend({
  officeId: z.string(),
  officeName: z.string(),
  /** The officer's id at the office; 0 for tickets no officer called (cancelled or expired while waiting). */
  officerId: z.number().int(),
  name: z.string(),
});
export type OfficerRow = z.infer<typeof OfficerRow>;

export const CrossOfficeReport = z.object({
  query: z.object({ from: BusinessDay, to: BusinessDay, offices: z.array(z.string()).optional() }),
  totals: ReportFigures,
  byOffice: z.array(OfficeRow),
  byService: z.array(ServiceRow),
  byOfficer: z.array(OfficerRow),
});
export type CrossOfficeReport = z.infer<typeof CrossOfficeReport>;

/** Wait and service-time histograms: one bucket a minute, the last one holding everything from 4 hours. */
export const HIST_BUCKET_MS = 60_000;
export const HIST_BUCKETS = 241;

export const histBucket = (ms: number): number => Math.min(HIST_BUCKETS - 1, Math.floor(Math.max(0, ms) / HIST_BUCKET_MS));

/**
 * Nearest-rank percentile (p in 0–100) from counts per bucket: the middle of the bucket holding the
 * rank (the last bucket, open-ended, reads as its start).
 */
export function histogramPercentile(counts: readonly number[], n: number, p: number): number | null {
  if (n <= 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  let seen = 0;
  for (let b = 0; b < counts.length; b++) {
    seen += counts[b] ?? 0;
    if (seen >= rank) return b >= HIST_BUCKETS - 1 ? b * HIST_BUCKET_MS : b * HIST_BUCKET_MS + HIST_BUCKET_MS / 2;
  }
  return null;
}

/** An office's day by hour of issue (the office's clock), for the province's page of one office. */
export const OfficeHoursQuery = z
  .object({ officeId: z.string().min(1).max(40), from: BusinessDay, to: BusinessDay })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc', path: ['to'] });
export type OfficeHoursQuery = z.infer<typeof OfficeHoursQuery>;

export const OfficeHours = z.object({
  query: z.object({ officeId: z.string(), from: BusinessDay, to: BusinessDay }),
  /** Hours 0–23: original issues, and the waits of tickets issued in that hour. */
  hours: z.array(z.object({ hour: z.number().int(), arrivals: z.number().int(), waitN: z.number().int(), meanWaitMs: z.number().nullable() })).length(24),
});
export type OfficeHours = z.infer<typeof OfficeHours>;
