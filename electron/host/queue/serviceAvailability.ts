import { businessDay, localParts } from '../../../shared/businessDay';
import type { OfficeConfig } from '../../../shared/domain';
import { effectiveHours, isOpenAt } from '../../../shared/openingHours';
import type { ServiceRow } from './rows';

export type ClosedReason = 'inactive' | 'hours' | 'quota' | 'range';

export interface Availability {
  day: string;
  issuedToday: number;
  lastSeq: number | null;
  closedReason: ClosedReason | null;
}

export interface DayCounts {
  issuedToday: number;
  lastSeq: number | null;
}

/** Whether a service takes a new ticket now, and why not when it does not. */
export function availability(service: ServiceRow, office: OfficeConfig, now: number, counts: (day: string) => DayCounts): Availability {
  const day = businessDay(now, office.timeZone, office.dayBoundaryMinutes);
  const { issuedToday, lastSeq } = counts(day);
  let closedReason: ClosedReason | null = null;
  if (service.active !== 1) closedReason = 'inactive';
  else if (!isOpenAt(effectiveHours(JSON.parse(service.hours), office.hours), localParts(now, office.timeZone), office.holidays)) closedReason = 'hours';
  else if (service.daily_quota !== null && issuedToday >= service.daily_quota) closedReason = 'quota';
  else if ((lastSeq ?? service.range_start - 1) >= service.range_end) closedReason = 'range';
  return { day, issuedToday, lastSeq, closedReason };
}
