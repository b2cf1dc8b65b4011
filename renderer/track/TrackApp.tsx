import { useCallback, useEffect, useRef, useState } from 'react';
import type { TicketStatus } from '../../shared/api/schemas';
import { call, events } from '../api/client';
import { useEvents, useQuery } from '../api/hooks';
import { OfflineBanner } from '../components/OfflineBanner';
import { RatingForm } from '../components/RatingForm';
import { fmt, stateLabel, useLang } from '../i18n';

/**
 * The ticket as the host last said it, fetched on open and on every (re)connect, pushed in between.
 * Whatever was asked for before the newest push is stale when it comes back: a fetch sent before
 * the call and answered after it must not put "waiting" back over "called" (it did, under load, and
 * the phone then missed its call).
 */
function useTicketStatus(ticketId: string): { data: TicketStatus | null; error: boolean } {
  const [data, setData] = useState<TicketStatus | null>(null);
  const [error, setError] = useState(false);
  // Every read and every push takes the next number; an answer is shown only if nothing numbered
  // after it has been shown already.
  const counter = useRef(0);
  const shown = useRef(0);
  const refresh = useCallback(() => {
    const asked = ++counter.current;
    call('getTicket', { params: { id: ticketId } })
      .then((d) => {
        if (asked < shown.current) return;
        shown.current = asked;
        setData(d);
        setError(false);
      })
      .catch(() => asked > shown.current && setError(true));
  }, [ticketId]);
  useEffect(refresh, [refresh]);
  useEvents((m) => {
    if (m.type !== 'track.status') return;
    shown.current = ++counter.current;
    setData(m.status);
    setError(false);
  }, refresh);
  return { data, error };
}

/** The citizen's phone, from the ticket's QR: where they are in the line, live, and rating after. */
export function TrackApp({ ticketId }: { ticketId: string }) {
  const { t, pick, lang, setLang } = useLang();
  // This page's stream carries only its own ticket, pushed by the host whenever the ticket or its
  // estimate changes, and its service's "now calling": it fetches once per (re)connect, not on
  // every call in the hall.
  events.follow(ticketId);
  const status = useTicketStatus(ticketId);
  const config = useQuery('config', {}, () => false);
  const [calling, setCalling] = useState<{ number: string; counterNumber: number } | null>(null);
  useEvents((m) => {
    if (m.type === 'track.calling') setCalling({ number: m.number, counterNumber: m.counterNumber });
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
