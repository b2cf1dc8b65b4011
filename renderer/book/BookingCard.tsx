import { useState } from 'react';
import type { PublicBooking } from '../../shared/hubBooking';
import type { BookDict } from '../i18nBook';
import { bookApi, refusalText } from './bookApi';
import { codeText, dayAt, fill, timeOf } from './format';
import type { Lang } from './useBookLang';

const STATE_KEY = { booked: 'stateBooked', checkedIn: 'stateCheckedIn', missed: 'stateMissed', cancelled: 'stateCancelled' } as const;

/** A booking as its holder keeps it: the code large, its QR for the kiosk, when and where; cancel while it is still booked. */
export function BookingCard({ booking, t, lang, pick, onChange }: { booking: PublicBooking; t: BookDict; lang: Lang; pick: (vi: string, en: string) => string; onChange: (b: PublicBooking) => void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancelled = booking.state === 'cancelled';
  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      onChange(await bookApi<PublicBooking>('bookings/cancel', { code: booking.code }));
      setAsking(false);
    } catch (e) {
      setError(refusalText(e, lang, t.networkError));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className={`bk-card bk-booking${cancelled ? ' bk-cancelled' : ''}`} data-testid="booking-card" aria-live="polite">
      <h2>{cancelled ? t.cancelledTitle : booking.state === 'booked' ? t.bookedTitle : t[STATE_KEY[booking.state]]}</h2>
      <div className="bk-code-label">{t.yourCode}</div>
      <div className="bk-code" data-testid="booking-code">
        {codeText(booking.code)}
      </div>
      {!cancelled && <img className="bk-qr" src={booking.qr} alt={codeText(booking.code)} width={200} height={200} data-testid="booking-qr" />}
      <dl className="bk-facts">
        <dt>{t.when}</dt>
        <dd data-testid="booking-when">
          {timeOf(booking.start, booking.timeZone, lang)} · {dayAt(booking.start, booking.timeZone, lang)} ({fill(t.minutes, { n: booking.minutes })})
        </dd>
        <dt>{t.where}</dt>
        <dd>{booking.office.name}</dd>
        <dt>{t.what}</dt>
        <dd>{pick(booking.service.nameVi, booking.service.nameEn)}</dd>
        {booking.idLast4 && (
          <>
            <dt>{t.idCardLabel}</dt>
            <dd>{fill(t.idCard, { n: booking.idLast4 })}</dd>
          </>
        )}
      </dl>
      {booking.state === 'booked' && (
        <>
          <p className="bk-hint">{t.keepCode}</p>
          <p className="bk-hint">{t.arrive}</p>
          {!asking && (
            <button type="button" className="bk-secondary" onClick={() => setAsking(true)}>
              {t.cancelThis}
            </button>
          )}
          {asking && (
            <div className="bk-confirm" role="alertdialog" aria-label={t.cancelThis}>
              <p>{fill(t.cancelConfirm, { code: codeText(booking.code) })}</p>
              <div className="bk-row">
                <button type="button" className="bk-danger" disabled={busy} onClick={() => void cancel()}>
                  {t.cancelYes}
                </button>
                <button type="button" className="bk-secondary" disabled={busy} onClick={() => setAsking(false)}>
                  {t.cancelNo}
                </button>
              </div>
            </div>
          )}
        </>
      )}
      {error && (
        <p className="bk-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
