import type { OpeningWindow } from './domain';
import type { LocalParts } from './businessDay';
import { minutesOfDay } from './businessDay';

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** An empty list means the service takes tickets at any time. */
export function isOpenAt(hours: OpeningWindow[], at: LocalParts): boolean {
  if (hours.length === 0) return true;
  const m = minutesOfDay(at);
  return hours.some((w) => w.days.includes(at.weekday) && m >= toMinutes(w.from) && m < toMinutes(w.to));
}

/** Human text of the hours for today, e.g. "07:30–11:30, 13:30–17:00". */
export function hoursToday(hours: OpeningWindow[], weekday: number): string {
  return hours
    .filter((w) => w.days.includes(weekday))
    .map((w) => `${w.from}–${w.to}`)
    .join(', ');
}

export interface NextOpening {
  /** 0 = later today, 1 = tomorrow, … */
  daysAhead: number;
  /** ISO weekday of that day. */
  weekday: number;
  /** "07:30" */
  time: string;
}

/** When a service closed at `at` next takes tickets, within the coming week; null when never. */
export function nextOpening(hours: OpeningWindow[], at: LocalParts): NextOpening | null {
  if (hours.length === 0) return null;
  const now = minutesOfDay(at);
  for (let ahead = 0; ahead <= 7; ahead++) {
    const weekday = ((at.weekday - 1 + ahead) % 7) + 1;
    const starts = hours
      .filter((w) => w.days.includes(weekday))
      .map((w) => w.from)
      .filter((from) => ahead > 0 || toMinutes(from) > now)
      .sort();
    if (starts[0]) return { daysAhead: ahead, weekday, time: starts[0] };
  }
  return null;
}
