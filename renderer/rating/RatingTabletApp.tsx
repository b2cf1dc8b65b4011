import { useCallback, useState } from 'react';
import type { QueueEvent } from '../../shared/api/events';
import { useEvents, useQuery } from '../api/hooks';
import { OfflineBanner } from '../components/OfflineBanner';
import { RatingForm } from '../components/RatingForm';
import { useLang } from '../i18n';
import { useIdle } from '../useNow';

const params = new URLSearchParams(location.search);
const COUNTER_NUMBER = Number(params.get('counter') ?? 1);
const IDLE_MS = Number(params.get('idle') ?? 60) * 1000;

type View = { kind: 'idle' } | { kind: 'rate'; ticketId: string; number: string } | { kind: 'thanks'; text: 'alreadyRated' | 'thanks' };

/** The tablet at a counter: the officer's name tag while idle, the rating form when a citizen is done. */
export function RatingTabletApp() {
  const { t, pick } = useLang();
  const counters = useQuery('listCounters', {}, (m) => m.type.startsWith('counter.'));
  const officers = useQuery('listOfficers', {}, () => false);
  const config = useQuery('config', {}, (m) => m.type === 'config.changed');
  const services = useQuery('listServices', {}, (m) => m.type === 'config.changed');
  const [view, setView] = useState<View>({ kind: 'idle' });
  const idle = useCallback(() => setView({ kind: 'idle' }), []);
  useIdle(view.kind === 'thanks' ? 6000 : IDLE_MS, idle, view.kind !== 'idle');

  const counter = counters.data?.find((c) => c.number === COUNTER_NUMBER);
  // An officer who signed out leaves officerId set on a closed counter: only an open one has someone.
  const officer = counter && counter.status !== 'closed' ? officers.data?.find((o) => o.id === counter.officerId) : undefined;
  const servedHere = (services.data ?? []).filter((s) => counter?.serviceIds.includes(s.id)).map((s) => pick(s.nameVi, s.nameEn));

  useEvents((m) => {
    if (m.type !== 'ticket.finished') return;
    const e = m as QueueEvent;
    if (e.counter?.number !== COUNTER_NUMBER || !e.ticket || e.ticket.state !== 'done') return;
    setView({ kind: 'rate', ticketId: e.ticket.id, number: e.ticket.number });
  });

  return (
    <div className="kiosk touch-screen">
      <OfflineBanner />
      {view.kind === 'idle' && officer && (
        <div className="nametag" data-testid="nametag">
          <div className="photo">{officer.photo ? <img src={officer.photo} alt="" /> : officer.name.split(' ').pop()?.charAt(0)}</div>
          <div className="name">{officer.name}</div>
          <div className="title">{officer.title}</div>
          <div className="counter-no">
            {t.counter} {COUNTER_NUMBER}
          </div>
        </div>
      )}
      {view.kind === 'idle' && !officer && (
        <div className="nametag" data-testid="nametag-empty">
          <div className="welcome">{t.welcome}</div>
          <div className="name">
            {t.counter} {COUNTER_NUMBER}
          </div>
          {servedHere.length > 0 && <div className="title">{servedHere.join(' · ')}</div>}
          <div className="counter-no muted">{t.counterWaitingOfficer}</div>
        </div>
      )}
      {view.kind === 'rate' && config.data && (
        <RatingForm
          key={view.ticketId}
          ticketId={view.ticketId}
          levels={config.data.ratingLevels}
          reasons={config.data.ratingReasons}
          source="tablet"
          keyboard
          heading={`${t.servedBy} ${officer?.name ?? ''} — ${t.counter.toLowerCase()} ${COUNTER_NUMBER} — ${t.number.toLowerCase()} ${view.number}`}
          onDone={(r) => setView({ kind: 'thanks', text: r === 'already' ? 'alreadyRated' : 'thanks' })}
        />
      )}
      {view.kind === 'thanks' && (
        <div className="thanks" role="status">
          {t[view.text]}
        </div>
      )}
    </div>
  );
}
