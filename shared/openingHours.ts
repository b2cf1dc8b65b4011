import type { OpeningWindow } from './domain';
import type { LocalParts } from './businessDay';
import { minutesOfDay } from './businessDay';

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** One stretch of a day the office takes tickets, e.g. 07:30–11:30. */
export interface Session {
  from: string;
  to: string;
}
/** A week as the admin edits it: index 0 = Monday … 6 = Sunday; an empty day is closed. */
export type WeekHours = Session[][];

/** A morning and an afternoon: what offices publish; more is refused at save time. */
export const MAX_SESSIONS_PER_DAY = 2;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The office-local calendar date `ahead` days after `at`, as YYYY-MM-DD (month and year ends included). */
export function dateAhead(at: Pick<LocalParts, 'year' | 'month' | 'day'>, ahead: number): string {
  const d = new Date(Date.UTC(at.year, at.month - 1, at.day + ahead));
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** A real calendar date written YYYY-MM-DD (2027-02-30 is not one). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  return dateAhead({ year: y, month: m, day: d }, 0) === s;
}

/**
 * Whether a service takes tickets at `at`. An empty list means at any time — except on an office
 * holiday: the office is closed that whole day, whatever the service's hours.
 */
export function isOpenAt(hours: OpeningWindow[], at: LocalParts, holidays: readonly string[] = []): boolean {
  if (holidays.length > 0 && holidays.includes(dateAhead(at, 0))) return false;
  if (hours.length === 0) return true;
  const m = minutesOfDay(at);
  return hours.some((w) => w.days.includes(at.weekday) && m >= toMinutes(w.from) && m < toMinutes(w.to));
}

/** The hours a service keeps: its own when it has any, else the office's (#28 point 4). */
export function effectiveHours(own: OpeningWindow[], office: readonly OpeningWindow[]): OpeningWindow[] {
  return own.length > 0 ? own : [...office];
}

/**
 * Closed at `at` between two sessions of the same working day (the lunch break): a session today
 * has begun before now and another begins later today. Not on a holiday, not before the first.
 */
export function onBreak(hours: OpeningWindow[], at: LocalParts, holidays: readonly string[] = []): boolean {
  if (hours.length === 0 || holidays.includes(dateAhead(at, 0)) || isOpenAt(hours, at, holidays)) return false;
  const m = minutesOfDay(at);
  const today = toWeek(hours)[at.weekday - 1] ?? [];
  return today.some((s) => toMinutes(s.from) <= m) && today.some((s) => toMinutes(s.from) > m);
}

/** Human text of the hours for today, e.g. "07:30–11:30, 13:30–17:00". */
export function hoursToday(hours: OpeningWindow[], weekday: number): string {
  return toWeek(hours)[weekday - 1]!
    .map((w) => `${w.from}–${w.to}`)
    .join(', ');
}

export interface NextOpening {
  /** 0 = later today, 1 = tomorrow, … */
  daysAhead: number;
  /** ISO weekday of that day. */
  weekday: number;
  /** Office-local date of that day, YYYY-MM-DD: after a long holiday the weekday alone is ambiguous. */
  date: string;
  /** "07:30" */
  time: string;
}

/** Tết can close an office for over a week; a year covers any holiday list an office sets. */
const LOOK_AHEAD_DAYS = 366;

/**
 * When a service closed at `at` next takes tickets, skipping the office's holidays; null when it is
 * open now with no limit or never opens.
 */
export function nextOpening(hours: OpeningWindow[], at: LocalParts, holidays: readonly string[] = []): NextOpening | null {
  if (hours.length === 0 && holidays.length === 0) return null;
  const now = minutesOfDay(at);
  const week = toWeek(hours);
  const closed = new Set(holidays);
  for (let ahead = 0; ahead <= LOOK_AHEAD_DAYS; ahead++) {
    const date = dateAhead(at, ahead);
    if (closed.has(date)) continue;
    const weekday = ((at.weekday - 1 + ahead) % 7) + 1;
    if (hours.length === 0) return ahead === 0 ? null : { daysAhead: ahead, weekday, date, time: '00:00' };
    const start = week[weekday - 1]!.map((s) => s.from).find((from) => ahead > 0 || toMinutes(from) > now);
    if (start) return { daysAhead: ahead, weekday, date, time: start };
  }
  return null;
}

/** Stored windows as one list of sessions per weekday, each day's sorted by start (duplicates once). */
export function toWeek(hours: OpeningWindow[]): WeekHours {
  const week: WeekHours = [[], [], [], [], [], [], []];
  for (const w of hours)
    for (const d of new Set(w.days)) {
      const day = week[d - 1];
      if (day && !day.some((s) => s.from === w.from && s.to === w.to)) day.push({ from: w.from, to: w.to });
    }
  for (const day of week) day.sort((a, b) => (a.from === b.from ? a.to.localeCompare(b.to) : a.from.localeCompare(b.from)));
  return week;
}

/**
 * The week back as stored windows: one window per distinct session, listing the days that have it,
 * so Mon–Fri mornings stay one row as the seed and earlier versions wrote them.
 */
export function fromWeek(week: WeekHours): OpeningWindow[] {
  const byTimes = new Map<string, OpeningWindow>();
  week.forEach((sessions, i) => {
    for (const s of sessions) {
      const key = `${s.from}-${s.to}`;
      const w = byTimes.get(key) ?? { days: [], from: s.from, to: s.to };
      if (!w.days.includes(i + 1)) w.days.push(i + 1);
      byTimes.set(key, w);
    }
  });
  return [...byTimes.values()].sort((a, b) => (a.from === b.from ? a.to.localeCompare(b.to) : a.from.localeCompare(b.from)));
}

/** Two lists of windows that open the same sessions on the same days, however they are grouped. */
export function sameHours(a: OpeningWindow[], b: OpeningWindow[]): boolean {
  return JSON.stringify(toWeek(a)) === JSON.stringify(toWeek(b));
}

export type HoursProblem =
  | { kind: 'time'; weekday: number; time: string }
  | { kind: 'order'; weekday: number; session: Session }
  | { kind: 'overlap'; weekday: number; session: Session; other: Session }
  | { kind: 'tooMany'; weekday: number; count: number };

/** What is wrong with a week's sessions (from before to, no overlap, at most two a day); empty when none. */
export function hoursProblems(hours: OpeningWindow[] | WeekHours): HoursProblem[] {
  const week = isWeek(hours) ? hours.map((d) => [...d].sort((a, b) => a.from.localeCompare(b.from))) : toWeek(hours);
  const out: HoursProblem[] = [];
  week.forEach((sessions, i) => {
    const weekday = i + 1;
    if (sessions.length > MAX_SESSIONS_PER_DAY) out.push({ kind: 'tooMany', weekday, count: sessions.length });
    const bad = sessions.flatMap((s) => [s.from, s.to]).filter((x) => !HHMM.test(x));
    for (const time of bad) out.push({ kind: 'time', weekday, time });
    if (bad.length) return;
    for (const s of sessions) if (toMinutes(s.from) >= toMinutes(s.to)) out.push({ kind: 'order', weekday, session: s });
    for (let k = 1; k < sessions.length; k++) {
      const prev = sessions[k - 1]!;
      const s = sessions[k]!;
      if (toMinutes(prev.from) < toMinutes(prev.to) && toMinutes(s.from) < toMinutes(prev.to)) out.push({ kind: 'overlap', weekday, session: s, other: prev });
    }
  });
  return out;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

function isWeek(h: OpeningWindow[] | WeekHours): h is WeekHours {
  return h.length === 7 && h.every((d) => Array.isArray(d));
}

const VI_DAYS = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ Nhật'];

/** The host's refusal text (Vietnamese, the office's language); the admin screen has its own in both languages. */
export function hoursProblemText(p: HoursProblem): string {
  const day = VI_DAYS[p.weekday - 1];
  if (p.kind === 'time') return `${day}: giờ không hợp lệ "${p.time}" (HH:MM, 24 giờ)`;
  if (p.kind === 'tooMany') return `${day}: tối đa ${MAX_SESSIONS_PER_DAY} buổi (đang có ${p.count})`;
  if (p.kind === 'order') return `${day}: giờ mở phải trước giờ đóng (${p.session.from}–${p.session.to})`;
  return `${day}: buổi ${p.session.from}–${p.session.to} trùng với buổi ${p.other.from}–${p.other.to}`;
}
