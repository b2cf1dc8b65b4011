import { useEffect, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { BoardRow } from '../../shared/hubBoard';
import { PORTAL_LEVEL_LABELS, PORTAL_LEVEL_MAP, PortalLevel } from '../../shared/hubReports';
import type { CrossOfficeReport, DurationFigures, ReportFigures } from '../../shared/hubReports';
import type { ProvinceDict } from '../i18nProvince';
import { DayField } from '../reports/DayField';
import type { BookingReport } from '../../shared/hubBookingReport';
import { hubBookingsText } from '../i18nHubBookings';
import { BookingReportTable } from './BookingReportTable';
import { hubApi } from './hubApi';
import { fmt } from '../i18n';
import { useProvince } from './useProvince';

const isoDay = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
const COUNTS = ['tickets', 'served', 'noShows', 'transferred', 'cancelled', 'expired'] as const;
const LEVELS = PortalLevel.options;
type Tab = 'office' | 'service' | 'officer' | 'bookings';

/** Minutes to one decimal, as the XLSX has them, so the page and the file read the same. */
const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 6000) / 10);

/** One row's figure cells, in the header's order. */
function FigureCells({ f, n }: { f: ReportFigures; n: (v: number | null, digits?: number) => string }) {
  const d = (x: DurationFigures, col: string) =>
    (['meanMs', 'medianMs', 'p90Ms'] as const).map((k) => (
      <td key={`${col}-${k}`} className="num" data-col={`${col}.${k}`}>{n(minutes(x[k]), 1)}</td>
    ));
  const s = f.satisfaction;
  return (
    <>
      {COUNTS.map((c) => (
        <td key={c} className="num" data-col={c}>{n(f[c])}</td>
      ))}
      {d(f.wait, 'wait')}
      {d(f.service, 'service')}
      <td className="num" data-col="ratings">{n(s.count)}</td>
      <td className="num" data-col="meanScore">{s.byScale.length ? s.byScale.map((x) => `${n(Math.round(x.meanScore * 100) / 100, 2)}/${x.levels}`).join('; ') : '—'}</td>
      {LEVELS.map((l) => (
        <td key={l} className="num" data-col={l}>{n(s.portal[l])}</td>
      ))}
    </>
  );
}

function Header({ p, lang, lead }: { p: ProvinceDict; lang: 'vi' | 'en'; lead: ReactNode }) {
  return (
    <thead>
      <tr>
        {lead}
        <th colSpan={COUNTS.length} />
        <th colSpan={3} className="group">{p.reportWait}</th>
        <th colSpan={3} className="group">{p.reportService}</th>
        <th colSpan={2} className="group">{p.reportSatisfaction}</th>
        <th colSpan={3} className="group">{p.reportPortal}</th>
      </tr>
      <tr>
        {COUNTS.map((c) => (
          <th key={c} className="num">{p[`report_${c}`]}</th>
        ))}
        {[0, 1].flatMap((g) => [p.reportMean, p.reportMedian, p.reportP90].map((h) => <th key={`${g}${h}`} className="num">{h}</th>))}
        <th className="num">{p.reportRatings}</th>
        <th className="num">{p.reportMeanScore}</th>
        {LEVELS.map((l) => (
          <th key={l} className="num">{PORTAL_LEVEL_LABELS[l][lang]}</th>
        ))}
      </tr>
    </thead>
  );
}

/** PORTAL_LEVEL_MAP as the page shows it: per scale, which scores land on which of the portal's levels. */
function LevelMap({ p, lang }: { p: ProvinceDict; lang: 'vi' | 'en' }) {
  return (
    <div className="hub-card hub-level-map" data-testid="level-map">
      <h3>{p.reportsMapTitle}</h3>
      <table className="hub-table compact">
        <tbody>
          {Object.entries(PORTAL_LEVEL_MAP).map(([levels, scores]) => (
            <tr key={levels} data-scale={levels}>
              <th scope="row">{fmt(p.reportsMapScale, { n: levels })}</th>
              {LEVELS.map((l) => (
                <td key={l} data-level={l}>
                  <b>{PORTAL_LEVEL_LABELS[l][lang]}</b>:{' '}
                  {Object.entries(scores)
                    .filter(([, to]) => to === l)
                    .map(([score]) => score)
                    .sort((a, b) => Number(b) - Number(a))
                    .join(', ')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hub-muted">{p.reportsMapNote}</p>
    </div>
  );
}

/**
 * The province's cross-office report over a period: per office, per procedure and per officer, with
 * waits, service times and ratings on the national portal's three levels; the same as an XLSX file.
 */
export function ReportsPage() {
  const { p, lang, errorText } = useProvince();
  const [offices, setOffices] = useState<BoardRow[]>([]);
  const [from, setFrom] = useState(isoDay(new Date(Date.now() - 6 * 86_400_000)));
  const [to, setTo] = useState(isoDay(new Date()));
  const [office, setOffice] = useState('');
  const [report, setReport] = useState<CrossOfficeReport | null>(null);
  const [bookings, setBookings] = useState<BookingReport | null>(null);
  const [shownQuery, setShownQuery] = useState('');
  const [tab, setTab] = useState<Tab>('office');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    hubApi<{ rows: BoardRow[] }>('board').then((b) => setOffices(b.rows), () => setOffices([]));
  }, []);
  const show = async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const q = new URLSearchParams({ from, to, ...(office ? { office } : {}) }).toString();
      const [r, b] = await Promise.all([hubApi<CrossOfficeReport>(`reports?${q}`), hubApi<BookingReport>(`reports/bookings?${q}`)]);
      setReport(r);
      setBookings(b);
      setShownQuery(q);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    void show();
  }, []);
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  const n = (v: number | null, digits = 0) => (v === null ? '—' : v.toLocaleString(locale, { maximumFractionDigits: digits }));
  const tabs: [Tab, string][] = [
    ['office', p.reportsByOffice],
    ['service', p.reportsByService],
    ['officer', p.reportsByOfficer],
    ['bookings', hubBookingsText(lang).tab],
  ];
  return (
    <section className="hub-card hub-reports" data-testid="reports">
      <h2>{p.reportsTitle}</h2>
      <form className="hub-inline-form" onSubmit={(e) => void show(e)}>
        <DayField label={p.reportsFrom} value={from} onChange={setFrom} />
        <DayField label={p.reportsTo} value={to} onChange={setTo} />
        <label>
          {p.reportsOffices}
          <select value={office} onChange={(e) => setOffice(e.target.value)} data-field="office">
            <option value="">{p.reportsAll}</option>
            {offices.map((o) => (
              <option key={o.officeId} value={o.officeId}>{o.name}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn-primary" disabled={busy}>{p.reportsShow}</button>
        {/* The file of the report on screen, not of fields changed since: the same query the figures came from. */}
        {report && (
          <a className="btn-secondary hub-download" href={`/hub/api/reports.xlsx?${shownQuery}`} download data-testid="report-xlsx">
            {p.reportsXlsx}
          </a>
        )}
      </form>
      {error && <p className="hub-error" role="alert">{error}</p>}
      {report && (
        <>
          <div className="hub-subtabs" role="tablist">
            {tabs.map(([k, label]) => (
              <button key={k} type="button" role="tab" aria-selected={tab === k} data-group={k} onClick={() => setTab(k)}>
                {label}
              </button>
            ))}
          </div>
          {tab === 'bookings' && bookings && (
            <div className="hub-table-wrap hub-report-wrap">
              <BookingReportTable report={bookings} lang={lang} n={n} />
            </div>
          )}
          <div className="hub-table-wrap hub-report-wrap" hidden={tab === 'bookings'}>
            <table className="hub-table hub-report-table" data-testid="report-table" data-group={tab}>
              {tab === 'office' && (
                <>
                  <Header p={p} lang={lang} lead={<th rowSpan={2}>{p.colOffice}</th>} />
                  <tbody>
                    {report.byOffice.map((r) => (
                      <tr key={r.officeId} data-office={r.officeId}>
                        <td className="name">{r.name}</td>
                        <FigureCells f={r} n={n} />
                      </tr>
                    ))}
                    {report.byOffice.length > 1 && (
                      <tr className="total" data-office="total">
                        <td>{fmt(p.reportsProvince, { n: report.byOffice.length })}</td>
                        <FigureCells f={report.totals} n={n} />
                      </tr>
                    )}
                  </tbody>
                </>
              )}
              {tab === 'service' && (
                <>
                  <Header
                    p={p}
                    lang={lang}
                    lead={
                      <>
                        <th rowSpan={2}>{p.colCode}</th>
                        <th rowSpan={2}>{p.colProcedure}</th>
                        <th rowSpan={2} className="num">{p.colOfficeCount}</th>
                      </>
                    }
                  />
                  <tbody>
                    {report.byService.map((r) => (
                      <tr key={`${r.code ?? ''}|${r.name}`} data-code={r.code ?? ''}>
                        <td>{r.code ?? '—'}</td>
                        <td className="name">{lang === 'en' ? r.nameEn : r.name}</td>
                        <td className="num">{n(r.offices)}</td>
                        <FigureCells f={r} n={n} />
                      </tr>
                    ))}
                  </tbody>
                </>
              )}
              {tab === 'officer' && (
                <>
                  <Header
                    p={p}
                    lang={lang}
                    lead={
                      <>
                        <th rowSpan={2}>{p.colOffice}</th>
                        <th rowSpan={2}>{p.colOfficer}</th>
                      </>
                    }
                  />
                  <tbody>
                    {report.byOfficer.map((r) => (
                      <tr key={`${r.officeId}|${r.officerId}`} data-office={r.officeId} data-officer={r.officerId}>
                        <td>{r.officeName}</td>
                        <td className="name">{r.name}</td>
                        <FigureCells f={r} n={n} />
                      </tr>
                    ))}
                  </tbody>
                </>
              )}
            </table>
            {(tab === 'office' ? report.byOffice : tab === 'service' ? report.byService : report.byOfficer).length === 0 && <p className="hub-muted">{p.reportsEmpty}</p>}
          </div>
          <LevelMap p={p} lang={lang} />
        </>
      )}
      <p className="hub-muted">{p.reportsRules}</p>
    </section>
  );
}
