import { useCallback, useEffect, useState } from 'react';
import type { BookingCheckedIn, CheckinAnswer, IssuedTicket, ServiceStatus, TicketStatus } from '../../shared/api/schemas';
import { BookingCancel } from './BookingCancel';
import { AppointmentNote } from './AppointmentNote';
import { call } from '../api/client';
import { useActionError, useHostReachable, useQuery } from '../api/hooks';
import { AdminExit } from '../components/AdminExit';
import { OfflineBanner } from '../components/OfflineBanner';
import { RatingForm } from '../components/RatingForm';
import { ServiceIcon } from '../components/ServiceIcon';
import { dataLang, errorText, fmt, printerStatusText, useLang } from '../i18n';
import { screenZone } from '../../shared/screenZone';
import { documentsFor } from '../../shared/serviceDocuments';
import { reopenText } from '../reopenText';
import { formatClock } from '../time';
import { useIdle, useNow } from '../useNow';
import { AccessibilityPanel } from './AccessibilityPanel';
import { CallStaffStatus, useKioskHelp } from './CallStaff';
import type { KioskAccess } from './AccessibilityPanel';
import { HostDownNotice } from './HostDownNotice';
import { useIdleWarning } from './useIdleWarning';
import { useSpokenGuidance } from './useSpokenGuidance';
import { guidanceStep } from './guidanceStep';
import { voiceScope } from '../../shared/voiceClips';
import { RateLookup } from './RateLookup';
import { useKioskScanner } from './scannerInput';
import { CheckinPanel } from './CheckinPanel';
import { BROWSE_TOP, DIRECT_MAX, ServicePicker } from './ServicePicker';
import type { Browse } from './ServicePicker';
import { ResultWarmup, TicketResult } from './TicketResult';
import { DocumentsToBring, WhereToGo } from './WhereToGo';
import { LangChoice } from '../components/LangChoice';

/**
 * A scan the citizen is part-way through (#30): the host answered "choose a service". The scan
 * itself is sent again with the choice, so the host reads the card and the kiosk stores nothing;
 * it is forgotten when the ticket is issued or the kiosk starts over.
 */
type PendingCheckin = { scan: string; name: string | null; dossierCode: string | null; priority: string | null };

type Step =
  | { kind: 'home' }
  | { kind: 'priority'; service: ServiceStatus }
  // The host did not answer the request for a number: the choice is kept for one more tap.
  | { kind: 'retry'; service: ServiceStatus; priority: string | null }
  | { kind: 'result'; ticket: IssuedTicket; priorityLabel: string | null; service: ServiceStatus; booking?: BookingCheckedIn }
  | { kind: 'booking-cancel' }
  | { kind: 'rate-lookup' }
  | { kind: 'checkin' }
  | { kind: 'rate-form'; status: TicketStatus }
  // A key, not the words, so switching language re-words what is on screen.
  | { kind: 'message'; text: 'alreadyRated' | 'notRatable' | 'notFound' | 'thanks' };

const params = new URLSearchParams(location.search);
const IDLE_OVERRIDE_MS = params.get('idle') ? Number(params.get('idle')) * 1000 : null;
const KIOSK_ID = params.get('kiosk') ?? undefined;
const ASK_PRIORITY = params.get('priority') !== '0';
/**
 * `?zone=`: the zone the kiosk stands in, for a kiosk enrolled for the whole office (or the host's
 * own window); a kiosk enrolled for a zone stands there whatever the URL says (shared/screenZone.ts).
 */
const URL_ZONE = params.get('zone') ? Number(params.get('zone')) : null;

export function KioskApp() {
  const { t, pick, lang, setLang } = useLang();
  const now = useNow(10_000);
  const [step, setStep] = useState<Step>({ kind: 'home' });
  const [browse, setBrowse] = useState<Browse>(BROWSE_TOP);
  const [checkin, setCheckin] = useState<PendingCheckin | null>(null);
  const [checking, setChecking] = useState(false);
  const failure = useActionError();
  const reachable = useHostReachable();
  // services.changed: the host's timer saw a service open or close by its hours (07:30, 11:30…).
  const services = useQuery('listServices', {}, (m) => m.type === 'eta.changed' || m.type.startsWith('counter.') || m.type === 'config.changed' || m.type === 'services.changed' || m.type === 'day.closed');
  const config = useQuery('config', {}, (m) => m.type === 'config.changed');
  const printer = useQuery('printerStatus', {}, (m) => m.type === 'printer.status');
  const groups = useQuery('listServiceGroups', {}, (m) => m.type === 'config.changed');
  const zones = useQuery('listZones', {}, (m) => m.type === 'config.changed');
  // Re-read on config.changed: the admin moving this kiosk to another zone takes effect at once.
  const device = useQuery('thisDevice', {}, (m) => m.type === 'config.changed');
  // Where the kiosk stands; a kiosk of the whole office counts as standing in the first zone.
  const kioskZoneId = screenZone(device.data?.zoneId, URL_ZONE) ?? zones.data?.[0]?.id ?? null;

  // Large text and high contrast: the office's default for each citizen, changed by the citizen for themselves.
  const defaults: KioskAccess = config.data?.kioskAccess ?? { largeText: false, highContrast: false };
  const [chosenAccess, setAccess] = useState<KioskAccess | null>(null);
  const help = useKioskHelp();
  const access = chosenAccess ?? defaults;
  const home = useCallback(() => {
    setStep({ kind: 'home' });
    setBrowse(BROWSE_TOP);
    setCheckin(null);
    failure.clear();
    setLang('vi');
    setAccess(null);
  }, [setLang, failure.clear]);
  // Someone who asked for large text or contrast gets twice the time before the kiosk starts over,
  // someone listening to the steps three times (each step takes seconds to hear).
  const idleMs = (IDLE_OVERRIDE_MS ?? (config.data?.kioskIdleSeconds ?? 30) * 1000) * (chosenAccess?.speech ? 3 : chosenAccess ? 2 : 1);
  const idleLeft = useIdle(idleMs, home, step.kind !== 'home' || browse.kind !== 'top' || lang !== 'vi' || chosenAccess !== null || checkin !== null);
  const idleUrgent = useIdleWarning(idleLeft);
  const guidance = useSpokenGuidance(
    access.speech === true,
    guidanceStep(step, idleUrgent, reachable),
    // Clips exist in Vietnamese and English; an office pack's language is spoken in Vietnamese.
    dataLang(lang),
    voiceScope(kioskZoneId),
    (services.data ?? []).filter((s) => s.active).map((s) => s.id),
  );

  useEffect(() => {
    const block = (e: Event) => e.preventDefault();
    window.addEventListener('contextmenu', block);
    return () => window.removeEventListener('contextmenu', block);
  }, []);

  const showTicket = (ticket: IssuedTicket, priority: string | null, service: ServiceStatus, booking?: BookingCheckedIn) => {
    const group = config.data?.priorityGroups.find((g) => g.code === priority);
    setCheckin(null);
    setStep({ kind: 'result', ticket, priorityLabel: group ? pick(group.vi, group.en) : null, service, booking });
  };

  /** A scan (or a typed dossier code) at any step: the host says what it is and what comes next. */
  const checkIn = async (scan: string) => {
    failure.clear();
    setChecking(true);
    try {
      const answer: CheckinAnswer = await call('checkin', { body: { scan } });
      setBrowse(BROWSE_TOP);
      if (answer.step === 'ticket') {
        const service = services.data?.find((s) => s.id === answer.ticket.serviceId);
        if (service) showTicket(answer.ticket, answer.ticket.priority, service, answer.booking);
        return;
      }
      setCheckin({ scan, name: answer.name, dossierCode: answer.dossierCode, priority: answer.priority });
      setStep({ kind: 'home' });
    } catch (e) {
      failure.show(e);
      setCheckin(null);
    } finally {
      setChecking(false);
    }
  };

  useKioskScanner({
    onTicketId: async (id) => {
      try {
        const s = await call('getTicket', { params: { id } });
        if (s.canRate) setStep({ kind: 'rate-form', status: s });
        else setStep({ kind: 'message', text: s.rated ? 'alreadyRated' : 'notRatable' });
      } catch {
        setStep({ kind: 'message', text: 'notFound' });
      }
    },
    onScan: (text) => void checkIn(text),
  });

  const issue = async (service: ServiceStatus, priority: string | null) => {
    failure.clear();
    try {
      if (checkin) {
        const answer = await call('checkin', { body: { scan: checkin.scan, serviceId: service.id, priority } });
        if (answer.step === 'ticket') showTicket(answer.ticket, priority, service);
        return;
      }
      const ticket = await call('issueTicket', { body: { serviceId: service.id, priority, kioskId: KIOSK_ID } });
      const group = config.data?.priorityGroups.find((g) => g.code === priority);
      setStep({ kind: 'result', ticket, priorityLabel: group ? pick(group.vi, group.en) : null, service });
    } catch (e) {
      // Lost on the way: the citizen keeps their choice and takes the number once the host is back.
      if ((e as { code?: string }).code === 'NETWORK') setStep({ kind: 'retry', service, priority });
      else {
        failure.show(e);
        setStep({ kind: 'home' });
      }
    }
  };

  const preselected = checkin?.priority ? config.data?.priorityGroups.find((g) => g.code === checkin.priority) : undefined;
  const choose = (s: ServiceStatus) => {
    if (!s.openNow) return;
    // The card answered the priority question (the office's age for "Người cao tuổi"); the citizen
    // saw it above the tiles and could clear it.
    if (preselected) return void issue(s, preselected.code);
    if (ASK_PRIORITY && (config.data?.priorityGroups.length ?? 0) > 0) setStep({ kind: 'priority', service: s });
    else void issue(s, null);
  };

  const shown = (services.data ?? []).filter((s) => s.active || s.closedReason);
  // Outside office hours every tile would say the same thing: say it once, above them.
  const officeClosed = shown.length > 0 && shown.every((s) => s.closedReason === 'hours' || s.closedReason === 'inactive') && shown.some((s) => s.closedReason === 'hours');
  const opening = earliestOpening(shown);
  const hoursTexts = [...new Set(shown.filter((s) => s.closedReason === 'hours').map((s) => s.hoursToday))];
  const closedNote = (s: ServiceStatus) =>
    s.closedReason === 'quota' || s.closedReason === 'range'
      ? t.full
      : s.closedReason === 'inactive'
        ? t.inactive
        : officeClosed
          ? ''
          : s.opensNext?.daysAhead === 0
            ? fmt(t.opensShort, { time: s.opensNext.time })
            : t.closed;

  return (
    <div className={`kiosk touch-screen${access.largeText ? ' a11y-large' : ''}${access.highContrast ? ' a11y-contrast' : ''}`} data-large-text={access.largeText} data-high-contrast={access.highContrast}>
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
          {printerStatusText(t, lang, printer.data)} — {t.noPrinter}
        </div>
      )}
      <main>
        {failure.error && <div className="error-banner" role="alert" data-testid="action-error">{errorText(failure.error, lang)}</div>}
        {step.kind === 'home' && !reachable && <HostDownNotice />}
        {step.kind === 'checkin' && (
          <CheckinPanel onCode={(c) => void checkIn(c)} retentionDays={config.data?.nameRetentionDays ?? 30} busy={checking} onCancelBooking={() => setStep({ kind: 'booking-cancel' })} />
        )}
        {step.kind === 'booking-cancel' && <BookingCancel onDone={home} />}
        {/* Until the groups are read, a centre's procedures would all flash up as one "other" tile. */}
        {step.kind === 'home' && reachable && groups.data !== null && (
          <ServicePicker
            services={shown}
            groups={groups.data}
            browse={browse}
            setBrowse={setBrowse}
            closedNote={closedNote}
            onChoose={choose}
            heading={
              officeClosed ? (
                <div className="closed-banner" role="status" data-testid="closed-banner">
                  <div className="title">{opening ? reopenText(t, opening) : t.closedNow}</div>
                  {hoursTexts.length === 1 && hoursTexts[0] && opening?.daysAhead === 0 && (
                    <div className="hours">
                      {t.todayHours}: {hoursTexts[0]}
                    </div>
                  )}
                </div>
              ) : (
                // Beside the heading in landscape, above it in portrait: the tiles keep the screen's height.
                <div className={`picker-head${checkin ? ' with-checkin' : ''}`}>
                  {checkin && (
                    <div className="checkin-who" role="status" data-testid="checkin-who">
                      <div className="hello">
                        {checkin.name ? fmt(t.checkinHello, { name: checkin.name }) : fmt(t.checkinDossier, { code: checkin.dossierCode ?? '' })}
                      </div>
                      {preselected && (
                        <div className="preselected" data-testid="priority-preselected" data-priority={checkin.priority}>
                          <span>{fmt(t.priorityPreselected, { group: pick(preselected.vi, preselected.en) })}</span>
                          <button type="button" className="btn-secondary" onClick={() => setCheckin({ ...checkin, priority: null })}>
                            {t.priorityUnselect}
                          </button>
                        </div>
                      )}
                      {checkin.name && <p className="kept">{fmt(t.checkinKept, { days: config.data?.nameRetentionDays ?? 30 })}</p>}
                    </div>
                  )}
                  <h2>{checkin ? t.checkinChoose : shown.length > DIRECT_MAX ? t.chooseGroup : t.chooseService}</h2>
                  {!checkin && browse.kind === 'top' && (
                    <button type="button" className="checkin-entry" data-action="checkin" onClick={() => setStep({ kind: 'checkin' })}>
                      <svg viewBox="0 0 64 64" width="56" height="56" aria-hidden="true">
                        <path d="M6 20V6h14M44 6h14v14M58 44v14H44M20 58H6V44" fill="none" stroke="currentColor" strokeWidth="5" />
                        <path d="M18 18h10v10H18zM36 18h10v10H36zM18 36h10v10H18zM36 36h4v4h-4zM42 42h4v4h-4z" fill="currentColor" />
                      </svg>
                      {t.checkinButton}
                    </button>
                  )}
                </div>
              )
            }
          />
        )}
        {(step.kind === 'priority' || step.kind === 'retry') && <ChosenService service={step.service} />}
        {(step.kind === 'priority' || step.kind === 'retry') && !reachable && <HostDownNotice />}
        {step.kind === 'priority' && (
          <>
            <h2>{t.priorityQuestion}</h2>
            <div className={`priority-list${reachable ? '' : ' paused'}`}>
              <button type="button" className="none" disabled={!reachable} onClick={() => issue(step.service, null)}>
                {t.noPriority}
              </button>
              {(config.data?.priorityGroups ?? []).map((g) => (
                <button type="button" key={g.code} disabled={!reachable} onClick={() => issue(step.service, g.code)} data-priority={g.code}>
                  {pick(g.vi, g.en)}
                </button>
              ))}
            </div>
          </>
        )}
        {step.kind === 'retry' && reachable && (
          <div className="issue-retry" role="status" data-testid="issue-retry">
            <div className="note">{t.issueRetryNote}</div>
            <button type="button" className="btn-primary big" data-action="retry-issue" onClick={() => issue(step.service, step.priority)}>
              {t.issueRetry}
            </button>
          </div>
        )}
        {step.kind === 'home' && <ResultWarmup />}
        {step.kind === 'result' && (
          <TicketResult
            ticket={step.ticket}
            priorityLabel={step.priorityLabel}
            onDone={home}
            aside={documentsFor(step.service, dataLang(lang)).length > 0 ? <DocumentsToBring documents={documentsFor(step.service, dataLang(lang))} /> : undefined}
          >
            {step.booking && <AppointmentNote booking={step.booking} />}
            {(zones.data?.length ?? 0) > 1 && <WhereToGo service={step.service} zones={zones.data ?? []} kioskZoneId={kioskZoneId} />}
          </TicketResult>
        )}
        {step.kind === 'rate-lookup' && (
          <RateLookup onFound={(status) => setStep({ kind: 'rate-form', status })} />
        )}
        {step.kind === 'rate-form' && config.data && (
          <RatingForm
            ticketId={step.status.id}
            levels={config.data.ratingLevels}
            reasons={config.data.ratingReasons}
            source="kiosk"
            keyboard
            heading={`${t.rateTitle} — ${t.number} ${step.status.number}`}
            onDone={(r) => setStep({ kind: 'message', text: r === 'already' ? 'alreadyRated' : 'thanks' })}
          />
        )}
        {step.kind === 'message' && (
          <div className="thanks" role="status">
            {t[step.text]}
          </div>
        )}
      </main>
      <CallStaffStatus help={help} />
      <div className="kiosk-footer">
        {step.kind === 'home' && browse.kind !== 'top' ? (
          <button type="button" className="btn-secondary" onClick={() => setBrowse(BROWSE_TOP)}>
            ← {t.back}
          </button>
        ) : step.kind === 'home' && !checkin ? (
          <button type="button" className="btn-secondary" disabled={!reachable} onClick={() => setStep({ kind: 'rate-lookup' })}>
            ★ {t.rate}
          </button>
        ) : (
          <button type="button" className="btn-secondary" onClick={home}>
            ← {t.back}
          </button>
        )}
        {idleLeft !== null && (
          <div className={`idle-countdown${idleUrgent ? ' urgent' : ''}`} role="timer" aria-live={idleUrgent ? 'assertive' : 'off'} data-testid="idle-countdown">
            <b>{fmt(t.idleReturn, { s: idleLeft })}</b>
            <span>{t.idleStay}</span>
          </div>
        )}
        <AccessibilityPanel access={access} onChange={setAccess} help={help} guidance={guidance} />
        <LangChoice screen="kiosk" />
      </div>
    </div>
  );
}

/** The service the citizen chose, restated on the steps after the tiles. */
function ChosenService({ service }: { service: ServiceStatus }) {
  const { t, pick } = useLang();
  return (
    <div className="chosen-service" data-testid="chosen-service">
      <span className="label">{t.chosenService}</span>
      <span className="what">
        <ServiceIcon icon={service.icon} size={40} />
        <span className="prefix">{service.prefix}</span>
        <span className="name">{pick(service.nameVi, service.nameEn)}</span>
      </span>
    </div>
  );
}

/** The soonest a service closed for its hours opens again. */
function earliestOpening(services: ServiceStatus[]): ServiceStatus['opensNext'] {
  let best: ServiceStatus['opensNext'] = null;
  for (const s of services) {
    const o = s.opensNext;
    if (o && (!best || o.daysAhead < best.daysAhead || (o.daysAhead === best.daysAhead && o.time < best.time))) best = o;
  }
  return best;
}
