import type { BookingFigures, BookingReport } from '../../shared/hubBookingReport';
import { slotUse } from '../../shared/hubBookingReport';
import { hubBookingsText } from '../i18nHubBookings';

const COLS = ['made', 'checkedIn', 'late', 'missed', 'cancelled', 'booked', 'capacity', 'taken'] as const;

function Cells({ f, n }: { f: BookingFigures; n: (v: number | null, digits?: number) => string }) {
  const use = slotUse(f);
  return (
    <>
      {COLS.map((k) => (
        <td key={k} className="num" data-col={k}>
          {n(f[k])}
        </td>
      ))}
      <td className="num" data-col="use">
        {use === null ? '—' : `${n(use, 1)}%`}
      </td>
    </>
  );
}

/** The reports page's bookings tab: per office and procedure, what became of the bookings from home and how much of the offered places they used. */
export function BookingReportTable({ report, lang, n }: { report: BookingReport; lang: 'vi' | 'en'; n: (v: number | null, digits?: number) => string }) {
  const b = hubBookingsText(lang);
  return (
    <>
      <table className="hub-table hub-report-table" data-testid="booking-report-table">
        <thead>
          <tr>
            <th>{b.colOffice}</th>
            <th>{b.colProcedure}</th>
            {COLS.map((k) => (
              <th key={k} className="num">
                {b[k]}
              </th>
            ))}
            <th className="num">{b.use}</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((r) => (
            <tr key={`${r.officeId}|${r.serviceId}`} data-office={r.officeId} data-service={r.serviceId}>
              <td>{r.officeName}</td>
              <td className="name">{lang === 'en' ? r.serviceEn : r.serviceVi}</td>
              <Cells f={r} n={n} />
            </tr>
          ))}
          {report.rows.length > 1 && (
            <tr className="total" data-office="total">
              <td colSpan={2}>{b.total}</td>
              <Cells f={report.totals} n={n} />
            </tr>
          )}
        </tbody>
      </table>
      {report.rows.length === 0 && <p className="hub-muted">{b.empty}</p>}
      <p className="hub-muted">{b.note}</p>
    </>
  );
}
