// Local-time helpers for the office's time zone. Pure: the clock value is always passed in.

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function localParts(epochMs: number, timeZone: string): LocalParts {
  const out: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(epochMs))) out[p.type] = p.value;
  return {
    year: Number(out.year),
    month: Number(out.month),
    day: Number(out.day),
    hour: Number(out.hour),
    minute: Number(out.minute),
    weekday: WEEKDAYS[out.weekday ?? 'Mon'] ?? 1,
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The business day a moment belongs to, as YYYY-MM-DD. Numbering restarts at the office's day
 * boundary (minutes after local midnight), so a boundary of 04:00 keeps 01:00 on the previous day.
 */
export function businessDay(epochMs: number, timeZone: string, boundaryMinutes: number): string {
  const p = localParts(epochMs - boundaryMinutes * 60_000, timeZone);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`;
}

export function minutesOfDay(p: LocalParts): number {
  return p.hour * 60 + p.minute;
}

/** The calendar day after `day` (YYYY-MM-DD). */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * The moment business day `day` begins: its local date at the boundary minute, in the office's
 * time zone. Found by correcting a UTC guess with the zone's offset (twice, for a DST edge).
 */
export function businessDayStart(day: string, timeZone: string, boundaryMinutes: number): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d) + boundaryMinutes * 60_000;
  let t = wall;
  for (let i = 0; i < 2; i++) {
    const p = localParts(t, timeZone);
    t += wall - Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  }
  return t;
}
