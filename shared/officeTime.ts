// How a time is written wherever an office reads it (exports, file names, tickets): in the
// office's own time zone, never UTC, dd/mm/yyyy HH:mm as Vietnamese offices write it. Pure.

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsOf(epochMs: number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
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
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(epochMs))) out[p.type] = p.value;
  return out as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;
}

/** "25/11/2026 06:36" */
export function officeDateTime(epochMs: number, timeZone: string): string {
  const p = partsOf(epochMs, timeZone);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** "25/11/2026" */
export function officeDate(epochMs: number, timeZone: string): string {
  const p = partsOf(epochMs, timeZone);
  return `${p.day}/${p.month}/${p.year}`;
}

/** "06:36" */
export function officeClock(epochMs: number, timeZone: string): string {
  const p = partsOf(epochMs, timeZone);
  return `${p.hour}:${p.minute}`;
}

/** A business day "2026-11-25" as "25/11/2026" (no time zone involved: it is already a local date). */
export function dayLabel(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}

/** "20261125-063600": a file-name stamp in office time that still sorts by time. */
export function officeFileStamp(epochMs: number, timeZone: string): string {
  const p = partsOf(epochMs, timeZone);
  return `${p.year}${p.month}${p.day}-${p.hour}${p.minute}${p.second}`;
}
