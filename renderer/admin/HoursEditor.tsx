import { MAX_SESSIONS_PER_DAY, hoursProblems } from '../../shared/openingHours';
import type { HoursProblem, Session, WeekHours } from '../../shared/openingHours';
import { fmt, useLang } from '../i18n';
import type { Dict } from '../i18n';
import { TimeInput } from './FormField';

/** What a day gets when it is ticked open: the morning and afternoon most offices keep. */
export const STANDARD_DAY: Session[] = [
  { from: '07:30', to: '11:30' },
  { from: '13:30', to: '17:00' },
];
const AFTERNOON: Session = { from: '13:30', to: '17:00' };

export function hoursProblemTexts(t: Dict, week: WeekHours): string[] {
  const dayName = (p: HoursProblem) => t.weekdayLong.split(',')[p.weekday - 1] ?? '';
  return hoursProblems(week).map((p) =>
    p.kind === 'tooMany'
      ? fmt(t.hoursErrTooMany, { day: dayName(p), max: MAX_SESSIONS_PER_DAY })
      : p.kind === 'order'
        ? fmt(t.hoursErrOrder, { day: dayName(p), from: p.session.from, to: p.session.to })
        : p.kind === 'time'
          ? fmt(t.hoursErrTime, { day: dayName(p), time: p.time })
          : fmt(t.hoursErrOverlap, { day: dayName(p), a: `${p.session.from}–${p.session.to}`, b: `${p.other.from}–${p.other.to}` }),
  );
}

/** Monday to Sunday, each closed or with one or two sessions, as the office publishes them. */
export function HoursEditor({ week, onChange }: { week: WeekHours; onChange: (w: WeekHours) => void }) {
  const { t } = useLang();
  const names = t.weekdayLong.split(',');
  const setDay = (i: number, sessions: Session[]) => onChange(week.map((d, k) => (k === i ? sessions : d)));
  const setSession = (i: number, k: number, patch: Partial<Session>) => setDay(i, (week[i] ?? []).map((s, j) => (j === k ? { ...s, ...patch } : s)));
  return (
    <div className="hours-editor" data-testid="hours-editor">
      {week.map((sessions, i) => {
        const day = names[i] ?? '';
        const open = sessions.length > 0;
        return (
          <div className="hours-day" key={i} data-day={i + 1}>
            <label className="form-check hours-day-name">
              <input type="checkbox" checked={open} onChange={(e) => setDay(i, e.target.checked ? STANDARD_DAY.map((s) => ({ ...s })) : [])} aria-label={fmt(t.hoursDayOpen, { day })} />
              <span>{day}</span>
            </label>
            {!open && <span className="hours-closed">{t.hoursClosedDay}</span>}
            {sessions.map((s, k) => (
              <span className="hours-session" key={k}>
                <label>
                  <span className="hours-word">{k === 0 ? t.hoursFrom : t.hoursAndFrom}</span>
                  <TimeInput value={s.from} aria-label={fmt(t.hoursSessionFrom, { day, n: k + 1 })} onChange={(v) => setSession(i, k, { from: v })} />
                </label>
                <label>
                  <span className="hours-word">{t.hoursTo}</span>
                  <TimeInput value={s.to} aria-label={fmt(t.hoursSessionTo, { day, n: k + 1 })} onChange={(v) => setSession(i, k, { to: v })} />
                </label>
              </span>
            ))}
            {open && sessions.length < MAX_SESSIONS_PER_DAY && (
              <button type="button" className="btn-secondary hours-button" onClick={() => setDay(i, [...sessions, { ...AFTERNOON }])}>
                {t.hoursAddSession}
              </button>
            )}
            {sessions.length > 1 && (
              <button type="button" className="btn-secondary hours-button" aria-label={fmt(t.hoursRemoveSessionOf, { day })} onClick={() => setDay(i, sessions.slice(0, 1))}>
                {t.hoursRemoveSession}
              </button>
            )}
            {i === 0 && open && (
              <button type="button" className="btn-secondary hours-button" onClick={() => onChange(week.map((d, k) => (k >= 1 && k <= 4 ? sessions.map((s) => ({ ...s })) : d)))}>
                {t.hoursCopyMonday}
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
}
