import { useCallback, useEffect, useRef, useState } from 'react';
import type { Ticket } from '../../shared/domain';
import type { QueuedTicket, ServiceStatus, SessionInfo, SkipReadiness } from '../../shared/api/schemas';
import { call } from '../api/client';
import { useActionError, useEvents, useQuery } from '../api/hooks';
import { HelpCalls } from './HelpCalls';
import { LangToggle } from '../components/LangToggle';
import { OfflineBanner } from '../components/OfflineBanner';
import { errorText, fmt, useLang } from '../i18n';
import { elapsed } from '../time';
import { useNow } from '../useNow';
import { SHORTCUTS, useShortcuts } from './counterShortcuts';
import type { ShortcutAction } from './counterShortcuts';

type StaffSession = Extract<SessionInfo, { kind: 'staff' }>;
type Modal = null | 'pause' | 'transfer';

export function CounterDesk({ session, onSignOut }: { session: StaffSession; onSignOut: (why?: string) => void }) {
  const { t, pick, lang } = useLang();
  const now = useNow(1000);
  const counterId = session.counter.id;
  // skips.changed: the host's timer saw a called citizen's minimum wait run out (no ticket event).
  const state = useQuery('counterState', { params: { id: counterId } }, (m) => m.type.startsWith('ticket.') || m.type.startsWith('counter.') || m.type === 'skips.changed');
  const services = useQuery('listServices', {}, (m) => m.type === 'config.changed');
  const config = useQuery('config', {}, (m) => m.type === 'config.changed');
  const counters = useQuery('listCounters', {}, (m) => m.type.startsWith('counter.') || m.type === 'config.changed');
  // alerts.changed: the host's timer saw a wait cross its threshold with no ticket event at all.
  const alerts = useQuery('alerts', {}, (m) => m.type.startsWith('ticket.') || m.type === 'alerts.changed');
  const myAlerts = (alerts.data ?? []).filter((a) => session.counter.serviceIds.includes(a.serviceId));
  const printJobs = useQuery('printJobs', {}, (m) => m.type === 'printer.status' || m.type === 'print.job');
  const failedPrints = (printJobs.data ?? []).filter((j) => j.state === 'failed' && j.ticketNumber);
  const failure = useActionError();
  const [modal, setModal] = useState<Modal>(null);
  const [dossier, setDossier] = useState('');
  // Close of day, or a colleague signing in here, ends this session on the host: back to sign-in,
  // once, saying who took the counter when that is why.
  const leaving = useRef(false);
  const leave = useCallback(
    (why?: string) => {
      if (leaving.current) return;
      leaving.current = true;
      onSignOut(why);
    },
    [onSignOut],
  );
  const checkTakenOver = useCallback(async () => {
    const [cs, os] = await Promise.all([call('listCounters'), call('listOfficers')]);
    const holder = cs.find((c) => c.id === counterId)?.officerId;
    if (holder === undefined || holder === null || holder === session.officer.id) return false;
    leave(fmt(t.takenOver, { officer: os.find((o) => o.id === holder)?.name ?? '' }));
    return true;
  }, [counterId, session.officer.id, leave, t]);
  useEvents((m) => {
    const here = 'counter' in m && m.counter?.id === counterId;
    if (m.type === 'counter.opened' && here) return void checkTakenOver().catch(() => undefined);
    if (m.type !== 'day.closed' && !(m.type === 'counter.closed' && here)) return;
    void call('session')
      .then(async (s) => {
        if (s && s.kind === 'staff' && s.counter.id === counterId) return;
        if (!(await checkTakenOver().catch(() => false))) leave();
      })
      .catch(() => undefined);
  });

  const s = state.data;
  const current = s?.counter.current ?? null;
  const skip = useSkipCountdown(s?.skip ?? null, now, state.reload);
  const paused = s?.counter.status === 'paused';
  const hostNow = useHostClock(s?.at, now);
  const pickOf = (x: { vi: string; en: string } | undefined) => (x ? pick(x.vi, x.en) : '');
  // Where a transferred citizen was sent from: the counter that sent them, else the service.
  const origin = (q: QueuedTicket) => {
    if (q.fromCounterId !== null) return counters.data?.find((c) => c.id === q.fromCounterId)?.name ?? '';
    return q.fromServiceId !== null && q.fromServiceId !== q.serviceId ? serviceName(q.fromServiceId) : '';
  };
  const serviceName = (id: number) => {
    const sv = services.data?.find((x: ServiceStatus) => x.id === id);
    return sv ? pick(sv.nameVi, sv.nameEn) : '';
  };

  const run = async (fn: () => Promise<unknown>) => {
    failure.clear();
    try {
      await fn();
      state.reload();
    } catch (e) {
      // The session is over on the host (taken over, expired): back to sign-in, saying why if known.
      if ((e as { code?: string }).code === 'UNAUTHORIZED') {
        if (!(await checkTakenOver().catch(() => false))) leave();
        return;
      }
      failure.show(e);
    }
  };
  const onTicket = (name: 'recall' | 'start' | 'skip' | 'park' | 'finish', ticket: Ticket | null) => {
    if (!ticket) return;
    // The key does what the screen shows: no "Bỏ qua" before the host opens it.
    if (name === 'skip' && !skip.ready) return;
    void run(() => (name === 'finish' ? call('finish', { params: { id: ticket.id }, body: { dossierCode: dossier.trim() || undefined } }).then(() => setDossier('')) : call(name, { params: { id: ticket.id } })));
  };
  const act = (a: ShortcutAction) => {
    if (modal) return;
    if (a === 'next') void run(() => call('callNext', { params: { id: counterId } }));
    else if (a === 'pause') {
      if (paused) void run(() => call('resume', { params: { id: counterId } }));
      else setModal('pause');
    } else if (a === 'transfer') {
      if (current) setModal('transfer');
    } else onTicket(a, current);
  };
  useShortcuts(act);

  const btn = (a: ShortcutAction, label: string, cls: string, disabled: boolean) => (
    <button type="button" className={cls} disabled={disabled} onClick={() => act(a)} data-action={a}>
      {label}
      <kbd>{SHORTCUTS[a]}</kbd>
    </button>
  );

  return (
    <div className="counter-app">
      <div className="topbar">
        <div>
          <h1>
            {session.counter.name} — {session.officer.name}
          </h1>
          <div className="sub">
            {session.officer.title} · {t.servedToday}: {s?.servedToday ?? 0}
          </div>
        </div>
        <div style={{ display: 'flex', gap: 10 }}>
          <LangToggle />
          <button type="button" className="btn-secondary" onClick={() => call('logout').finally(() => leave())}>
            {t.signOut}
          </button>
        </div>
      </div>
      <OfflineBanner />
      {failure.error && (
        <div className="error-banner" role="alert" style={{ margin: '12px 22px 0' }} data-testid="action-error">
          {errorText(failure.error, lang)}
        </div>
      )}
      <HelpCalls />
      {myAlerts.length > 0 && (
        <div className="error-banner" role="alert" style={{ margin: '12px 22px 0' }} data-testid="wait-alert">
          {fmt(t.waitAlert, { n: myAlerts.length, list: myAlerts.slice(0, 5).map((a) => `${a.number} (${a.waitedMinutes} ${t.minutes})`).join(', ') })}
        </div>
      )}
      <div className="counter-main">
        <div className="panel">
          <h2>{paused ? `${t.counterPaused} — ${pickOf(config.data?.pauseReasons.find((r) => r.code === s?.counter.pauseReason))}` : t.current}</h2>
          {current ? (
            <div className="current-ticket" data-testid="current-ticket">
              <span className="num">{current.number}</span>
              <span className="info">
                {serviceName(current.serviceId)}
                {current.priority ? ` · ${pickOf(config.data?.priorityGroups.find((g) => g.code === current.priority)) || current.priority}` : ''}
                <br />
                {current.state === 'serving' ? t.stateServing : t.stateCalled} · {current.callCount}×
              </span>
              <span className="timer">{elapsed(current.servingAt ?? current.calledAt ?? now, now)}</span>
            </div>
          ) : (
            <div className="stat">{t.noCurrent}</div>
          )}
          {/* What the kiosk read (#30), shown from the call, before the citizen reaches the counter. */}
          {current && (s?.citizen || current.dossierCode) && (
            <div className="checked-in" data-testid="checked-in">
              {s?.citizen && (
                <div data-testid="current-citizen">
                  {s.citizen.birthYear ? fmt(t.counterCitizenBorn, { name: s.citizen.name, year: s.citizen.birthYear }) : fmt(t.counterCitizen, { name: s.citizen.name })}
                </div>
              )}
              {current.dossierCode && <div data-testid="current-dossier">{fmt(t.counterDossier, { code: current.dossierCode })}</div>}
            </div>
          )}
          {current && (
            <input style={{ marginTop: 12, width: '100%' }} placeholder={t.dossierCode} aria-label={t.dossierCode} value={dossier} maxLength={64} onChange={(e) => setDossier(e.target.value)} />
          )}
          <div className="actions">
            {btn('next', t.next, 'btn-primary', paused)}
            {btn('recall', t.recall, 'btn-secondary', !current)}
            {btn('start', t.start, 'btn-secondary', current?.state !== 'called')}
            {btn('finish', t.finish, 'btn-success', !current)}
            {skip.waiting ? (
              <div className="skip-wait" data-testid="skip-wait" role="status">
                <span>{fmt(t.skipIn, { n: skip.left })}</span>
                <small>{t.skipOrRecall}</small>
              </div>
            ) : (
              btn('skip', t.skip, 'btn-secondary', current?.state !== 'called')
            )}
            {btn('park', t.park, 'btn-secondary', !current)}
            {btn('transfer', t.transfer, 'btn-secondary', !current)}
            {btn('pause', paused ? t.resume : t.pause, paused ? 'btn-success' : 'btn-danger', !paused && !!current)}
          </div>
        </div>
        <div className="counter-side">
          <div className="panel waiting-panel">
            <h2>
              {t.waitingList} ({s?.waiting.reduce((a, w) => a + w.waiting, 0) ?? 0})
            </h2>
            <div className="stat">{(s?.waiting ?? []).map((w) => `${serviceName(w.serviceId)}: ${w.waiting}`).join(' · ')}</div>
            <div className="queue-groups" data-testid="queue">
              {groupByService(s?.queue ?? []).map(([serviceId, tickets]) => (
                <section key={serviceId} className="queue-group" data-service-id={serviceId}>
                  <h3>
                    {serviceName(serviceId)} · {s?.waiting.find((w) => w.serviceId === serviceId)?.waiting ?? tickets.length}
                  </h3>
                  <ul className="list">
                    {tickets.map((q) => (
                      <li key={q.id} data-number={q.number}>
                        <span className="n">{q.number}</span>
                        <span className="tags">
                          {q.priority && <span className="tag priority">★ {pickOf(config.data?.priorityGroups.find((g) => g.code === q.priority)) || q.priority}</span>}
                          {origin(q) && <span className="tag from">{fmt(t.transferredFrom, { from: origin(q) })}</span>}
                        </span>
                        <span className="waited" data-testid="waited">
                          {fmt(t.waitedMinutes, { n: Math.max(0, Math.floor((hostNow - q.queuedAt) / 60_000)) })}
                        </span>
                        <button type="button" className="btn-secondary" disabled={paused} onClick={() => run(() => call('callSpecific', { params: { id: q.id }, body: { counterId } }))}>
                          {t.callThis}
                        </button>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          </div>
          <TicketList title={t.parked} tickets={s?.parked ?? []} action={t.callBack} onAction={(q) => run(() => call('unpark', { params: { id: q.id }, body: { counterId } }))} />
          {failedPrints.length > 0 && (
            <div className="panel">
              <h2>{t.printFailed}</h2>
              <ul className="list">
                {failedPrints.map((j) => (
                  <li key={j.id}>
                    <span className="n">{j.ticketNumber}</span> <span className="stat">{j.error}</span>
                    <button type="button" className="btn-secondary" onClick={() => run(() => call('reprint', { params: { id: j.id } }).then(() => printJobs.reload()))}>
                      {t.reprint}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <TicketList title={t.skipped} tickets={s?.skipped ?? []} action={t.reactivate} onAction={(q) => run(() => call('reactivate', { params: { id: q.id } }))} />
        </div>
      </div>
      {modal === 'pause' && (
        <div className="modal-back" role="dialog" aria-modal="true">
          <div className="modal">
            <h3>{t.pauseReason}</h3>
            {(config.data?.pauseReasons ?? []).map((r) => (
              <button
                type="button"
                key={r.code}
                className="btn-secondary"
                onClick={() => {
                  setModal(null);
                  void run(() => call('pause', { params: { id: counterId }, body: { reason: r.code } }));
                }}
              >
                {pick(r.vi, r.en)}
              </button>
            ))}
            <button type="button" onClick={() => setModal(null)}>
              {t.cancel}
            </button>
          </div>
        </div>
      )}
      {modal === 'transfer' && current && (
        <div className="modal-back" role="dialog" aria-modal="true">
          <div className="modal">
            <h3>
              {t.transferTo} — {current.number}
            </h3>
            <div>{t.toService}</div>
            <div className="chips">
              {(services.data ?? []).filter((x) => x.active).map((x) => (
                <button type="button" key={x.id} onClick={() => { setModal(null); void run(() => call('transfer', { params: { id: current.id }, body: { serviceId: x.id } })); }}>
                  {pick(x.nameVi, x.nameEn)}
                </button>
              ))}
            </div>
            <div>{t.toCounterLabel}</div>
            <div className="chips">
              {(counters.data ?? []).filter((c) => c.id !== counterId).map((c) => (
                <button type="button" key={c.id} data-transfer-counter={c.number} className={c.status === 'closed' ? 'unavailable' : ''} onClick={() => { setModal(null); void run(() => call('transfer', { params: { id: current.id }, body: { counterId: c.id } })); }}>
                  {c.name}
                  {c.status === 'closed' ? ` · ${t.counterClosed}` : c.status === 'paused' ? ` · ${t.counterPaused}` : ''}
                </button>
              ))}
            </div>
            <button type="button" onClick={() => setModal(null)}>
              {t.cancel}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/**
 * The host says whether "Bỏ qua" is open and, if not, in how many seconds from its answer; the
 * screen counts that down on its own clock (the PC's clock may differ from the host's) and asks
 * again when it runs out, besides the host's own push.
 */
function useSkipCountdown(skip: SkipReadiness | null, now: number, reload: () => void): { ready: boolean; waiting: boolean; left: number } {
  const [heard, setHeard] = useState<{ skip: SkipReadiness | null; at: number }>({ skip: null, at: 0 });
  if (heard.skip !== skip) setHeard({ skip, at: Date.now() });
  // `now` ticks once a second and may be a little older than the answer: never count up.
  const left = skip && !skip.ready ? Math.max(0, skip.inSeconds - Math.floor(Math.max(0, now - heard.at) / 1000)) : 0;
  const over = !!skip && !skip.ready && left === 0;
  useEffect(() => {
    if (over) reload();
  }, [over, reload]);
  return { ready: !!skip?.ready, waiting: !!skip && !skip.ready, left };
}

function TicketList({ title, tickets, action, onAction }: { title: string; tickets: Ticket[]; action: string; onAction: (t: Ticket) => void }) {
  if (tickets.length === 0) return null;
  return (
    <div className="panel">
      <h2>{title}</h2>
      <ul className="list">
        {tickets.map((q) => (
          <li key={q.id}>
            <span className="n">{q.number}</span>
            <button type="button" className="btn-secondary" onClick={() => onAction(q)}>
              {action}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The counter's next tickets by service, each service's in call order, the service called next
 * first: every service the counter serves keeps a visible share of the list, however long one line
 * is. The host sends only the first 50, so this stays small.
 */
function groupByService<T extends { serviceId: number }>(tickets: T[]): [number, T[]][] {
  const groups = new Map<number, T[]>();
  for (const t of tickets) {
    const g = groups.get(t.serviceId);
    if (g) g.push(t);
    else groups.set(t.serviceId, [t]);
  }
  return [...groups];
}

/**
 * The host's clock as of now: its time at the last answer plus what this PC's clock has run since.
 * The PC's own clock may be minutes off; a wait read from it would be too.
 */
function useHostClock(hostAt: number | undefined, now: number): number {
  const [heard, setHeard] = useState<{ hostAt: number | undefined; at: number }>({ hostAt: undefined, at: 0 });
  if (heard.hostAt !== hostAt) setHeard({ hostAt, at: Date.now() });
  return hostAt === undefined ? now : hostAt + Math.max(0, now - heard.at);
}
