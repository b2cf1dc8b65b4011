import { useCallback, useEffect, useState } from 'react';
import type { PendingRating } from '../../shared/api/schemas';
import { call } from '../api/client';
import { useEvents, useQuery } from '../api/hooks';
import { OfflineBanner } from '../components/OfflineBanner';
import { RatingForm } from '../components/RatingForm';
import { useLang } from '../i18n';
import { LangChoice } from '../components/LangChoice';
import { useIdle } from '../useNow';

const params = new URLSearchParams(location.search);
const URL_COUNTER_NUMBER = Number(params.get('counter') ?? 1);

/**
 * The tablet at a counter: the officer's name tag while idle, the rating form while the host says
 * its counter's last citizen is waiting to rate (a few minutes after the finish, reload or not).
 */
export function RatingTabletApp() {
  const { t, pick } = useLang();
  const counters = useQuery('listCounters', {}, (m) => m.type.startsWith('counter.'));
  const officers = useQuery('listOfficers', {}, () => false);
  const config = useQuery('config', {}, (m) => m.type === 'config.changed');
  const services = useQuery('listServices', {}, (m) => m.type === 'config.changed');
  const device = useQuery('thisDevice', {}, () => false);
  // Thanks is this screen's own moment; what to rate is the host's to say.
  const [thanks, setThanks] = useState<'alreadyRated' | 'thanks' | null>(null);
  const done = useCallback(() => setThanks(null), []);
  useIdle(6000, done, thanks !== null);

  // A paired tablet serves the counter it was paired for; ?counter= is for the host's own window.
  const counter = device.data?.role === 'rating' ? counters.data?.find((c) => c.id === device.data?.counterId) : counters.data?.find((c) => c.number === URL_COUNTER_NUMBER);
  const counterNumber = counter?.number ?? URL_COUNTER_NUMBER;
  // An officer who signed out leaves officerId set on a closed counter: only an open one has someone.
  const officer = counter && counter.status !== 'closed' ? officers.data?.find((o) => o.id === counter.officerId) : undefined;
  const servedHere = (services.data ?? []).filter((s) => counter?.serviceIds.includes(s.id)).map((s) => pick(s.nameVi, s.nameEn));
  const pending = usePendingRating(counter?.id);

  const rating = thanks === null && pending && config.data ? pending : null;
  return (
    <div className="kiosk touch-screen">
      <OfflineBanner />
      {!rating && thanks === null && <LangChoice screen="rating" packsOnly />}
      {!rating && thanks === null && officer && (
        <div className="nametag" data-testid="nametag">
          <div className="photo">{officer.photo ? <img src={officer.photo} alt="" /> : officer.name.split(' ').pop()?.charAt(0)}</div>
          <div className="name">{officer.name}</div>
          <div className="title">{officer.title}</div>
          <div className="counter-no">
            {t.counter} {counterNumber}
          </div>
        </div>
      )}
      {!rating && thanks === null && !officer && (
        <div className="nametag" data-testid="nametag-empty">
          <div className="welcome">{t.welcome}</div>
          <div className="name">
            {t.counter} {counterNumber}
          </div>
          {servedHere.length > 0 && <div className="title">{servedHere.join(' · ')}</div>}
          <div className="counter-no muted">{t.counterWaitingOfficer}</div>
        </div>
      )}
      {rating && config.data && (
        <RatingForm
          key={rating.ticketId}
          ticketId={rating.ticketId}
          levels={config.data.ratingLevels}
          reasons={config.data.ratingReasons}
          source="tablet"
          keyboard
          heading={`${t.servedBy} ${officer?.name ?? ''} — ${t.counter.toLowerCase()} ${counterNumber} — ${t.number.toLowerCase()} ${rating.number}`}
          onDone={(r) => setThanks(r === 'already' ? 'alreadyRated' : 'thanks')}
        />
      )}
      {thanks !== null && (
        <div className="thanks" role="status">
          {t[thanks]}
        </div>
      )}
    </div>
  );
}

/**
 * The host's answer to "whom should this tablet ask now", asked again on every finish and rating,
 * when the host's timer says a window ran out, on reconnect, and by this tablet's own timer as a
 * fallback. Not asked before the tablet knows its counter (the host refuses another counter's).
 */
function usePendingRating(counterId: number | undefined): PendingRating {
  const [data, setData] = useState<PendingRating>(null);
  const [asked, setAsked] = useState(0);
  const again = useCallback(() => setAsked((n) => n + 1), []);
  useEvents((m) => {
    if (m.type === 'ticket.finished' || m.type === 'ticket.rated' || m.type === 'day.closed' || m.type === 'ratings.changed') again();
  }, again);
  useEffect(() => {
    if (counterId === undefined) return;
    // Only the latest question's answer is shown; an older one arriving late is dropped.
    let latest = true;
    call('pendingRating', { params: { id: counterId } })
      .then((d) => latest && setData(d))
      .catch(() => undefined);
    return () => {
      latest = false;
    };
  }, [counterId, asked]);
  useEffect(() => {
    if (!data) return;
    const timer = setTimeout(again, data.expiresInSeconds * 1000 + 500);
    return () => clearTimeout(timer);
  }, [data, again]);
  return counterId === undefined ? null : data;
}
