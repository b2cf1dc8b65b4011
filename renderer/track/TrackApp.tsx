import { useEffect, useRef, useState } from 'react';
import type { TicketStatus } from '../../shared/api/schemas';
import { events } from '../api/client';
import { useEvents, useQuery } from '../api/hooks';
import { OfflineBanner } from '../components/OfflineBanner';
import { RatingForm } from '../components/RatingForm';
import { fmt, stateLabel, useLang } from '../i18n';
import { LangChoice } from '../components/LangChoice';

/** The citizen's phone, from the ticket's QR: where they are in the line, live, and rating after. */
export function TrackApp({ ticketId }: { ticketId: string }) {
  const { t, pick } = useLang();
  // This page's stream carries only its own ticket, pushed by the host whenever the ticket or its
  // estimate changes, and its service's "now calling": it fetches once per (re)connect, not on
  // every call in the hall.
  events.follow(ticketId);
  // A read sent before the call and answered after its push must not put "waiting" back over
  // "called" (it did, under load, and the phone missed its call): useQuery drops such answers.
  const status = useQuery('getTicket', { params: { id: ticketId } }, () => false);
  const config = useQuery('config', {}, () => false);
  // The service's "now calling" comes with the ticket, and each change of it on its own push; it is
  // folded into the newest status as a push, so a read answered late cannot bring an older one back.
  // `latest` holds what was pushed last even before React renders it (two pushes in one tick).
  const latest = useRef<TicketStatus | null>(null);
  const rendered = useRef<TicketStatus | null>(null);
  if (status.data !== rendered.current) rendered.current = latest.current = status.data;
  useEvents((m) => {
    if (m.type === 'track.status') {
      latest.current = m.status;
      status.push(m.status);
    } else if (m.type === 'track.calling' && latest.current && m.serviceId === latest.current.serviceId) {
      latest.current = { ...latest.current, nowCalling: m.nowCalling };
      status.push(latest.current);
    }
  });
  const [ratedNow, setRatedNow] = useState(false);
  const lastState = useRef<string | null>(null);
  const s = status.data;
  const calling = s?.nowCalling ?? null;
  const office = config.data?.office;

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
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12 }}>
        <div>
          {office && (
            <div className="office" data-testid="track-office">
              {pick(office.name, office.nameEn)}
            </div>
          )}
          <b>{t.trackTitle}</b>
        </div>
        <LangChoice screen="track" style={{ minHeight: 44, flex: 'none' }} />
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
        <div className="card now-calling" data-testid="track-now-calling">
          <div className="label">{t.nowCallingHeading}</div>
          {calling ? (
            <div className="call" aria-label={fmt(t.nowCallingService, { number: calling.number, counter: calling.counterName })}>
              <b data-testid="track-calling-number">{calling.number}</b>
              <span>→</span>
              <b data-testid="track-calling-counter">{calling.counterName}</b>
            </div>
          ) : (
            <div className="none">{t.nowCallingNone}</div>
          )}
        </div>
      )}
      {s.state === 'waiting' && (
        <div className={`facts${s.etaMinutes === null ? ' single' : ''}`}>
          <div>
            {t.ahead}
            <b data-testid="track-ahead">{s.ahead}</b>
          </div>
          {s.etaMinutes !== null && (
            <div data-testid="track-eta">
              {t.etaAbout}
              <b>
                {s.etaMinutes} {t.minutes}
              </b>
            </div>
          )}
        </div>
      )}
      {s.state === 'waiting' && s.etaMinutes === null && (
        <div className="no-counter" role="status" data-testid="track-no-counter">
          {t.noOpenCounterTicket}
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
