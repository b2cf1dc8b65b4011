import { useState } from 'react';
import type { OpeningWindow } from '../../shared/domain';
import { fromWeek, toWeek } from '../../shared/openingHours';
import type { WeekHours } from '../../shared/openingHours';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { fmt, useLang } from '../i18n';
import type { Dict } from '../i18n';
import { CheckField } from './FormField';
import { HoursEditor, STANDARD_DAY, hoursProblemTexts } from './HoursEditor';
import { SettingForm, useOfficeField, useSettingSave } from './SettingForm';

/** An office that sets hours for the first time starts from Monday to Friday, morning and afternoon. */
const standardWeek = (): WeekHours => [0, 1, 2, 3, 4, 5, 6].map((i) => (i < 5 ? STANDARD_DAY.map((s) => ({ ...s })) : []));

/** Each day's sessions as one, from the first start to the last end: staying open through lunch. */
export const throughLunch = (week: WeekHours): WeekHours => week.map((d) => (d.length > 1 ? [{ from: d[0]!.from, to: d[d.length - 1]!.to }] : d));

function hoursErrors(t: Dict, week: WeekHours | null): string[] {
  if (!week) return [];
  if (week.every((d) => d.length === 0)) return [t.ohErrNoDay];
  return hoursProblemTexts(t, week);
}

/**
 * The office's own hours (#28 point 4): every service without hours of its own follows them, so
 * staying open through lunch is one button and Save here, not an edit of each service.
 */
export function OfficeHoursForm() {
  const { t, pick } = useLang();
  const { draft, setDraft, dirty, save } = useOfficeField('hours');
  const saving = useSettingSave();
  const services = useQuery('listServices', {}, (m) => m.type === 'config.changed');
  const [moved, setMoved] = useState(false);
  // Ticked by hand: the week stays on screen even with every day unticked (then Save says why not).
  const [ticked, setTicked] = useState<boolean | null>(null);
  if (!draft) return null;
  const limited = ticked ?? draft.length > 0;
  const week = limited ? toWeek(draft) : null;
  const edit = (next: OpeningWindow[]) => {
    saving.clear();
    setMoved(false);
    setDraft(next);
  };
  const setWeek = (w: WeekHours) => edit(fromWeek(w));
  const own = (services.data ?? []).filter((s) => s.active && s.hours.length > 0);
  // An office that set hours per service before office hours existed: one button hands them to the office's.
  const followAll = () =>
    void saving.run([], () =>
      Promise.all(own.map((s) => call('saveService', { body: { id: s.id, hours: [] } }))).then(() => {
        services.reload();
        setMoved(true);
      }),
    );
  const lunch = week !== null && week.some((d) => d.length > 1);
  return (
    <SettingForm
      title={t.ohTitle}
      intro={t.ohIntro}
      form="officeHours"
      saving={saving}
      dirty={dirty}
      onSubmit={() => void saving.run(hoursErrors(t, week), () => save(draft).then(() => setTicked(null)))}
    >
      <CheckField label={t.ohLimit} help={t.ohLimitHelp} checked={limited} onChange={(v) => {
          setTicked(v);
          edit(v ? fromWeek(standardWeek()) : []);
        }} testId="office-hours-limit" />
      {lunch && (
        // Above the week, on the first screen: the change an office makes most often.
        <div className="admin-editor-actions">
          <button type="button" className="btn-secondary" data-testid="through-lunch" onClick={() => setWeek(throughLunch(week))}>
            {t.ohThroughLunch}
          </button>
          <span className="form-help">{t.ohThroughLunchHelp}</span>
        </div>
      )}
      {week && <HoursEditor week={week} onChange={setWeek} />}
      {own.length > 0 && (
        <div className="form-help" data-testid="own-hours">
          {fmt(t.ohOwnHours, { list: own.map((s) => `${s.prefix} ${pick(s.nameVi, s.nameEn)}`).join(', ') })}{' '}
          <button type="button" className="btn-secondary" data-testid="follow-office" onClick={followAll}>
            {t.ohFollowAll}
          </button>
        </div>
      )}
      {moved && (
        <div className="form-help" role="status" data-testid="followed">
          {t.ohFollowDone}
        </div>
      )}
    </SettingForm>
  );
}
