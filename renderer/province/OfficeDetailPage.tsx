import { useEffect, useState } from 'react';
import { BarChart as EBar, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { boardAlerts } from '../../shared/hubBoard';
import type { BoardRow, HourFigure, HubMe, OfficePage } from '../../shared/hubBoard';
import type { ProvinceDict } from '../i18nProvince';
import { alertText, linkText, waitText } from './BoardPage';
import { hubApi } from './hubApi';
import { InPageLink } from './InPageLink';
import { fmt } from '../i18n';
import { clock, useProvince } from './useProvince';

echarts.use([EBar, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const REFRESH_MS = 10_000;

function HoursChart({ hours, p }: { hours: HourFigure[]; p: ProvinceDict }) {
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  const key = JSON.stringify(hours) + p.officeArrivals;
  useEffect(() => {
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg', height: 280 });
    chart.setOption({
      textStyle: { fontFamily: "'Be Vietnam Pro', sans-serif", fontSize: 13 },
      animation: false,
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: hours.map((h) => `${h.hour}h`) },
      yAxis: [
        { type: 'value', minInterval: 1, name: '' },
        { type: 'value', name: '', splitLine: { show: false } },
      ],
      series: [
        { name: p.officeArrivals, type: 'bar', data: hours.map((h) => h.arrivals), itemStyle: { color: '#0b4f8a' }, label: { show: true, position: 'top' } },
        { name: p.officeMeanWait, type: 'line', yAxisIndex: 1, data: hours.map((h) => h.meanWaitMinutes), itemStyle: { color: '#c62828' } },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [el, key]);
  return <div ref={setEl} role="img" data-testid="hours-chart" aria-label={hours.map((h) => `${h.hour}h: ${h.arrivals}`).join(', ')} style={{ width: '100%', height: 280 }} />;
}

function OfficePicker({ p }: { p: ProvinceDict }) {
  const [rows, setRows] = useState<BoardRow[] | null>(null);
  useEffect(() => {
    hubApi<{ rows: BoardRow[] }>('board').then((b) => setRows(b.rows), () => setRows([]));
  }, []);
  if (!rows) return <div className="hub-center">{p.loading}</div>;
  return (
    <section className="hub-card hub-wide">
      <h2>{p.officeChoose}</h2>
      <ul className="hub-office-list">
        {rows.map((r) => (
          <li key={r.officeId}>
            <InPageLink href={`/hub/office?id=${r.officeId}`}>{r.name}</InPageLink>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The office's clock against the hub's, in words: "nhanh 12 giây", "chậm 3 phút". */
function offsetText(p: ProvinceDict, ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 2) return p.officeClockOk;
  const amount = s < 120 ? fmt(p.secondsShort, { n: s }) : fmt(p.minutesShort, { n: Math.round(s / 60) });
  return fmt(ms > 0 ? p.officeClockAhead : p.officeClockBehind, { t: amount });
}

const stateWord = (p: ProvinceDict, s: string) => p[`state${s.charAt(0).toUpperCase()}${s.slice(1)}` as keyof ProvinceDict] ?? s;

/** One office: its counters now, today's hours, its health history. Refreshed every 10 s. */
export function OfficeDetailPage({ officeId, me }: { officeId: string | null; me: HubMe }) {
  const { p, lang, errorText } = useProvince();
  const [page, setPage] = useState<(OfficePage & { now: number; staleMs: number }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = officeId ?? me.officeId;
  useEffect(() => {
    if (!id) return;
    let stop = false;
    const load = () =>
      hubApi<OfficePage & { now: number; staleMs: number }>(`office?id=${encodeURIComponent(id)}`).then(
        (x) => !stop && (setPage(x), setError(null)),
        (e: unknown) => !stop && setError((e as { code?: string }).code === 'NOT_FOUND' ? p.officeNotFound : errorText(e)),
      );
    void load();
    const t = setInterval(() => void load(), REFRESH_MS);
    return () => {
      stop = true;
      clearInterval(t);
    };
  }, [id]);
  if (!id) return <OfficePicker p={p} />;
  if (error) return <p className="hub-error hub-wide" role="alert" data-testid="office-error">{error}</p>;
  if (!page) return <div className="hub-center">{p.loading}</div>;
  const r = page.row;
  const alerts = boardAlerts(r, page.now, page.staleMs);
  const link = linkText(p, r, page.now, page.staleMs);
  return (
    <section className="hub-office" data-testid="office-page" data-office={r.officeId}>
      <div className="hub-office-head">
        <h2>{r.name}</h2>
        {alerts.length > 0 && <p className="hub-reasons big">{alerts.map((a) => alertText(p, a, r, page.now)).join(' · ')}</p>}
      </div>
      <div className="hub-cards">
        <div className="hub-figure"><span>{p.colWaiting}</span><b data-fig="waiting">{r.waiting}</b></div>
        <div className="hub-figure"><span>{p.colLongest}</span><b>{waitText(p, r.longestWaitMs)}</b></div>
        <div className="hub-figure"><span>{p.colCounters}</span><b>{r.openCounters}</b></div>
        <div className="hub-figure"><span>{p.colServed}</span><b data-fig="served">{r.servedToday}</b></div>
        <div className="hub-figure"><span>{p.colSatisfied}</span><b>{r.satisfiedPct === null ? '—' : `${r.satisfiedPct.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}%`}</b></div>
        <div className={`hub-figure${link.stale ? ' bad' : ''}`}><span>{p.colLink}</span><b className="small">{link.text}</b></div>
      </div>
      <div className="hub-office-grid">
        <div className="hub-card">
          <h3>{p.officeCountersNow}</h3>
          {page.counters.length === 0 ? (
            <p className="hub-muted">{p.officeNoCounters}</p>
          ) : (
            <ul className="hub-counters" data-testid="counters-now">
              {page.counters.map((c) => (
                <li key={`${c.counterId}-${c.number}`}>
                  <b>{c.counterName ?? fmt(p.officeCounter, { n: c.counterId })}</b> {fmt(c.state === 'serving' ? p.officeServing : p.officeCalled, { number: c.number })}
                  {c.officerId !== null && <span className="hub-muted" data-officer={c.officerId}> · {c.officerName ?? fmt(p.officeOfficer, { id: c.officerId })}</span>}
                  <span className="hub-muted"> · {clock(c.since)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="hub-card">
          <h3>{p.officeHours}</h3>
          {page.hours.length === 0 ? <p className="hub-muted">{p.officeNoTickets}</p> : <HoursChart hours={page.hours} p={p} />}
        </div>
        <div className="hub-card" data-testid="office-extras">
          <h3>{p.officeSetup}</h3>
          <p>
            {p.officeClock}: <b>{r.clockOffsetMs === null ? '—' : offsetText(p, r.clockOffsetMs)}</b>
          </p>
          {page.extras ? (
            <>
              <p>
                {p.officeBackup}: <b data-fact="backup">{page.extras.lastBackupAt === null ? p.officeNoBackup : `${clock(page.extras.lastBackupAt, true)} (${fmt(p.officeAgo, { t: waitText(p, Math.max(0, page.now + (r.clockOffsetMs ?? 0) - page.extras.lastBackupAt)) })})`}</b>
              </p>
              <p>
                {p.officeCatalogue}: <b>{page.extras.catalogueVersion === null ? p.officeNoCatalogue : fmt(p.officeCatalogueVersion, { n: page.extras.catalogueVersion })}</b>
              </p>
              {page.extras.devices.length > 0 && (
                <table className="hub-table compact" data-testid="devices">
                  <tbody>
                    {page.extras.devices.map((d) => (
                      <tr key={`${d.kind}-${d.name}`}>
                        <td>{d.name}</td>
                        <td className="hub-muted">{p[`device${d.kind.charAt(0).toUpperCase()}${d.kind.slice(1)}` as keyof ProvinceDict] ?? d.kind}</td>
                        <td>{d.lastSeenAt === null ? p.officeNeverSeen : fmt(p.officeSeen, { time: clock(d.lastSeenAt, true) })}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          ) : (
            <p className="hub-muted">{p.officeNoExtras}</p>
          )}
        </div>
        <div className="hub-card">
          <h3>{p.officeHealthLog}</h3>
          {r.health && (
            <p className="hub-health-now">
              {p.healthDatabase}: {stateWord(p, r.health.database)} · {p.healthDisk}: {stateWord(p, r.health.disk)} · {p.healthPrinters}: {stateWord(p, r.health.printers)} · {p.healthBoards}: {stateWord(p, r.health.boards)}
            </p>
          )}
          {page.healthLog.length === 0 ? (
            <p className="hub-muted">{p.officeHealthNone}</p>
          ) : (
            <table className="hub-table compact" data-testid="health-log">
              <tbody>
                {page.healthLog.map((l) => (
                  <tr key={l.at} className={l.ok ? undefined : 'alert'}>
                    <td>{clock(l.at, true)}</td>
                    <td>{l.summary.split(' · ').map((part) => { const [k, v] = part.split(' '); return `${p[`health${(k ?? '').charAt(0).toUpperCase()}${(k ?? '').slice(1)}` as keyof ProvinceDict] ?? k}: ${stateWord(p, v ?? '')}`; }).join(' · ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </section>
  );
}
