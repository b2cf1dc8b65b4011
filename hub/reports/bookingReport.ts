import type pg from 'pg';
import type { BookingFigures, BookingReport, BookingReportRow } from '../../shared/hubBookingReport';

const ZERO: BookingFigures = { made: 0, checkedIn: 0, late: 0, missed: 0, cancelled: 0, booked: 0, capacity: 0, taken: 0 };

/**
 * Bookings from home per office and procedure for slots on business days from..to (the office's own
 * days): made, checked in (late among them), missed, cancelled, still booked, and the places offered
 * against those taken. Reads bookings and slots through their (office, business_day) indexes.
 */
export async function bookingReport(db: pg.Pool, q: { from: string; to: string; offices?: string[] }): Promise<BookingReport> {
  const offices = q.offices ?? null;
  const r = await db.query<{ office_id: string; office_name: string; service_id: number; services: { id: number; nameVi: string; nameEn: string }[] | null; made: string; checked_in: string; late: string; missed: string; cancelled: string; booked: string; capacity: string; taken: string }>(
    `WITH b AS (
       SELECT office_id, service_id, count(*) AS made,
         count(*) FILTER (WHERE state = 'checkedIn') AS checked_in, count(*) FILTER (WHERE state = 'checkedIn' AND late) AS late,
         count(*) FILTER (WHERE state = 'missed') AS missed, count(*) FILTER (WHERE state = 'cancelled') AS cancelled,
         count(*) FILTER (WHERE state = 'booked') AS booked
       FROM bookings WHERE business_day BETWEEN $1::date AND $2::date AND ($3::text[] IS NULL OR office_id = ANY($3))
       GROUP BY office_id, service_id),
     s AS (
       SELECT office_id, service_id, sum(capacity) AS capacity, sum(taken) AS taken
       FROM booking_slots WHERE business_day BETWEEN $1::date AND $2::date AND ($3::text[] IS NULL OR office_id = ANY($3))
       GROUP BY office_id, service_id)
     SELECT coalesce(b.office_id, s.office_id) AS office_id, o.name AS office_name, coalesce(b.service_id, s.service_id) AS service_id, bo.services,
       coalesce(b.made, 0) AS made, coalesce(b.checked_in, 0) AS checked_in, coalesce(b.late, 0) AS late, coalesce(b.missed, 0) AS missed,
       coalesce(b.cancelled, 0) AS cancelled, coalesce(b.booked, 0) AS booked, coalesce(s.capacity, 0) AS capacity, coalesce(s.taken, 0) AS taken
     FROM b FULL JOIN s ON s.office_id = b.office_id AND s.service_id = b.service_id
     JOIN offices o ON o.id = coalesce(b.office_id, s.office_id)
     LEFT JOIN booking_offers bo ON bo.office_id = o.id
     ORDER BY o.name, 3`,
    [q.from, q.to, offices],
  );
  const rows: BookingReportRow[] = r.rows.map((x) => {
    const service = x.services?.find((s) => s.id === x.service_id);
    return {
      officeId: x.office_id,
      officeName: x.office_name,
      serviceId: x.service_id,
      serviceVi: service?.nameVi ?? `Thủ tục ${x.service_id}`,
      serviceEn: service?.nameEn || `Procedure ${x.service_id}`,
      made: Number(x.made),
      checkedIn: Number(x.checked_in),
      late: Number(x.late),
      missed: Number(x.missed),
      cancelled: Number(x.cancelled),
      booked: Number(x.booked),
      capacity: Number(x.capacity),
      taken: Number(x.taken),
    };
  });
  const totals = rows.reduce<BookingFigures>((t, x) => ({ made: t.made + x.made, checkedIn: t.checkedIn + x.checkedIn, late: t.late + x.late, missed: t.missed + x.missed, cancelled: t.cancelled + x.cancelled, booked: t.booked + x.booked, capacity: t.capacity + x.capacity, taken: t.taken + x.taken }), { ...ZERO });
  return { query: { from: q.from, to: q.to, offices }, rows, totals };
}
