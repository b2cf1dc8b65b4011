import { useEffect, useState } from 'react';
import type { BoardRow } from '../../shared/hubBoard';
import { hubApi } from './hubApi';
import { useProvince } from './useProvince';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The reports across offices: period and offices chosen here; the figures come with the cross-office report. */
export function ReportsPage() {
  const { p } = useProvince();
  const [offices, setOffices] = useState<BoardRow[]>([]);
  const [from, setFrom] = useState(isoDay(new Date(Date.now() - 29 * 86_400_000)));
  const [to, setTo] = useState(isoDay(new Date()));
  const [office, setOffice] = useState('');
  useEffect(() => {
    hubApi<{ rows: BoardRow[] }>('board').then((b) => setOffices(b.rows), () => setOffices([]));
  }, []);
  return (
    <section className="hub-card hub-wide" data-testid="reports">
      <h2>{p.reportsTitle}</h2>
      <form className="hub-inline-form" onSubmit={(e) => e.preventDefault()}>
        <label>
          {p.reportsFrom}
          <input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {p.reportsTo}
          <input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label>
          {p.reportsOffices}
          <select value={office} onChange={(e) => setOffice(e.target.value)}>
            <option value="">{p.reportsAll}</option>
            {offices.map((o) => (
              <option key={o.officeId} value={o.officeId}>{o.name}</option>
            ))}
          </select>
        </label>
      </form>
      <p className="hub-muted">{p.reportsPending}</p>
    </section>
  );
}
