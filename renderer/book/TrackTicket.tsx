import { useEffect, useRef, useState } from 'react';
import type { PublicTicket, PublicTicketState } from '../../shared/hubBooking';
import { bookApi, BookError } from './bookApi';
import { fill, timeOf } from './format';
import { BookHeader } from './BookHeader';
import { useBookLang } from './useBookLang';

const POLL_MS = 5000;
const FINAL: readonly PublicTicketState[] = ['done', 'cancelled', 'expired', 'transferred'];
const STATE_KEY = {
  waiting: 'ticketWaiting',
  called: 'ticketCalled',
  serving: 'ticketServing',
  done: 'ticketDone',
  skipped: 'ticketSkipped',
  parked: 'ticketParked',
  transferred: 'ticketTransferred',
  cancelled: 'ticketCancelled',
  expired: 'ticketExpired',
} as const;

/**
 * A ticket's tracking page on the hub, for a citizen waiting outside the office's Wi-Fi: its number,
 * state, people ahead and its service's calls, from the copies the office pushes (about once a
 * second); read every 5 seconds while the ticket can still change.
 */
export function TrackTicket({ officeId, ticketId }: { officeId: string; ticketId: string }) {
  const { t, lang, toggle, pick } = useBookLang();
  const [ticket, setTicket] = useState<PublicTicket | null>(null);
  const [missing, setMissing] = useState(false);
  const [offline, setOffline] = useState(false);
  const lastState = useRef<PublicTicketState | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      try {
        const next = await bookApi<PublicTicket>(`ticket?office=${encodeURIComponent(officeId)}&id=${encodeURIComponent(ticketId)}`);
        if (stopped) return;
        setTicket(next);
        setOffline(false);
        if (next.state === 'called' && lastState.current !== 'called') navigator.vibrate?.([400, 200, 400]);
        lastState.current = next.state;
        if (FINAL.includes(next.state)) return;
      } catch (e) {
        if (stopped) return;
        if (e instanceof BookError && e.code === 'TICKET_NOT_FOUND') return setMissing(true);
        setOffline(true);
      }
      timer = setTimeout(() => void read(), POLL_MS);
    };
    void read();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [officeId, ticketId]);

  useEffect(() => {
    document.title = ticket ? `${ticket.number} — ${t.trackTitle}` : t.trackTitle;
  }, [ticket, t]);

  const called = ticket && (ticket.state === 'called' || ticket.state === 'serving');
  return (
    <div className="bk-app">
      <BookHeader title={t.trackTitle} lang={lang} switchLabel={t.language} onSwitch={toggle} />
      <main className="bk-main">
        {missing && (
          <p className="bk-error" role="alert">
            {t.trackNotFound}
          </p>
        )}
        {offline && (
          <p className="bk-error" role="alert">
            {t.networkError}
          </p>
        )}
        {!ticket && !missing && <p className="bk-hint">{t.loading}</p>}
        {ticket && (
          <section className={`bk-card bk-booking${called ? ' bk-called' : ''}`} data-testid="track-card" data-state={ticket.state} aria-live="polite">
            <div className="bk-code-label">{ticket.office.name}</div>
            <div className="bk-code-label">{t.trackNumber}</div>
            <div className="bk-code bk-number" data-testid="track-number">
              {ticket.number}
            </div>
            <div className="bk-lead">{pick(ticket.service.nameVi, ticket.service.nameEn)}</div>
            <h2 data-testid="track-state">{called && ticket.counter !== null ? fill(t.trackCalledTo, { n: ticket.counter }) : called ? t.trackCalled : t[STATE_KEY[ticket.state]]}</h2>
            {ticket.ahead !== null && (
              <p className="bk-ahead" data-testid="track-ahead">
                {ticket.ahead === 0 ? t.trackNoneAhead : fill(t.trackAhead, { n: ticket.ahead })}
              </p>
            )}
            {ticket.estimateMinutes !== null && (
              <p className="bk-lead" data-testid="track-estimate">
                {ticket.estimateMinutes <= 1 ? t.trackEstimateSoon : fill(t.trackEstimate, { n: ticket.estimateMinutes })}
              </p>
            )}
            <dl className="bk-facts">
              <dt>{t.trackNowCalling}</dt>
              <dd data-testid="track-calling">
                {ticket.nowCalling.length === 0 ? t.trackNobodyCalled : ticket.nowCalling.map((c) => (c.counter === null ? c.number : `${c.number} → ${fill(t.trackCounter, { n: c.counter })}`)).join(', ')}
              </dd>
            </dl>
            {ticket.updatedAt !== null && <p className="bk-hint">{fill(t.trackUpdated, { time: timeOf(ticket.updatedAt, 'Asia/Ho_Chi_Minh', lang) })}</p>}
          </section>
        )}
        <p className="bk-privacy">{t.trackPrivacy}</p>
      </main>
    </div>
  );
}
