import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { BoardRow, ReportOfficeRow } from '../../shared/hubBoard';
import { DayField } from '../reports/DayField';
import { hubApi } from './hubApi';
import { useProvince } from './useProvince';

const isoDay = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
const COLUMNS = ['issued', 'served', 'noShows', 'transferred', 'cancelled', 'expired', 'ratings'] as const;

/** The offices' counts over a period, by the office report's rules; one office or all the user may see. */
export function ReportsPage() {
  const { p, lang, errorText } = useProvince();
  const [offices, setOffices] = useState<BoardRow[]>([]);
  const [from, setFrom] = useState(isoDay(new Date(Date.now() - 6 * 86_400_000)));
  const [to, setTo] = useState(isoDay(new Date()));
  const [office, setOffice] = useState('');
  const [rows, setRows] = useState<ReportOfficeRow[] | null>(null);
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
      const q = new URLSearchParams({ from, to, ...(office ? { office } : {}) });
      setRows((await hubApi<{ rows: ReportOfficeRow[] }>(`reports/offices?${q}`)).rows);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    void show();
  }, []);
  const n = (v: number) => v.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  const total = (k: (typeof COLUMNS)[number]) => (rows ?? []).reduce((s, r) => s + r[k], 0);
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
      </form>
      {error && <p className="hub-error" role="alert">{error}</p>}
      {rows && (
        <div className="hub-table-wrap">
          <table className="hub-table" data-testid="report-table">
            <thead>
              <tr>
                <th>{p.colOffice}</th>
                {COLUMNS.map((c) => (
                  <th key={c} className="num">{p[`report_${c}`]}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.officeId} data-office={r.officeId}>
                  <td>{r.name}</td>
                  {COLUMNS.map((c) => (
                    <td key={c} className="num" data-col={c}>{n(r[c])}</td>
                  ))}
                </tr>
              ))}
              {rows.length > 1 && (
                <tr className="total">
                  <td>{p.reportsTotal}</td>
                  {COLUMNS.map((c) => (
                    <td key={c} className="num">{n(total(c))}</td>
                  ))}
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
      <p className="hub-muted">{p.reportsPending}</p>
    </section>
  );
}
