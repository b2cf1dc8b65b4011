import { fmt, useLang } from '../i18n';
import { appointmentsText } from '../i18nAppointments';
import type { AppointmentReport } from '../../shared/api/reportSchemas';

/** Appointments in the office report (#30): counts, the two mean waits, and slot use per service. Shown once any booking fell in the range. */
export function AppointmentsReport({ a }: { a: AppointmentReport }) {
  const { lang } = useLang();
  const x = appointmentsText(lang);
  const minutes = (n: number | null) => (n === null ? '—' : fmt(x.reportMinutes, { n: n.toFixed(1) }));
  const cards: [string, string, string | number][] = [
    ['made', x.reportMade, a.made],
    ['fromHub', x.reportFromHub, a.fromHub],
    ['checkedIn', x.reportCheckedIn, a.checkedIn],
    ['late', x.reportLate, a.late],
    ['missed', x.reportMissed, a.missed],
    ['cancelled', x.reportCancelled, a.cancelled],
    ['waitAppointment', x.reportWaitAppointment, minutes(a.meanWaitMinutes.appointment)],
    ['waitWalkIn', x.reportWaitWalkIn, minutes(a.meanWaitMinutes.walkIn)],
  ];
  return (
    <div className="panel report-table" data-testid="appointments-report" tabIndex={0} role="region" aria-label={x.reportTitle}>
      <h2>{x.reportTitle}</h2>
      <div className="cards">
        {cards.map(([id, label, value]) => (
          <div className="card" key={id}>
            <div className="stat">{label}</div>
            <b data-testid={`appt-${id}`}>{value}</b>
          </div>
        ))}
      </div>
      {a.slotUse.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{x.reportSlotUse}</th>
              <th>{x.reportPlaces}</th>
              <th>{x.reportBooked}</th>
              <th>%</th>
            </tr>
          </thead>
          <tbody>
            {a.slotUse.map((s) => (
              <tr key={s.serviceId}>
                <td>{s.name}</td>
                <td>{s.places}</td>
                <td>{s.booked}</td>
                <td>{s.percent === null ? '—' : `${s.percent.toFixed(1)} %`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
