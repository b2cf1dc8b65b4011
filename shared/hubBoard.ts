import { z } from 'zod';

// The province's screens and their API (issue #29): who may sign in, what the live board shows and
// when an office rises to its top. Pure: the hub, its screens and their tests share it.

export const HUB_ROLES = ['province_admin', 'office_viewer'] as const;
export type HubRole = (typeof HUB_ROLES)[number];

/** An office is stale when neither a push nor a heartbeat (every minute) arrived for this long. */
export const HUB_STALE_MS = 150_000;
/** A new office's alert thresholds, until the province admin sets its own. */
export const DEFAULT_ALERT_WAITING = 30;
export const DEFAULT_ALERT_WAIT_MINUTES = 60;

const UserName = z.string().trim().min(3, 'Tên đăng nhập cần ít nhất 3 ký tự').max(60).regex(/^[\p{L}\p{N}._@-]+$/u, 'Tên đăng nhập chỉ gồm chữ, số và . _ @ -');
const Password = z.string().min(1, 'Cần mật khẩu').max(200);
const OfficeId = z.string().regex(/^o_[0-9a-f]{6,40}$/);

export const HubSetupBody = z.object({ token: z.string().min(10).max(100), name: UserName, password: Password }).strict();
export const HubSignInBody = z.object({ name: z.string().trim().min(1).max(60), password: Password }).strict();
export const HubAddUserBody = z
  .object({ name: UserName, password: Password, role: z.enum(HUB_ROLES), officeId: OfficeId.nullable() })
  .strict()
  .refine((b) => (b.role === 'office_viewer') === (b.officeId !== null), { message: 'Người xem đơn vị cần đúng một đơn vị; quản trị tỉnh thì không', path: ['officeId'] });
export const HubResetPasswordBody = z.object({ userId: z.number().int().positive(), password: Password }).strict();
export const HubAddOfficeBody = z.object({ name: z.string().trim().min(2, 'Cần tên đơn vị').max(120) }).strict();
export const HubOfficeIdBody = z.object({ officeId: OfficeId }).strict();
export const HubThresholdBody = z.object({ officeId: OfficeId, waiting: z.number().int().min(1).max(10_000), waitMinutes: z.number().int().min(1).max(24 * 60) }).strict();
export const HubOfficeQuery = z.object({ id: OfficeId }).strict();
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày theo dạng YYYY-MM-DD');
/** A report covers at most a year and a day of business days. */
export const HUB_REPORT_MAX_DAYS = 366;
export const HubReportQuery = z
  .object({ from: Day, to: Day, office: OfficeId.optional() })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'Ngày bắt đầu phải trước ngày kết thúc', path: ['from'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < HUB_REPORT_MAX_DAYS, { message: `Kỳ báo cáo dài nhất ${HUB_REPORT_MAX_DAYS} ngày`, path: ['to'] });

export interface HubMe {
  id: number;
  name: string;
  role: HubRole;
  officeId: string | null;
}

export interface BoardHealth {
  ok: boolean;
  database: string;
  disk: string;
  printers: string;
  boards: string;
  /** A printer reports its paper is out (from the office's printer details). */
  paperOut: boolean;
  /** Displays that speak calls: 'ok', 'silent' (one cannot be heard), 'none', or 'unknown' from an office too old to say. */
  speakers: string;
  /** The silent displays by name (health's details.speakers). */
  silentDisplays: string[];
  reportedAt: number;
}

/** One office's line on the live board. Times in epoch ms (hub clock). */
export interface BoardRow {
  officeId: string;
  name: string;
  joined: boolean;
  waiting: number;
  longestWaitMs: number | null;
  openCounters: number;
  servedToday: number;
  ratedToday: number;
  /** Percent of today's ratings in the top two levels of their scale (as the office's report counts). */
  satisfiedPct: number | null;
  lastPushAt: number | null;
  /** The office's clock minus the hub's at its last push, ms. */
  clockOffsetMs: number | null;
  health: BoardHealth | null;
  /** The office's last backup (its clock), as it last said; null when it never made one or never said. */
  lastBackupAt: number | null;
  alertWaiting: number;
  alertWaitMinutes: number;
}

export type BoardAlert = 'stale' | 'never' | 'database' | 'disk' | 'paper' | 'printers' | 'boards' | 'silent' | 'backup' | 'waiting' | 'longWait';

/**
 * An office backs up every night: a backup older than this means the nightly one failed twice, and a
 * broken disk would now lose days of records.
 */
export const HUB_BACKUP_MAX_AGE_MS = 2 * 86_400_000;

/** Why an office needs the province's eye now, most serious first; empty when all is well. */
export function boardAlerts(row: BoardRow, now: number, staleMs = HUB_STALE_MS): BoardAlert[] {
  const out: BoardAlert[] = [];
  if (row.joined && row.lastPushAt === null) out.push('never');
  if (row.lastPushAt !== null && now - row.lastPushAt > staleMs) out.push('stale');
  const h = row.health;
  if (h) {
    if (h.database !== 'ok') out.push('database');
    if (h.disk === 'low') out.push('disk');
    if (h.paperOut) out.push('paper');
    else if (h.printers === 'down') out.push('printers');
    if (h.boards === 'down') out.push('boards');
    if (h.speakers === 'silent' || h.silentDisplays.length > 0) out.push('silent');
  }
  // Measured on the office's clock, which stamped the backup.
  if (row.lastBackupAt !== null && now + (row.clockOffsetMs ?? 0) - row.lastBackupAt > HUB_BACKUP_MAX_AGE_MS) out.push('backup');
  if (row.waiting >= row.alertWaiting) out.push('waiting');
  if (row.longestWaitMs !== null && row.longestWaitMs >= row.alertWaitMinutes * 60_000) out.push('longWait');
  return out;
}

/** Messages pushed over the board's socket. */
export type BoardMessage =
  | { type: 'rows'; now: number; staleMs: number; rows: BoardRow[] }
  | { type: 'row'; now: number; staleMs: number; row: BoardRow }
  /** The office was cut off: it leaves the board. */
  | { type: 'gone'; now: number; staleMs: number; officeId: string };

export interface CounterNow {
  counterId: number;
  /** The counter's name from the office's directory; null when the office has not sent it. */
  counterName: string | null;
  number: string;
  state: 'called' | 'serving';
  officerId: number | null;
  /** From the office's directory; null when no officer or the office has not sent the name. */
  officerName: string | null;
  since: number;
}
export interface HourFigure {
  hour: number;
  arrivals: number;
  /** Mean wait (issue → first call) of the tickets issued in this hour, minutes (from rollup_hour). */
  meanWaitMinutes: number | null;
}
export interface HealthLogLine {
  at: number;
  ok: boolean;
  summary: string;
}
/** What the office says of itself besides its health (its devices, last backup, catalogue version). */
export interface OfficeExtrasView {
  reportedAt: number;
  catalogueVersion: number | null;
  lastBackupAt: number | null;
  devices: { kind: string; name: string; lastSeenAt: number | null }[];
}
export interface OfficePage {
  row: BoardRow;
  day: string;
  counters: CounterNow[];
  hours: HourFigure[];
  healthLog: HealthLogLine[];
  extras: OfficeExtrasView | null;
}
