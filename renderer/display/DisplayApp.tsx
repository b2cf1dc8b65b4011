import { useEffect, useRef, useState } from 'react';
import type { QueueEvent } from '../../shared/api/events';
import { useEvents, useQuery } from '../api/hooks';
import { AdminExit } from '../components/AdminExit';
import { OfflineBanner } from '../components/OfflineBanner';
import { dictFor, useLang } from '../i18n';
import { loadPack } from '../components/LangChoice';
import type { Dict } from '../i18n';
import { reopenText } from '../reopenText';
import { formatDate, formatTime } from '../time';
import { useNow } from '../useNow';
import { announcerFor } from './announce';
import { FitPages } from './FitPages';
import { CounterGrid, RecentColumn, WaitingPages } from './HallGrid';
import { useSpeakerReport } from './useSpeakerReport';
import '../styles/zones.css';

const FLASH_MS = 10_000;
/** Beyond this many counters (a centre's floor) the table becomes a grid of cells, all on screen. */
const MAX_TABLE_ROWS = 10;
/** Beyond this many services the waiting list names only those with someone waiting. */
const MAX_WAITING_ITEMS = 12;
const params = new URLSearchParams(location.search);
const SPEAKER = params.get('speaker') !== '0';
/**
 * `?zone=`: this screen and its speaker serve one zone (floor, hall); without it, the whole office.
 * A display enrolled for a zone serves that zone whatever the URL says: the host decides
 * (shared/screenZone.ts) and its answer names the zone, which is what the screen and speaker follow.
 */
const URL_ZONE = params.get('zone') && Number(params.get('zone')) > 0 ? Number(params.get('zone')) : null;
const DISPLAY_INPUT = URL_ZONE === null ? {} : { query: { zone: URL_ZONE } };
/** `?lang=`: a display in English or in a pack turned on for displays, instead of Vietnamese first. */
const URL_LANG = params.get('lang');

interface Flash {
  seq: number;
  ticketId: string;
  number: string;
  counterNumber: number;
}

export function DisplayApp() {
  const { t, pick, lang, setLang } = useLang();
  const now = useNow(1000);
  // The hall's TV has no language button: where the office offers English, every label carries
  // its English line under the Vietnamese one (names of services and the office too).
  const config = useQuery('config', {}, (m) => m.type === 'config.changed');
  // An office pack turned on for displays takes English's place on the second line (#31); the
  // office's own names (services, office) exist only in Vietnamese and English, so they drop it.
  const displayPacks = (config.data?.languagePacks ?? []).filter((p) => p.screens.includes('display'));
  const displayPack = displayPacks[0] ?? null;
  const [packReady, setPackReady] = useState<string | null>(null);
  useEffect(() => {
    if (!displayPack) return setPackReady(null);
    let live = true;
    void loadPack(displayPack.code, displayPack.dir).then((ok) => live && setPackReady(ok ? displayPack.code : null));
    return () => {
      live = false;
    };
  }, [displayPack?.code, displayPack?.dir]);
  useEffect(() => {
    if (!URL_LANG || URL_LANG === lang) return;
    if (URL_LANG === 'en' || URL_LANG === 'vi') return setLang(URL_LANG);
    const p = displayPacks.find((x) => x.code === URL_LANG);
    if (p) void loadPack(p.code, p.dir).then((ok) => ok && setLang(p.code));
  }, [config.data, lang, setLang]);
  const secondCode = packReady ?? (config.data?.languages.includes('en') ? 'en' : null);
  const bilingual = lang === 'vi' && secondCode !== null;
  const ownNames = bilingual && secondCode === 'en';
  const second = dictFor(secondCode ?? 'en');
  const both = (k: keyof Dict) => (
    <>
      {t[k]}
      {bilingual && second[k] !== t[k] && <span className="en">{second[k]}</span>}
    </>
  );
  // services.changed: the host's clock opened or closed services (lunch, evening), so "reopens" moved.
  const display = useQuery('display', DISPLAY_INPUT, (m) => m.type.startsWith('ticket.') || m.type.startsWith('counter.') || m.type === 'config.changed' || m.type === 'day.closed' || m.type === 'services.changed');
  const [flash, setFlash] = useState<Flash | null>(null);
  const flashTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const announcer = useRef(SPEAKER ? announcerFor(location.origin) : null);
  const sound = useSpeakerReport(announcer.current);

  // The zone the host says this screen serves (its enrolled zone, else `?zone=`), once it has answered.
  const zone = display.data ? (display.data.zone?.id ?? null) : URL_ZONE;
  // The zone's counters, for telling this zone's calls from the others' before the refetch.
  const zoneCounters = useRef<Set<number> | null>(null);
  zoneCounters.current = zone === null ? null : new Set((display.data?.counters ?? []).map((c) => c.id));

  useEvents((m) => {
    if (m.type === 'announce') {
      // Another zone's call is spoken by that zone's speaker only.
      if (zone !== null && m.zoneId !== null && m.zoneId !== undefined && m.zoneId !== zone) return;
      void announcer.current?.enqueue(m);
      return;
    }
    if (m.type !== 'ticket.called' && m.type !== 'ticket.recalled') return;
    const e = m as QueueEvent;
    if (!e.ticket || !e.counter) return;
    if (zoneCounters.current && !zoneCounters.current.has(e.counter.id)) return;
    // Shown from the event itself, before the refetch, so the hall sees the call at once.
    setFlash({ seq: e.seq, ticketId: e.ticket.id, number: e.ticket.number, counterNumber: e.counter.number });
    if (flashTimer.current) clearTimeout(flashTimer.current);
    flashTimer.current = setTimeout(() => setFlash(null), FLASH_MS);
  });

  useEffect(() => {
    const block = (e: Event) => e.preventDefault();
    window.addEventListener('contextmenu', block);
    return () => window.removeEventListener('contextmenu', block);
  }, []);

  const d = display.data;
  // The call is shown from its event at once; once the host's state has caught up with that event,
  // the host's word wins, so a citizen parked or finished since is no longer "now calling".
  const early = flash && (!d || d.lastEventSeq < flash.seq) ? flash : null;
  const latest = early ?? d?.nowCalling ?? null;
  const flashing = flash !== null && latest?.ticketId === flash.ticketId;
  // A centre's hall: more counters than a table holds, so a grid, and its departments' lines.
  const hall = (d?.counters.length ?? 0) > MAX_TABLE_ROWS;
  const byGroup = d?.waiting.some((w) => w.id.startsWith('g')) ?? false;

  return (
    <div className={`display touch-screen${hall ? ' hall' : ''}`}>
      {sound === 'blocked' && (
        // The browser holds the sound until a touch (its autoplay rule): say so where the hall sees it.
        <div className="sound-blocked" role="alert" data-testid="sound-blocked">
          {both('soundBlocked')}
        </div>
      )}
      <header>
        <h1 style={{ display: 'flex', alignItems: 'center', gap: '1vw' }}>
          {d?.office.logo && <img className="logo" src={d.office.logo} alt="" />}
          <span>
            {d ? pick(d.office.name, d.office.nameEn) : t.appName}
            {ownNames && d?.office.nameEn && <span className="en">{d.office.nameEn}</span>}
          </span>
          {d?.zone && d.zoneCount > 1 && (
            <span className="zone-name" data-testid="display-zone">
              {pick(d.zone.nameVi, d.zone.nameEn)}
            </span>
          )}
        </h1>
        <div className="clock">
          {formatTime(now, lang)}
          <div className="date">{formatDate(now, lang)}</div>
        </div>
      </header>
      <div className="body">
        <section className={`now${flashing ? ' flash' : ''}`} aria-live="assertive" key={flashing ? flash.seq : 0}>
          {latest ? (
            <>
              <div className="label">{both('nowCalling')}</div>
              <div className="number" data-testid="now-number">
                {latest.number}
              </div>
              <div className="to" data-testid="now-counter">
                {t.toCounter} {t.counter} {latest.counterNumber}
                {bilingual && <span className="en">{`${second.toCounter} ${second.counter} ${latest.counterNumber}`}</span>}
              </div>
            </>
          ) : (
            <>
              <div className="label">{both('welcome')}</div>
              {d?.reopens && (
                <div className="to" data-testid="display-reopens">
                  {reopenText(t, d.reopens)}
                  {bilingual && <span className="en">{reopenText(second, d.reopens)}</span>}
                </div>
              )}
            </>
          )}
        </section>
        <section className="side">
          {hall && d ? (
            <>
              <CounterGrid d={d} now={now} heading={
                  <>
                    <span className="part">{both('counter')}</span>
                    <span className="arrow">→</span>
                    <span className="part">{both('servingNow')}</span>
                  </>
                } />
              <WaitingPages d={d} now={now} bilingual={ownNames} heading={<span className="part">{both(byGroup ? 'waitingByGroup' : 'waitingByService')}</span>} />
            </>
          ) : (
            <>
              <div>
                <table>
                  <thead>
                    <tr>
                      <th>{both('counter')}</th>
                      <th>{both('number')}</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {(d?.counters ?? []).map((c) => (
                      <tr key={c.id} data-counter={c.number}>
                        <td>{c.name}</td>
                        <td className="num">{c.current?.number ?? '—'}</td>
                        <td className="muted">{c.status === 'closed' ? both('counterClosed') : c.status === 'paused' ? both('counterPaused') : c.officerName ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="side-block">
                <h2>{both('recentCalls')}</h2>
                <FitPages
                  className="recent-list"
                  testId="recent-calls"
                  now={now}
                  turn={false}
                  items={(d?.recentCalls ?? []).map((c) => ({
                    key: `${c.ticketId}|${c.counterNumber}`,
                    node: (
                      <span data-number={c.number}>
                        <b>{c.number}</b> → {t.counter} {c.counterNumber}
                      </span>
                    ),
                  }))}
                />
              </div>
              <div className="side-block fill">
                <h2>{both('waitingByService')}</h2>
                <FitPages
                  className="waiting-list"
                  testId="waiting-by-service"
                  now={now}
                  turn
                  items={(d?.waiting ?? [])
                    .filter((w, _i, all) => all.length <= MAX_WAITING_ITEMS || w.waiting > 0)
                    .map((w) => ({
                      key: `${w.id}|${w.waiting}|${lang}|${bilingual}`,
                      node: (
                        <span data-waiting={w.id}>
                          {pick(w.nameVi, w.nameEn)}: <b>{w.waiting}</b>
                          {ownNames && w.nameEn && <span className="en">{w.nameEn}</span>}
                        </span>
                      ),
                    }))}
                />
              </div>
            </>
          )}
        </section>
        {hall && d && <RecentColumn d={d} heading={<span className="part">{both('recentCalls')}</span>} />}
      </div>
      <div className="marquee">
        <span>{d?.office.marquee ?? ''}</span>
      </div>
      <AdminExit />
      <OfflineBanner />
    </div>
  );
}
