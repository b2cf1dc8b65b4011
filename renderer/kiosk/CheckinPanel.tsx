import { useState } from 'react';
import { fmt, useLang } from '../i18n';
import { CameraScan } from './CameraScan';
import { appointmentsText } from '../i18nAppointments';
import '../styles/appointments.css';

/**
 * "Tôi có lịch hẹn / mã hồ sơ / căn cước" (#30): the citizen scans here (or at any step: the
 * scanner is heard everywhere) or types the dossier code printed on their receipt.
 */
export function CheckinPanel({ onCode, retentionDays, busy, onCancelBooking }: { onCode: (code: string) => void; retentionDays: number; busy: boolean; onCancelBooking: () => void }) {
  const { t, lang } = useLang();
  const [code, setCode] = useState('');
  return (
    <form
      className="checkin-panel"
      data-testid="checkin-panel"
      onSubmit={(e) => {
        e.preventDefault();
        if (code.trim()) onCode(code.trim());
      }}
    >
      <h2>{t.checkinButton}</h2>
      <div className="checkin-scan" aria-hidden="true">
        <svg viewBox="0 0 64 64" width="120" height="120">
          <path d="M6 20V6h14M44 6h14v14M58 44v14H44M20 58H6V44" fill="none" stroke="currentColor" strokeWidth="5" />
          <path d="M18 18h10v10H18zM36 18h10v10H36zM18 36h10v10H18zM36 36h4v4h-4zM42 42h4v4h-4z" fill="currentColor" />
        </svg>
      </div>
      <p className="how">{t.checkinHow}</p>
      <CameraScan onScan={onCode} />
      <label className="code">
        <span>{appointmentsText(lang).kioskCodeLabel}</span>
        <input value={code} onChange={(e) => setCode(e.target.value)} placeholder={t.checkinCodeHint} autoComplete="off" spellCheck={false} maxLength={64} data-testid="checkin-code" />
      </label>
      <button type="submit" className="btn-primary big" disabled={busy || code.trim() === ''} data-action="checkin-go">
        {t.checkinGo}
      </button>
      <p className="kept" data-testid="checkin-kept">{fmt(t.checkinKept, { days: retentionDays })}</p>
      <button type="button" className="btn-secondary booking-cancel-entry" onClick={onCancelBooking} data-action="booking-cancel">
        {appointmentsText(lang).kioskHaveBooking}
      </button>
    </form>
  );
}
