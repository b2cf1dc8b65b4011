import { useCallback, useEffect, useState } from 'react';
import type { IssuedTicket, ServiceStatus, TicketStatus } from '../../shared/api/schemas';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { AdminExit } from '../components/AdminExit';
import { OfflineBanner } from '../components/OfflineBanner';
import { RatingForm } from '../components/RatingForm';
import { useLang } from '../i18n';
import { formatClock } from '../time';
import { useIdle, useNow } from '../useNow';
import { RateLookup } from './RateLookup';
import { useTicketScanner } from './scannerInput';
import { TicketResult } from './TicketResult';

type Step =
  | { kind: 'home' }
  | { kind: 'priority'; service: ServiceStatus }
  | { kind: 'result'; ticket: IssuedTicket; priorityLabel: string | null }
  | { kind: 'rate-lookup' }
  | { kind: 'rate-form'; status: TicketStatus }
  | { kind: 'message'; text: string };

const params = new URLSearchParams(location.search);
const IDLE_OVERRIDE_MS = params.get('idle') ? Number(params.get('idle')) * 1000 : null;
const KIOSK_ID = params.get('kiosk') ?? undefined;
const ASK_PRIORITY = params.get('priority') !== '0';

export function KioskApp() {
  const { t, pick, lang, setLang } = useLang();
  const now = useNow(10_000);
  const [step, setStep] = useState<Step>({ kind: 'home' });
  const [error, setError] = useState<string | null>(null);
  // services.changed: the host's timer saw a service open or close by its hours (07:30, 11:30…).
  const services = useQuery('listServices', {}, (m) => m.type.startsWith('ticket.') || m.type.startsWith('counter.') || m.type === 'config.changed' || m.type === 'services.changed' || m.type === 'day.closed');
  const config = useQuery('config', {}, (m) => m.type === 'config.changed');
  const printer = useQuery('printerStatus', {}, (m) => m.type === 'printer.status');

  const home = useCallback(() => {
    setStep({ kind: 'home' });
    setError(null);
    setLang('vi');
  }, [setLang]);
  useIdle(IDLE_OVERRIDE_MS ?? (config.data?.kioskIdleSeconds ?? 30) * 1000, home, step.kind !== 'home' || lang !== 'vi');

  useEffect(() => {
    const block = (e: Event) => e.preventDefault();
    window.addEventListener('contextmenu', block);
    return () => window.removeEventListener('contextmenu', block);
  }, []);

  useTicketScanner(async (id) => {
    try {
      const s = await call('getTicket', { params: { id } });
      if (s.canRate) setStep({ kind: 'rate-form', status: s });
      else setStep({ kind: 'message', text: s.rated ? t.alreadyRated : t.notRatable });
    } catch {
      setStep({ kind: 'message', text: t.notFound });
    }
  });

  const issue = async (service: ServiceStatus, priority: string | null) => {
    setError(null);
    try {
      const ticket = await call('issueTicket', { body: { serviceId: service.id, priority, kioskId: KIOSK_ID } });
      const group = config.data?.priorityGroups.find((g) => g.code === priority);
      setStep({ kind: 'result', ticket, priorityLabel: group ? pick(group.vi, group.en) : null });
    } catch (e) {
      setError((e as Error).message);
      setStep({ kind: 'home' });
    }
  };

  const choose = (s: ServiceStatus) => {
    if (!s.openNow) return;
    if (ASK_PRIORITY && (config.data?.priorityGroups.length ?? 0) > 0) setStep({ kind: 'priority', service: s });
    else void issue(s, null);
  };

  const closedNote = (s: ServiceStatus) =>
    s.closedReason === 'quota' || s.closedReason === 'range' ? t.full : s.closedReason === 'inactive' ? t.inactive : `${t.closed}${s.hoursToday ? ` · ${t.closedHours}: ${s.hoursToday}` : ''}`;

  return (
    <div className="kiosk touch-screen">
      <div className="topbar">
        {config.data?.office.logo && <img className="logo" src={config.data.office.logo} alt="" />}
        <div style={{ flex: 1 }}>
          <h1>{config.data ? pick(config.data.office.name, config.data.office.nameEn) : t.appName}</h1>
          <div className="sub">{t.welcome}</div>
        </div>
        <div style={{ fontSize: 34, fontWeight: 800 }}>{formatClock(now)}</div>
      </div>
      <AdminExit />
      <OfflineBanner />
      {printer.data?.configured && !printer.data.ready && (
        <div className="offline-banner" style={{ background: '#b26a00' }} role="status" data-testid="printer-banner">
          {printer.data.message} — {t.noPrinter}
        </div>
      )}
      <main>
        {error && <div className="error-banner" role="alert">{error}</div>}
        {step.kind === 'home' && (
          <>
            <h2>{t.chooseService}</h2>
            <div className="tiles">
              {(services.data ?? []).filter((s) => s.active || s.closedReason).map((s) => (
                <button type="button" key={s.id} className={`tile${s.openNow ? '' : ' closed'}`} onClick={() => choose(s)} aria-disabled={!s.openNow} data-service={s.code}>
                  <span className="prefix">{s.prefix}</span>
                  <span className="name">{pick(s.nameVi, s.nameEn)}</span>
                  {s.openNow ? (
                    <span className="meta">
                      {t.waiting}: <b>{s.waiting}</b> {t.people} · {t.etaAbout} <b>{s.etaMinutes}</b> {t.minutes}
                    </span>
                  ) : (
                    <span className="closed-note">{closedNote(s)}</span>
                  )}
                </button>
              ))}
            </div>
          </>
        )}
        {step.kind === 'priority' && (
          <>
            <h2>{t.priorityQuestion}</h2>
            <div className="priority-list">
              <button type="button" className="none" onClick={() => issue(step.service, null)}>
                {t.noPriority}
              </button>
              {(config.data?.priorityGroups ?? []).map((g) => (
                <button type="button" key={g.code} onClick={() => issue(step.service, g.code)} data-priority={g.code}>
                  {pick(g.vi, g.en)}
                </button>
              ))}
            </div>
          </>
        )}
        {step.kind === 'result' && <TicketResult ticket={step.ticket} priorityLabel={step.priorityLabel} onDone={home} />}
        {step.kind === 'rate-lookup' && (
          <RateLookup prefixes={[...new Set((services.data ?? []).map((s) => s.prefix))]} onFound={(status) => setStep({ kind: 'rate-form', status })} />
        )}
        {step.kind === 'rate-form' && config.data && (
          <RatingForm
            ticketId={step.status.id}
            levels={config.data.ratingLevels}
            reasons={config.data.ratingReasons}
            source="kiosk"
            keyboard
            heading={`${t.rateTitle} — ${t.number} ${step.status.number}`}
            onDone={(r) => setStep({ kind: 'message', text: r === 'already' ? t.alreadyRated : t.thanks })}
          />
        )}
        {step.kind === 'message' && (
          <div className="thanks" role="status">
            {step.text}
          </div>
        )}
      </main>
      <div className="kiosk-footer">
        {step.kind === 'home' ? (
          <button type="button" className="btn-secondary" onClick={() => setStep({ kind: 'rate-lookup' })}>
            ★ {t.rate}
          </button>
        ) : (
          <button type="button" className="btn-secondary" onClick={home}>
            ← {t.back}
          </button>
        )}
        {(config.data?.languages ?? ['vi', 'en']).includes('en') && (
          <button type="button" className="btn-secondary" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')} data-testid="lang">
            {t.language}
          </button>
        )}
      </div>
    </div>
  );
}
