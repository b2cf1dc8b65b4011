import { fmt, useLang } from '../i18n';
import { appointmentsText } from '../i18nAppointments';
import { formatClock } from '../time';
import type { BookingCheckedIn } from '../../shared/api/schemas';
import '../styles/appointments.css';

/** Under an appointment's number (#30): its slot, or that it came too late and is an ordinary ticket now. */
export function AppointmentNote({ booking }: { booking: BookingCheckedIn }) {
  const { lang } = useLang();
  const a = appointmentsText(lang);
  if (booking.late)
    return (
      <div className="appointment-note late" data-testid="appointment-late" role="status">
        {a.lateNotice}
      </div>
    );
  return (
    <div className="appointment-note" data-testid="appointment-slot">
      {fmt(a.slotOnTicket, { time: formatClock(booking.slotStart) })}
    </div>
  );
}
