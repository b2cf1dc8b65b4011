import { useEffect, useRef, useState } from 'react';
import { useQuery } from '../api/hooks';
import { OfflineBanner } from '../components/OfflineBanner';
import { RatingForm } from '../components/RatingForm';
import { stateLabel, useLang } from '../i18n';

/** The citizen's phone, from the ticket's QR: where they are in the line, live, and rating after. */
export function TrackApp({ ticketId }: { ticketId: string }) {
  const { t, pick, lang, setLang } = useLang();
  const serviceRef = useRef<number | null>(null);
  // Only events of this ticket's service (or of the ticket itself) can change what it shows, so a
  // hall full of phones does not refetch on every call in every queue.
  const status = useQuery(
    'getTicket',
    { params: { id: ticketId } },
    (m) => 'ticket' in m && !!m.ticket && (m.ticket.id === ticketId || m.ticket.serviceId === serviceRef.current || m.newTicket?.id === ticketId || m.type === 'ticket.transferred'),
  );
  const config = useQuery('config', {}, () => false);
  const [ratedNow, setRatedNow] = useState(false);
  const lastState = useRef<string | null>(null);
  const s = status.data;
  serviceRef.current = s?.serviceId ?? null;

  useEffect(() => {
    if (!s) return;
    if (s.state === 'called' && lastState.current !== 'called') navigator.vibrate?.([400, 200, 400, 200, 400]);
    lastState.current = s.state;
    document.title = s.state === 'called' ? `🔔 ${s.number} → ${t.counter} ${s.counter?.number ?? ''}` : `${s.number} — ${t.trackTitle}`;
  }, [s, t]);

  if (status.error && !s) return <div className="track"><div className="error-banner">{t.notFound}</div></div>;
  if (!s) return null;
  return (
    <div className="track">
      <OfflineBanner />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <b>{t.trackTitle}</b>
        {(config.data?.languages ?? ['vi', 'en']).includes('en') && (
          <button type="button" className="btn-secondary" style={{ minHeight: 44 }} onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
            {t.language}
          </button>
        )}
      </div>
      {s.state === 'called' && s.counter && (
        <div className="called" role="alert" data-testid="called">
          {t.calledNow} {s.counter.name}
        </div>
      )}
      <div className="card">
        <div className="num" data-testid="track-number">{s.number}</div>
        <div>{pick(s.serviceNameVi, s.serviceNameEn)}</div>
        <div className="state" data-testid="track-state">{stateLabel(t, s.state)}</div>
        {s.checkCode && (
          <div className="check-code">
            {t.ticketCode}: <b data-testid="track-code">{s.checkCode}</b>
          </div>
        )}
      </div>
      {s.state === 'waiting' && (
        <div className="facts">
          <div>
            {t.ahead}
            <b data-testid="track-ahead">{s.ahead}</b>
          </div>
          <div>
            {t.etaAbout}
            <b>
              {s.etaMinutes} {t.minutes}
            </b>
          </div>
        </div>
      )}
      {(s.rated || ratedNow) && <div className="card state" data-testid="track-rated">{t.rated}</div>}
      {s.canRate && !ratedNow && config.data && (
        <div className="card">
          <RatingForm ticketId={s.id} levels={config.data.ratingLevels} reasons={config.data.ratingReasons} source="phone" keyboard={false} onDone={() => { setRatedNow(true); status.reload(); }} />
        </div>
      )}
    </div>
  );
}
