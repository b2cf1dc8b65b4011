import { useState } from 'react';
import { isIsoDate } from '../../shared/openingHours';
import { fmt, useLang } from '../i18n';
import type { Dict } from '../i18n';
import { CheckField, Field, FieldRow, FileInput, parseDayMonthYear } from './FormField';
import { CheckinForm } from './CheckinForm';
import { OfficeHoursForm } from './OfficeHoursForm';
import { PriorityStrategyEditor } from './PriorityStrategyEditor';
import { SettingForm, useOfficeField, useOfficeFields, useSettingSave } from './SettingForm';

const FIELDS = ['name', 'nameEn', 'address', 'logo', 'marquee', 'ticketFooter', 'ratingLevels', 'languages', 'kioskIdleSeconds', 'kioskLargeText', 'kioskHighContrast', 'skipMinSeconds', 'dayBoundaryMinutes', 'priorityStrategy', 'serviceAgingMinutes'] as const;

function officeErrors(t: Dict, d: { name: string; kioskIdleSeconds: number; skipMinSeconds: number; serviceAgingMinutes: number }): string[] {
  const errors: string[] = [];
  if (!d.name.trim()) errors.push(t.offcErrName);
  if (!Number.isInteger(d.kioskIdleSeconds) || d.kioskIdleSeconds < 10 || d.kioskIdleSeconds > 600) errors.push(t.offcErrIdle);
  if (!Number.isInteger(d.skipMinSeconds) || d.skipMinSeconds < 0 || d.skipMinSeconds > 600) errors.push(t.offcErrSkip);
  if (!Number.isInteger(d.serviceAgingMinutes) || d.serviceAgingMinutes < 5 || d.serviceAgingMinutes > 480) errors.push(t.offcErrAging);
  return errors;
}

function OfficeInfoForm() {
  const { t } = useLang();
  const { draft, setDraft, dirty, save } = useOfficeFields(FIELDS);
  const saving = useSettingSave();
  if (!draft) return null;
  const d = draft;
  const set = (patch: Partial<typeof d>) => {
    saving.clear();
    setDraft({ ...d, ...patch });
  };
  const trimmed = { ...d, name: d.name.trim(), nameEn: d.nameEn.trim(), address: d.address.trim() };
  return (
    <SettingForm title={t.offcTitle} form="office" saving={saving} dirty={dirty} onSubmit={() => void saving.run(officeErrors(t, d), () => save(trimmed))}>
      <div className="form-columns">
        <div className="form-column">
          <Field label={t.offcName} help={t.offcNameHelp}>
            <input value={d.name} maxLength={200} onChange={(e) => set({ name: e.target.value })} />
          </Field>
          <Field label={t.offcNameEn} help={t.offcNameEnHelp}>
            <input value={d.nameEn} maxLength={200} onChange={(e) => set({ nameEn: e.target.value })} />
          </Field>
          <Field label={t.offcAddress}>
            <input value={d.address} maxLength={300} onChange={(e) => set({ address: e.target.value })} />
          </Field>
          <Field label={t.offcLogo} help={t.offcLogoHelp}>
            <FileInput
              accept="image/png,image/jpeg,image/webp"
              onFile={(f) => {
                if (!f) return;
                const reader = new FileReader();
                reader.onload = () => set({ logo: String(reader.result) });
                reader.readAsDataURL(f);
              }}
            />
          </Field>
          {d.logo && (
            <div className="form-logo">
              <img src={d.logo} alt={t.offcLogo} />
              <button type="button" className="btn-secondary" onClick={() => set({ logo: '' })}>
                {t.offcLogoRemove}
              </button>
            </div>
          )}
          <Field label={t.offcMarquee} help={t.offcMarqueeHelp}>
            <input value={d.marquee} maxLength={500} onChange={(e) => set({ marquee: e.target.value })} />
          </Field>
          <Field label={t.offcFooter} help={t.offcFooterHelp}>
            <input value={d.ticketFooter} maxLength={300} onChange={(e) => set({ ticketFooter: e.target.value })} />
          </Field>
        </div>
        <div className="form-column">
          <FieldRow>
            <Field label={t.offcLevels} help={t.offcLevelsHelp}>
              <select value={d.ratingLevels} onChange={(e) => set({ ratingLevels: Number(e.target.value) as 3 | 4 | 5 })}>
                {[3, 4, 5].map((n) => (
                  <option key={n} value={n}>
                    {fmt(t.offcLevelsN, { n })}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t.offcBoundary} help={t.offcBoundaryHelp}>
              <select value={d.dayBoundaryMinutes} onChange={(e) => set({ dayBoundaryMinutes: Number(e.target.value) })}>
                {[0, 60, 120, 180, 240, 300, 360].map((m) => (
                  <option key={m} value={m}>{`${String(m / 60).padStart(2, '0')}:00`}</option>
                ))}
              </select>
            </Field>
          </FieldRow>
          <Field label={t.offcIdle} help={t.offcIdleHelp}>
            <input type="number" min={10} max={600} value={d.kioskIdleSeconds} onChange={(e) => set({ kioskIdleSeconds: Math.round(Number(e.target.value)) })} />
          </Field>
          <CheckField label={t.offcLargeText} help={t.offcAccessHelp} checked={d.kioskLargeText} onChange={(v) => set({ kioskLargeText: v })} />
          <CheckField label={t.offcHighContrast} help={t.offcAccessHelp} checked={d.kioskHighContrast} onChange={(v) => set({ kioskHighContrast: v })} />
          <Field label={t.offcSkip} help={t.offcSkipHelp}>
            <input type="number" min={0} max={600} value={d.skipMinSeconds} onChange={(e) => set({ skipMinSeconds: Math.round(Number(e.target.value)) })} data-testid="skip-min-seconds" />
          </Field>
          <CheckField label={t.offcEnglish} help={t.offcEnglishHelp} checked={d.languages.includes('en')} onChange={(v) => set({ languages: v ? ['vi', 'en'] : ['vi'] })} />
          <PriorityStrategyEditor
            strategy={d.priorityStrategy}
            onStrategy={(s) => set({ priorityStrategy: s })}
            serviceAgingMinutes={d.serviceAgingMinutes}
            onServiceAgingMinutes={(n) => set({ serviceAgingMinutes: n })}
          />
        </div>
      </div>
    </SettingForm>
  );
}

/** "Thứ Tư 02/09/2026" for a stored YYYY-MM-DD. */
function dayText(t: Dict, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return `${t.weekdayLong.split(',')[weekday] ?? ''} ${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

/** Days the whole office is closed (public holidays, Tết, a day off in lieu). */
function HolidaysForm() {
  const { t } = useLang();
  const { draft, setDraft, dirty, save } = useOfficeField('holidays');
  const saving = useSettingSave();
  const [day, setDay] = useState('');
  if (!draft) return null;
  const days = [...draft].sort();
  const edit = (next: string[]) => {
    saving.clear();
    setDraft([...new Set(next)].sort());
  };
  const add = () => {
    const iso = parseDayMonthYear(day);
    if (!iso || !isIsoDate(iso)) return void saving.run([t.holErrDate], () => Promise.resolve());
    edit([...days, iso]);
    setDay('');
  };
  return (
    <SettingForm
      title={t.holTitle}
      intro={t.holHelp}
      form="holidays"
      saving={saving}
      dirty={dirty}
      onSubmit={() => void saving.run(days.every(isIsoDate) ? [] : [t.holErrDate], () => save(days))}
    >
      <div className="form-row form-row-end holiday-add">
        <Field label={t.holDate}>
          <input
            inputMode="numeric"
            placeholder="dd/mm/yyyy"
            maxLength={10}
            value={day}
            onChange={(e) => setDay(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
            data-testid="holiday-date"
          />
        </Field>
        <button type="button" className="btn-secondary" onClick={add} data-testid="holiday-add">
          {t.holAdd}
        </button>
      </div>
      <div className="form-help">{t.holDateHelp}</div>
      {days.length === 0 ? (
        <p className="form-help">{t.holEmpty}</p>
      ) : (
        <ul className="list admin-list holiday-list" aria-label={t.holTitle}>
          {days.map((d) => (
            <li key={d} data-holiday={d}>
              <span>{dayText(t, d)}</span>
              <button type="button" className="btn-secondary" aria-label={`${t.remove} ${dayText(t, d)}`} onClick={() => edit(days.filter((x) => x !== d))}>
                {t.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
    </SettingForm>
  );
}

export function OfficeForm() {
  return (
    <div className="admin-office">
      {/* Hours and holidays first: what an office changes through the year (lunch, Tết), its name seldom. */}
      <OfficeHoursForm />
      <HolidaysForm />
      <OfficeInfoForm />
      <CheckinForm />
    </div>
  );
}
