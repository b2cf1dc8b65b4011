import type { Reopening } from '../shared/api/schemas';
import { fmt } from './i18n';
import type { Dict } from './i18n';

/**
 * What the kiosk and the hall's screen say while the office is closed (#28 point 4): "Nghỉ trưa —
 * làm việc lại lúc 13:30" over lunch, else when it opens, the day named after a night, a weekend or
 * a holiday ("Thứ Ba 01/09").
 */
export function reopenText(t: Dict, r: Reopening): string {
  if (r.afterBreak) return fmt(t.breakUntil, { time: r.time });
  const when = r.daysAhead === 0 ? '' : r.daysAhead === 1 ? t.tomorrow : `${t.weekdayNames.split(',')[r.weekday - 1] ?? ''} ${r.date.slice(8, 10)}/${r.date.slice(5, 7)}`;
  return fmt(t.opensAt, { time: r.time, when: when ? ` ${when}` : '' });
}
