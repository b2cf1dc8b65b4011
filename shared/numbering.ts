import { AppError } from './errors';

/** Digits shown for a service's numbers: enough for the end of its range, at least 3. */
export function numberWidth(rangeEnd: number): number {
  return Math.max(3, String(rangeEnd).length);
}

export function formatTicketNumber(prefix: string, seq: number, rangeEnd: number): string {
  return `${prefix}${String(seq).padStart(numberWidth(rangeEnd), '0')}`;
}

/** Next sequence of a service-day given the last one issued (null when none yet today). */
export function nextSequence(lastSeq: number | null, rangeStart: number, rangeEnd: number): number {
  const next = lastSeq === null ? rangeStart : Math.max(lastSeq + 1, rangeStart);
  if (next > rangeEnd) throw new AppError('RANGE_EXHAUSTED');
  return next;
}
