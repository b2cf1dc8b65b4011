import { useMemo, useState } from 'react';
import type { ReportRow } from '../../shared/api/reportSchemas';
import { RATING_LABELS } from '../../shared/labels';
import { useQuery } from '../api/hooks';
import { AdminLogin } from '../admin/AdminLogin';
import { useLang } from '../i18n';
import { BarChart, HeatMap } from './charts';

const TZ_OFFSET_MS = 7 * 3_600_000;
const day = (ms: number) => new Date(ms + TZ_OFFSET_MS).toISOString().slice(0, 10);
const min = (ms: number | null) => (ms === null ? '—' : (ms / 60_000).toFixed(1));
const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)} %`);

function RowsTable({ title, rows, total }: { title: string; rows: ReportRow[]; total: ReportRow }) {
  const { t } = useLang();
  return (
    <div className="panel report-table">
      <h2>{title}</h2>
      <table>
        <thead>
          <tr>
            <th>Tên</th>
            <th>Cấp số</th>
            <th>Đã phục vụ</th>
            <th>Vắng</th>
            <th>Chuyển</th>
            <th>Hủy</th>
            <th title={t.reportExpiredHint}>{t.reportExpired}</th>
            <th>Chờ TB / trung vị / P90 / tối đa (phút)</th>
            <th>Phục vụ TB / trung vị / P90 / tối đa (phút)</th>
            <th>Đánh giá</th>
            <th>Hài lòng</th>
          </tr>
        </thead>
        <tbody>
          {[...rows, total].map((r, i) => (
            <tr key={`${r.id}-${i}`} className={i === rows.length ? 'total' : ''}>
              <td>{r.name}</td>
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

export function ReportsApp() {
  const session = useQuery('session', {}, () => false);
  const [signedIn, setSignedIn] = useState(false);
  if (session.data === null && !signedIn && !session.error) return <AdminLogin onSignedIn={() => setSignedIn(true)} />;
  if (!signedIn && session.data?.kind !== 'admin') return null;
  return <ReportView />;
}

function ReportView() {
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
  const r = report.data;
  const qs = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString();
  const levels = r ? Object.entries(r.satisfaction.byScaleScore) : [];
  return (
    <div className="counter-app reports">
      <div className="topbar">
        <h1>Báo cáo — {from} đến {to}</h1>
        <div className="no-print" style={{ display: 'flex', gap: 10 }}>
          <a className="btn-secondary link-button" href={`/api/reports/export.xlsx?${qs}`}>Xuất Excel</a>
          <a className="btn-secondary link-button" href={`/api/reports/export.csv?${qs}&table=services`}>CSV</a>
          <button type="button" className="btn-secondary" onClick={() => window.print()}>In</button>
        </div>
      </div>
      <div className="panel no-print" style={{ margin: 22, display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'center' }}>
        <label>Từ ngày <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>Đến ngày <input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <select aria-label="Dịch vụ" value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
          <option value="">Tất cả dịch vụ</option>
          {(services.data ?? []).map((s) => <option key={s.id} value={s.id}>{s.nameVi}</option>)}
        </select>
        <select aria-label="Quầy" value={counterId} onChange={(e) => setCounterId(e.target.value)}>
          <option value="">Tất cả quầy</option>
          {(counters.data ?? []).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
        <select aria-label="Cán bộ" value={officerId} onChange={(e) => setOfficerId(e.target.value)}>
          <option value="">Tất cả cán bộ</option>
          {(officers.data ?? []).map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
        </select>
      </div>
      {report.error && <div className="error-banner" style={{ margin: 22 }}>{report.error}</div>}
      {r && (
        <div style={{ display: 'grid', gap: 18, padding: '0 22px 22px' }}>
          <div className="cards">
            {[
              ['Cấp số', r.totals.issued],
              ['Đã phục vụ', r.totals.served],
              ['Vắng mặt', r.totals.noShows],
              ['Chờ trung vị', `${min(r.totals.wait.medianMs)} phút`],
              ['Phục vụ trung vị', `${min(r.totals.service.medianMs)} phút`],
              ['Tỷ lệ hài lòng', pct(r.satisfaction.percentSatisfied)],
              ['Tỷ lệ phản hồi', pct(r.satisfaction.responseRate)],
            ].map(([label, value]) => (
              <div className="panel card" key={String(label)}>
                <div className="stat">{label}</div>
                <b data-testid={`card-${label}`}>{value}</b>
              </div>
            ))}
          </div>
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 18 }}>
            <div className="panel">
              <h2>Số phiếu theo dịch vụ</h2>
              <BarChart bars={r.byService.map((s) => ({ label: s.name, value: s.issued }))} />
            </div>
            <div className="panel">
              <h2>Mức độ hài lòng ({r.satisfaction.total} lượt)</h2>
              <BarChart
                bars={levels.map(([k, n]) => {
                  const [lv, score] = k.split(':').map(Number) as [3 | 4 | 5, number];
                  return { label: RATING_LABELS[lv]?.[lv - score]?.vi ?? k, value: n };
                })}
              />
              {r.satisfaction.reasons.length > 0 && <div className="stat">Lý do: {r.satisfaction.reasons.map((x) => `${x.label} (${x.count})`).join(' · ')}</div>}
            </div>
          </div>
          <div className="panel">
            <h2>Số phiếu theo giờ trong ngày và thứ trong tuần</h2>
            <HeatMap grid={r.heatmap} />
          </div>
          <RowsTable title="Theo dịch vụ" rows={r.byService} total={r.totals} />
          <RowsTable title="Theo quầy" rows={r.byCounter} total={r.totals} />
          <RowsTable title="Theo cán bộ" rows={r.byOfficer} total={r.totals} />
          {r.satisfaction.comments.length > 0 && (
            <div className="panel">
              <h2>Góp ý của công dân</h2>
              <ul className="list">
                {r.satisfaction.comments.slice(0, 50).map((c, i) => (
                  <li key={i}>
                    <span className="n">{c.number}</span> <span style={{ flex: 1 }}>{c.comment}</span> <span className="stat">{c.score}/{c.levels}</span>
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
