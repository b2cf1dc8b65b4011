import { useEffect, useState } from 'react';
import { useQuery } from '../api/hooks';
import type { ServerMessage } from '../api/client';
import { fmt, useLang } from '../i18n';
import { useNow } from '../useNow';

/** What changes the overview: the queue, the counters, the settings, a new day, and time alone (alerts, estimates). */
const changesOverview = (m: ServerMessage) =>
  m.type.startsWith('ticket.') || m.type.startsWith('counter.') || ['config.changed', 'day.closed', 'alerts.changed', 'eta.changed', 'services.changed'].includes(m.type);

/**
 * The office manager's live view (#28 point 15): each counter's state and for how long, and each
 * service's line. Pushed: every queue event over the socket refetches it (no polling of the host);
 * the minutes count on from the host's clock between events.
 */
export function OverviewPanel() {
  const { t, pick } = useLang();
  const overview = useQuery('officeOverview', {}, changesOverview);
  const config = useQuery('config', {}, (m) => m.type === 'config.changed');
  // The host's clock when the view was read, and this PC's then: minutes run on from the host's time.
  const [read, setRead] = useState<{ host: number; local: number } | null>(null);
  const data = overview.data;
  useEffect(() => {
    if (data) setRead({ host: data.now, local: Date.now() });
  }, [data]);
  const local = useNow(10_000);
  if (!data) return null;
  const hostNow = read ? read.host + Math.max(0, local - read.local) : data.now;
  const minutes = (since: number) => fmt(t.ovMinutes, { n: Math.max(0, Math.floor((hostNow - since) / 60_000)) });
  const pauseLabel = (code: string | null) => {
    const r = config.data?.pauseReasons.find((x) => x.code === code);
    return r ? pick(r.vi, r.en) : '';
  };
  const statusText = { open: t.ovOpen, paused: t.ovPaused, closed: t.ovClosed } as const;
  return (
    <div className="overview" data-testid="overview">
      <section className="panel">
        <h2>{t.ovCounters}</h2>
        <div className="report-table">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.ovCounter}</th>
                <th scope="col">{t.ovStatus}</th>
                <th scope="col">{t.ovOfficer}</th>
                <th scope="col">{t.ovNow}</th>
                <th scope="col">{t.ovFor}</th>
                <th scope="col">{t.ovServedToday}</th>
              </tr>
            </thead>
            <tbody>
              {data.counters.map((c) => (
                <tr key={c.id} data-counter={c.number} data-status={c.status}>
                  <td>{c.name}</td>
                  <td>
                    <span className={`ov-status ov-${c.status}`}>{statusText[c.status]}</span>
                    {c.status === 'paused' && c.pauseReason ? ` — ${pauseLabel(c.pauseReason)}` : ''}
                  </td>
                  <td>{c.officerName ?? '—'}</td>
                  <td data-testid={`ov-current-${c.number}`}>
                    {c.current ? (
                      <>
                        <strong className="ov-number">{c.current.number}</strong> {c.current.state === 'serving' ? t.ovServing : t.ovCalled}
                      </>
                    ) : c.status === 'open' ? (
                      t.ovReady
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{c.current ? minutes(c.current.since) : c.pausedSince !== null ? minutes(c.pausedSince) : '—'}</td>
                  <td>{c.servedToday}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel">
        <h2>{t.ovLines}</h2>
        <div className="report-table">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.ovService}</th>
                <th scope="col">{t.ovWaiting}</th>
                <th scope="col">{t.ovOldest}</th>
                <th scope="col">{t.ovEstimate}</th>
                <th scope="col">{t.ovOpenCounters}</th>
              </tr>
            </thead>
            <tbody>
              {data.lines.map((l) => (
                <tr key={l.serviceId} data-service={l.prefix}>
                  <td>
                    <strong>{l.prefix}</strong> · {pick(l.nameVi, l.nameEn)}
                  </td>
                  <td data-testid={`ov-waiting-${l.prefix}`}>{l.waiting}</td>
                  <td>{l.oldestQueuedAt !== null ? minutes(l.oldestQueuedAt) : '—'}</td>
                  <td>{!l.openNow ? t.ovNotTaking : l.etaMinutes === null ? t.ovNoCounter : fmt(t.ovMinutes, { n: l.etaMinutes })}</td>
                  <td className={l.openCounters === 0 && l.waiting > 0 ? 'error-text' : undefined}>{l.openCounters}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
