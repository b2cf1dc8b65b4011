import { useState } from 'react';
import { call } from '../api/client';
import { useActionError } from '../api/hooks';
import { errorText, fmt, useLang } from '../i18n';
import { appointmentsText } from '../i18nAppointments';
import { formatBookingCode } from '../../shared/bookingProtocol';

/** "Hủy lịch hẹn" at the kiosk (#30): the citizen types their booking code; the host pays for wrong ones. */
export function BookingCancel({ onDone }: { onDone: () => void }) {
  const { lang } = useLang();
  const a = appointmentsText(lang);
  const [code, setCode] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const failure = useActionError();
  const submit = async () => {
    failure.clear();
    setBusy(true);
    try {
      const r = await call('cancelBooking', { body: { code } });
      setDone(r.code);
    } catch (e) {
      failure.show(e);
    } finally {
      setBusy(false);
    }
  };
  if (done)
    return (
      <div className="booking-cancel" data-testid="booking-cancelled" role="status">
        <h2>{fmt(a.kioskCancelled, { code: formatBookingCode(done) })}</h2>
        <button type="button" className="btn-primary big" onClick={onDone} data-action="done">
          OK
        </button>
      </div>
    );
  return (
    <form
      className="booking-cancel"
      data-testid="booking-cancel"
      onSubmit={(e) => {
        e.preventDefault();
        if (code.trim()) void submit();
      }}
    >
      <h2>{a.kioskCancelTitle}</h2>
      <p className="how">{a.kioskCancelIntro}</p>
      {failure.error && <div className="error-banner" role="alert" data-testid="booking-cancel-error">{errorText(failure.error, lang)}</div>}
      <input value={code} onChange={(e) => setCode(e.target.value)} placeholder={a.codeExample} autoComplete="off" spellCheck={false} maxLength={20} data-testid="booking-cancel-code" aria-label={a.kioskCancelIntro} />
      <button type="submit" className="btn-primary big" disabled={busy || code.trim() === ''} data-action="booking-cancel-go">
        {a.kioskCancelButton}
      </button>
    </form>
  );
}
