import { useMemo, useState } from 'react';
import type { ReportRow } from '../../shared/api/reportSchemas';
import type { SessionInfo } from '../../shared/api/schemas';
import { satisfactionLevels } from '../../shared/satisfactionLevels';
import { useQuery } from '../api/hooks';
import { AdminLogin, ChangePassword } from '../admin/AdminLogin';
import { LangToggle } from '../components/LangToggle';
import { errorText, fmt, useLang } from '../i18n';
import type { Dict } from '../i18n';
import { BarChart, HeatMap } from './charts';
import { DayField, isoToDmy } from './DayField';
import { AppointmentsReport } from './AppointmentsReport';

const TZ_OFFSET_MS = 7 * 3_600_000;
const day = (ms: number) => new Date(ms + TZ_OFFSET_MS).toISOString().slice(0, 10);
const min = (ms: number | null) => (ms === null ? '—' : (ms / 60_000).toFixed(1));
const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)} %`);

function RowsTable({ t, title, rows, total }: { t: Dict; title: string; rows: ReportRow[]; total: ReportRow }) {
  return (
    // Focusable and named: a table wider than a zoomed window scrolls by keyboard too (WCAG 2.1.1).
    <div className="panel report-table" tabIndex={0} role="region" aria-label={title}>
      <h2>{title}</h2>
      <table>
        <thead>
          <tr>
            {[t.colName, t.colIssued, t.colServed, t.colNoShows, t.colTransferred, t.colCancelled].map((h) => (
              <th key={h}>{h}</th>
            ))}
            <th title={t.reportExpiredHint}>{t.reportExpired}</th>
            {[t.colWait, t.colService, t.colRatings, t.colSatisfied].map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...rows, total].map((r, i) => (
            <tr key={`${r.id}-${i}`} className={i === rows.length ? 'total' : ''}>
              <td>{i === rows.length ? t.total : r.name}</td>
              <td>{r.issued}</td>
              <td>{r.served}</td>
              <td>{r.noShows}</td>
              <td>{r.transferred}</td>
              <td>{r.cancelled}</td>
              <td>{r.expired}</td>
              <td>
                {min(r.wait.meanMs)} / {min(r.wait.medianMs)} / {min(r.wait.p90Ms)} / {min(r.wait.maxMs)}
              </td>
              <td>
                {min(r.service.meanMs)} / {min(r.service.medianMs)} / {min(r.service.p90Ms)} / {min(r.service.maxMs)}
              </td>
              <td>{r.ratings}</td>
              <td>{pct(r.percentSatisfied)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Reports are the administrator's: an officer's browser is told so and offered the admin sign-in. */
export function ReportsApp() {
  const session = useQuery('session', {}, () => false);
  const [step, setStep] = useState<'session' | 'login' | 'change' | 'ready'>('session');
  if (step === 'login') return <AdminLogin onSignedIn={(mustChange) => setStep(mustChange ? 'change' : 'ready')} />;
  if (step === 'change') return <ChangePassword onDone={() => setStep('ready')} />;
  if (step === 'ready' || session.data?.kind === 'admin') return <ReportView />;
  if (session.data?.kind === 'staff') return <StaffNotice session={session.data} onAdmin={() => setStep('login')} />;
  if (session.data === null || session.error) return <AdminLogin onSignedIn={(mustChange) => setStep(mustChange ? 'change' : 'ready')} />;
  return null;
}

function StaffNotice({ session, onAdmin }: { session: Extract<SessionInfo, { kind: 'staff' }>; onAdmin: () => void }) {
  const { t } = useLang();
  return (
    <div className="login" data-testid="reports-admin-only">
      <div className="login-head">
        <h2>{t.reports}</h2>
        <LangToggle />
      </div>
      <div className="panel notice">
        <p>
          <b>{t.reportsAdminOnly}</b>
        </p>
        <p>{fmt(t.signedInAsOfficer, { officer: session.officer.name, counter: session.counter.name })}</p>
        <p className="stat">{t.adminSignInNote}</p>
        <div className="modal-actions" style={{ justifyContent: 'flex-start' }}>
          <button type="button" className="btn-primary" onClick={onAdmin} data-action="admin-sign-in">
            {t.adminSignIn}
          </button>
          <a className="btn-secondary link-button" href="/counter">
            {t.counterScreen}
          </a>
        </div>
      </div>
    </div>
  );
}

function ReportView() {
  const { t, lang, pick } = useLang();
  const now = Date.now();
  const [from, setFrom] = useState(day(now - 29 * 86_400_000));
  const [to, setTo] = useState(day(now));
  const [serviceId, setServiceId] = useState('');
  const [counterId, setCounterId] = useState('');
  const [officerId, setOfficerId] = useState('');
  const query = useMemo(
    () => ({ from, to, serviceId: serviceId ? Number(serviceId) : undefined, counterId: counterId ? Number(counterId) : undefined, officerId: officerId ? Number(officerId) : undefined }),
    [from, to, serviceId, counterId, officerId],
  );
  const report = useQuery('reportSummary', { query }, (m) => m.type === 'ticket.finished' || m.type === 'ticket.rated');
  const services = useQuery('listServices', {}, () => false);
  const counters = useQuery('listCounters', {}, () => false);
  const officers = useQuery('listOfficers', {}, () => false);
  const config = useQuery('config', {}, (m) => m.type === 'config.changed');
  const r = report.data;
  const qs = new URLSearchParams([...Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]), ['lang', lang]]).toString();
  const levels = r ? satisfactionLevels(r.satisfaction.byScaleScore, config.data?.ratingLevels) : [];
  const severalScales = new Set(levels.map((l) => l.levels)).size > 1;
  const cards: [string, string, string | number][] = r
    ? [
        ['issued', t.cardIssued, r.totals.issued],
        ['served', t.cardServed, r.totals.served],
        ['noShows', t.cardNoShows, r.totals.noShows],
        ['medianWait', t.cardMedianWait, `${min(r.totals.wait.medianMs)} ${t.minutes}`],
        ['medianService', t.cardMedianService, `${min(r.totals.service.medianMs)} ${t.minutes}`],
        ['satisfied', t.cardSatisfied, pct(r.satisfaction.percentSatisfied)],
        ['response', t.cardResponse, pct(r.satisfaction.responseRate)],
      ]
    : [];
  return (
    <div className="counter-app reports">
      <div className="topbar">
        <h1>
          {t.reports} — {fmt(t.fromTo, { from: isoToDmy(from), to: isoToDmy(to) })}
        </h1>
        <div className="no-print" style={{ display: 'flex', gap: 10 }}>
          <a className="btn-secondary link-button" href={`/api/reports/export.xlsx?${qs}`}>
            {t.exportExcel}
          </a>
          <a className="btn-secondary link-button" href={`/api/reports/export.csv?${qs}`} data-testid="export-csv">
            {t.exportCsv}
          </a>
          <button type="button" className="btn-secondary" onClick={() => window.print()}>
            {t.print}
          </button>
          <LangToggle />
        </div>
      </div>
      <div className="panel no-print report-filters">
        <DayField label={t.dateFrom} value={from} onChange={setFrom} />
        <DayField label={t.dateTo} value={to} onChange={setTo} />
        <select aria-label={t.service} value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
          <option value="">{t.allServices}</option>
          {(services.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {pick(s.nameVi, s.nameEn)}
            </option>
          ))}
        </select>
        <select aria-label={t.counter} value={counterId} onChange={(e) => setCounterId(e.target.value)}>
          <option value="">{t.allCounters}</option>
          {(counters.data ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <select aria-label={t.officer} value={officerId} onChange={(e) => setOfficerId(e.target.value)}>
          <option value="">{t.allOfficers}</option>
          {(officers.data ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      {report.error && (
        <div className="error-banner" style={{ margin: 22 }}>
          {errorText({ message: report.error }, lang)}
        </div>
      )}
      {r && (
        <div style={{ display: 'grid', gap: 18, padding: '0 22px 22px' }}>
          <div className="cards">
            {cards.map(([id, label, value]) => (
              <div className="panel card" key={id}>
                <div className="stat">{label}</div>
                <b data-testid={`card-${id}`}>{value}</b>
              </div>
            ))}
          </div>
          <div className="report-charts">
            <div className="panel">
              <h2>{t.byServiceChart}</h2>
              <BarChart bars={r.byService.map((s) => ({ label: s.name, value: s.issued }))} />
            </div>
            <div className="panel">
              <h2>{fmt(t.satisfactionChart, { n: r.satisfaction.total })}</h2>
              <BarChart
                testId="satisfaction-chart"
                bars={levels.map((l) => ({ label: `${pick(l.vi, l.en)}${severalScales ? ` (${fmt(t.scaleOf, { levels: l.levels })})` : ''}`, value: l.count }))}
              />
              {r.satisfaction.reasons.length > 0 && (
                <div className="stat">
                  {t.reasons}: {r.satisfaction.reasons.map((x) => `${x.label} (${x.count})`).join(' · ')}
                </div>
              )}
            </div>
          </div>
          <div className="panel">
            <h2>{t.heatmapTitle}</h2>
            <HeatMap grid={r.heatmap} weekdays={t.weekdaysShort.split(',')} label={t.heatmapTitle} />
          </div>
          {r.appointments && r.appointments.made > 0 && <AppointmentsReport a={r.appointments} />}
          <RowsTable t={t} title={t.byService} rows={r.byService} total={r.totals} />
          <RowsTable t={t} title={t.byCounter} rows={r.byCounter} total={r.totals} />
          <RowsTable t={t} title={t.byOfficer} rows={r.byOfficer} total={r.totals} />
          {r.satisfaction.comments.length > 0 && (
            <div className="panel">
              <h2>{t.citizenComments}</h2>
              <ul className="list">
                {r.satisfaction.comments.slice(0, 50).map((c, i) => (
                  <li key={i}>
                    <span className="n">{c.number}</span> <span style={{ flex: 1 }}>{c.comment}</span>{' '}
                    <span className="stat">
                      {c.score}/{c.levels}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
