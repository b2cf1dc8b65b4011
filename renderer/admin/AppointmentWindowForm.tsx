import { useState } from 'react';
import { call } from '../api/client';
import { useActionError, useQuery } from '../api/hooks';
import { errorText, useLang } from '../i18n';
import { appointmentsText } from '../i18nAppointments';
import type { AppointmentWindow } from '../../shared/bookingProtocol';

const FIELDS: { key: keyof AppointmentWindow; min: number; max: number }[] = [
  { key: 'earlyMinutes', min: 0, max: 120 },
  { key: 'lateMinutes', min: 0, max: 120 },
  { key: 'callableBeforeMinutes', min: 0, max: 30 },
  { key: 'reofferMinutes', min: 1, max: 60 },
  { key: 'noShowLimit', min: 0, max: 20 },
];

/**
 * Quản trị → Lịch hẹn: the office's check-in window and calling rule for appointments (#30). Sent
 * as the office's `appointments` setting, and only that: the rest of the office's settings stay.
 */
export function AppointmentWindowForm() {
  const { lang } = useLang();
  const a = appointmentsText(lang);
  const office = useQuery('officeSettings', {}, (m) => m.type === 'config.changed');
  const [draft, setDraft] = useState<AppointmentWindow | null>(null);
  const [saved, setSaved] = useState(false);
  const failure = useActionError();
  const shown = draft ?? office.data?.appointments ?? null;
  if (!shown) return null;
  const save = async () => {
    failure.clear();
    setSaved(false);
    try {
      await call('setOfficeSettings', { body: { appointments: shown } });
      setDraft(null);
      office.reload();
      setSaved(true);
    } catch (e) {
      failure.show(e);
    }
  };
  return (
    <section className="panel admin-form" data-testid="appointment-window">
      <h2>{a.windowTitle}</h2>
      <p className="form-intro">{a.windowIntro}</p>
      {failure.error && <div className="error-banner" role="alert">{errorText(failure.error, lang)}</div>}
      {saved && !draft && <div className="form-note" role="status">{a.windowSaved}</div>}
      <div className="appointment-window-fields">
        {FIELDS.map((f) => (
          <label key={f.key} className="field" data-field={f.key}>
            {a[f.key]}
            <input type="number" min={f.min} max={f.max} value={shown[f.key]} onChange={(e) => setDraft({ ...shown, [f.key]: Math.round(Number(e.target.value)) })} />
          </label>
        ))}
      </div>
      <button type="button" className={`appointment-window-save ${draft ? 'btn-primary' : 'btn-secondary'}`} onClick={() => void save()} data-action="save-window">
        {a.windowSave}
      </button>
    </section>
  );
}
