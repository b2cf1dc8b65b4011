import { useEffect, useRef, useState } from 'react';
import { events } from '../api/client';
import { useEvents, useQuery } from '../api/hooks';
import { OfflineBanner } from '../components/OfflineBanner';
import { RatingForm } from '../components/RatingForm';
import { fmt, stateLabel, useLang } from '../i18n';

/** The citizen's phone, from the ticket's QR: where they are in the line, live, and rating after. */
export function TrackApp({ ticketId }: { ticketId: string }) {
  const { t, pick, lang, setLang } = useLang();
  // This page's stream carries only its own ticket, pushed by the host whenever the ticket or its
  // estimate changes, and its service's "now calling": it fetches once per (re)connect, not on
  // every call in the hall.
  events.follow(ticketId);
  // A read sent before the call and answered after its push must not put "waiting" back over
  // "called" (it did, under load, and the phone missed its call): useQuery drops such answers.
  const status = useQuery('getTicket', { params: { id: ticketId } }, () => false);
  const config = useQuery('config', {}, () => false);
  const [calling, setCalling] = useState<{ number: string; counterNumber: number } | null>(null);
  useEvents((m) => {
    if (m.type === 'track.status') status.push(m.status);
    else if (m.type === 'track.calling') setCalling({ number: m.number, counterNumber: m.counterNumber });
  });
  const [ratedNow, setRatedNow] = useState(false);
  const lastState = useRef<string | null>(null);
  const s = status.data;

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
      {s.state === 'waiting' && calling && (
        <div className="state" data-testid="track-now-calling">
          {fmt(t.nowCallingService, { number: calling.number, counter: calling.counterNumber })}
        </div>
      )}
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
          <RatingForm ticketId={s.id} levels={config.data.ratingLevels} reasons={config.data.ratingReasons} source="phone" keyboard={false} onDone={() => setRatedNow(true)} />
        </div>
      )}
    </div>
  );
}
