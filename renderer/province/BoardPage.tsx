import { useEffect, useMemo, useState } from 'react';
import { boardAlerts } from '../../shared/hubBoard';
import type { BoardAlert, BoardRow } from '../../shared/hubBoard';
import { fmt } from '../i18n';
import type { ProvinceDict } from '../i18nProvince';
import { InPageLink } from './InPageLink';
import { useBoardFeed } from './useBoardFeed';
import { clock, useProvince } from './useProvince';

type SortKey = 'attention' | 'name' | 'waiting' | 'longest' | 'counters' | 'served' | 'satisfied' | 'link';

/** Each alert's message; `alertText` fills its {n}, {names} or {days}. */
const ALERT_TEXT: Record<BoardAlert, keyof ProvinceDict> = {
  stale: 'alertStale',
  never: 'alertNever',
  database: 'alertDatabase',
  disk: 'alertDisk',
  paper: 'alertPaper',
  printers: 'alertPrinters',
  boards: 'alertBoards',
  silent: 'alertSilent',
  backup: 'alertBackup',
  waiting: 'alertWaiting',
  longWait: 'alertLongWait',
};

const SEVERITY: Record<BoardAlert, number> = { database: 9, stale: 8, never: 7, waiting: 6, longWait: 6, paper: 5, silent: 5, printers: 4, disk: 4, backup: 4, boards: 3 };

export function alertText(p: ProvinceDict, a: BoardAlert, row: BoardRow, hubNow: number): string {
  const days = row.lastBackupAt === null ? 0 : Math.floor((hubNow + (row.clockOffsetMs ?? 0) - row.lastBackupAt) / 86_400_000);
  return fmt(p[ALERT_TEXT[a]], { n: a === 'waiting' ? row.waiting : row.alertWaitMinutes, names: (row.health?.silentDisplays ?? []).join(', ') || '—', days });
}

export function waitText(p: ProvinceDict, ms: number | null): string {
  if (ms === null) return '—';
  const min = Math.floor(ms / 60_000);
  return min < 60 ? fmt(p.minutesShort, { n: min }) : fmt(p.hoursShort, { h: Math.floor(min / 60), m: min % 60 });
}

export function linkText(p: ProvinceDict, row: BoardRow, hubNow: number, staleMs: number): { stale: boolean; text: string } {
  if (row.lastPushAt === null) return { stale: false, text: row.joined ? p.neverPushed : p.notJoined };
  const sameDay = hubNow - row.lastPushAt < 12 * 3600_000;
  const at = clock(row.lastPushAt, !sameDay);
  if (hubNow - row.lastPushAt > staleMs) return { stale: true, text: fmt(p.staleSince, { time: at }) };
  return { stale: false, text: fmt(p.lastPushAt, { time: at }) };
}

/** The live board: every office the user may see, the troubled ones first, live over the socket. */
export function BoardPage() {
  const { p, lang } = useProvince();
  const feed = useBoardFeed();
  const [tick, setTick] = useState(Date.now());
  const [filter, setFilter] = useState('');
  const [onlyAlerts, setOnlyAlerts] = useState(false);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'attention', desc: true });
  // Staleness moves with time even when nothing arrives.
  useEffect(() => {
    const t = setInterval(() => setTick(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const hubNow = tick + feed.skewMs;

  const rows = useMemo(() => {
    const all = (feed.rows ?? []).map((r) => ({ r, alerts: boardAlerts(r, hubNow, feed.staleMs) }));
    const needle = filter.trim().toLocaleLowerCase('vi');
    const shown = all.filter((x) => (!needle || x.r.name.toLocaleLowerCase('vi').includes(needle)) && (!onlyAlerts || x.alerts.length > 0));
    const value = (x: (typeof all)[number]): number | string => {
      switch (sort.key) {
        case 'attention':
          return x.alerts.reduce((s, a) => Math.max(s, SEVERITY[a]), 0) * 1e6 + x.r.waiting;
        case 'name':
          return x.r.name;
        case 'waiting':
          return x.r.waiting;
        case 'longest':
          return x.r.longestWaitMs ?? -1;
        case 'counters':
          return x.r.openCounters;
        case 'served':
          return x.r.servedToday;
        case 'satisfied':
          return x.r.satisfiedPct ?? -1;
        case 'link':
          return x.r.lastPushAt ?? 0;
      }
    };
    return shown.sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      const c = typeof va === 'string' ? va.localeCompare(vb as string, 'vi') : va - (vb as number);
      return (sort.desc ? -c : c) || a.r.name.localeCompare(b.r.name, 'vi');
    });
  }, [feed.rows, feed.staleMs, hubNow, filter, onlyAlerts, sort]);

  if (feed.rows === null) return <div className="hub-center">{p.loading}</div>;
  const all = feed.rows;
  const attention = all.filter((r) => boardAlerts(r, hubNow, feed.staleMs).length > 0).length;
  const stale = all.filter((r) => r.lastPushAt !== null && hubNow - r.lastPushAt > feed.staleMs).length;
  const waiting = all.reduce((s, r) => s + r.waiting, 0);
  const head = (key: SortKey, label: string, numeric = true) => (
    <th className={numeric ? 'num' : undefined} aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : undefined}>
      <button type="button" data-sort={key} onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key !== 'name' }))}>
        {label}
        {sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
  return (
    <section className="hub-board" data-testid="board">
      <div className="hub-board-bar">
        <span className="hub-pill">{fmt(p.boardOffices, { n: all.length })}</span>
        <span className={`hub-pill${attention ? ' bad' : ''}`} data-testid="attention-count">{fmt(p.boardNeedAttention, { n: attention })}</span>
        <span className={`hub-pill${stale ? ' bad' : ''}`}>{fmt(p.boardStale, { n: stale })}</span>
        <span className="hub-pill">{fmt(p.boardWaitingTotal, { n: waiting })}</span>
        <span className={`hub-live${feed.live ? '' : ' off'}`} data-testid="live" data-live={feed.live ? 'yes' : 'no'}>{feed.live ? p.boardLive : p.boardReconnecting}</span>
        <input className="hub-filter" placeholder={p.filterName} aria-label={p.filterName} value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="filter" />
        <label className="hub-check">
          <input type="checkbox" checked={onlyAlerts} onChange={(e) => setOnlyAlerts(e.target.checked)} data-testid="only-alerts" />
          {p.filterAlerts}
        </label>
      </div>
      {all.length === 0 ? (
        <p className="hub-empty">{p.noOffices}</p>
      ) : rows.length === 0 ? (
        <p className="hub-empty">{p.noMatch}</p>
      ) : (
        <div className="hub-table-wrap">
          <table className="hub-table">
            <thead>
              <tr>
                {head('name', p.colOffice, false)}
                {head('waiting', p.colWaiting)}
                {head('longest', p.colLongest)}
                {head('counters', p.colCounters)}
                {head('served', p.colServed)}
                {head('satisfied', p.colSatisfied)}
                {head('link', p.colLink, false)}
                <th>{p.colAttention}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ r, alerts }) => {
                const link = linkText(p, r, hubNow, feed.staleMs);
                return (
                  <tr key={r.officeId} data-office={r.officeId} data-alert={alerts.length ? 'yes' : 'no'} data-stale={link.stale ? 'yes' : 'no'} className={alerts.length ? 'alert' : undefined}>
                    <td className="name">
                      <InPageLink href={`/hub/office?id=${r.officeId}`}>{r.name}</InPageLink>
                    </td>
                    <td className={`num${alerts.includes('waiting') ? ' bad' : ''}`} data-col="waiting">{r.waiting}</td>
                    <td className={`num${alerts.includes('longWait') ? ' bad' : ''}`} data-col="longest">{waitText(p, r.longestWaitMs)}</td>
                    <td className="num" data-col="counters">{r.openCounters}</td>
                    <td className="num" data-col="served">{r.servedToday}</td>
                    <td className="num" data-col="satisfied">{r.satisfiedPct === null ? '—' : fmt(p.ratedOf, { pct: r.satisfiedPct.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'), n: r.ratedToday })}</td>
                    <td data-col="link" className={link.stale ? 'bad' : undefined}>{link.text}</td>
                    <td data-col="reasons" data-testid="reasons" className={alerts.length ? 'bad' : 'hub-muted'}>{alerts.length ? alerts.map((a) => alertText(p, a, r, hubNow)).join(' · ') : p.healthOk}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
