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
