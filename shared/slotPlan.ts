// Appointment slots (#30): which slots a service offers on a day, from its appointment rule and the
// hours it keeps (its own, else the office's; none on an office holiday). Pure: the host plans its
// offer to the hub and checks a staff booking with it, the bench plays a day with it.
import type { AppointmentRule } from './bookingProtocol';
import { businessDayStart } from './businessDay';
import type { OpeningWindow } from './domain';
import { dateAhead } from './openingHours';

export interface PlannedSlot {
  serviceId: number;
  /** Epoch ms of the slot's start on the office's clock. */
  start: number;
  minutes: number;
  /** The office-local date (YYYY-MM-DD). */
  day: string;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD date. */
export function weekdayOf(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/**
 * The slots of one service on one office-local date: each opening session cut into slots of the
 * rule's length, a slot only where it ends inside its session (no slot runs into the lunch break).
 * A service with no hours at all takes no appointments: "open at any time" has no slots to offer.
 */
export function slotsOfDay(rule: AppointmentRule, hours: readonly OpeningWindow[], holidays: readonly string[], day: string, timeZone: string): PlannedSlot[] {
  if (!rule.enabled || hours.length === 0 || holidays.includes(day)) return [];
  const weekday = weekdayOf(day);
  const starts: number[] = [];
  for (const w of hours) {
    if (!w.days.includes(weekday)) continue;
    const to = toMinutes(w.to);
    for (let m = toMinutes(w.from); m + rule.slotMinutes <= to; m += rule.slotMinutes) starts.push(m);
  }
  // Two windows naming the same day may overlap: a start is offered once.
  return [...new Set(starts)]
    .sort((a, b) => a - b)
    .map((m) => ({ serviceId: rule.serviceId, start: businessDayStart(day, timeZone, m), minutes: rule.slotMinutes, day }));
}

/** The office-local dates a booking may be made for from `today`: today and the next `daysAhead`. */
export function bookableDays(today: string, daysAhead: number): string[] {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const out: string[] = [];
  for (let i = 0; i <= daysAhead; i++) out.push(dateAhead({ year: y, month: m, day: d }, i));
  return out;
}

/** Every slot a rule offers from `now` on (slots already begun are not offered). */
export function upcomingSlots(
  rule: AppointmentRule,
  hours: readonly OpeningWindow[],
  holidays: readonly string[],
  today: string,
  now: number,
  timeZone: string,
): PlannedSlot[] {
  const out: PlannedSlot[] = [];
  for (const day of bookableDays(today, rule.daysAhead)) for (const s of slotsOfDay(rule, hours, holidays, day, timeZone)) if (s.start > now) out.push(s);
  return out;
}
