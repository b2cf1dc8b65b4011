import type pg from 'pg';
import { BOOKING_PULL_LIMIT } from '../../shared/bookingProtocol';
import type { BookingPullAnswer } from '../../shared/bookingProtocol';

/**
 * The office's pull: its bookings made or cancelled on the hub after `after`, in change order, at most
 * BOOKING_PULL_LIMIT. A booking the office has since checked in or missed goes back as `booked`: its
 * own changes are its own, the hub tells only what the citizen did.
 */
export async function pullBookings(db: pg.Pool, officeId: string, after: number): Promise<BookingPullAnswer> {
  const r = await db.query<{ code: string; service_id: number; slot_start: string; slot_minutes: number; state: string; created_at: string; id_hash: string | null; id_last4: string | null; change_seq: string }>(
    `SELECT code, service_id, slot_start, slot_minutes, state, created_at, id_hash, id_last4, change_seq FROM bookings
     WHERE office_id = $1 AND change_seq > $2 ORDER BY change_seq LIMIT $3`,
    [officeId, after, BOOKING_PULL_LIMIT + 1],
  );
  const rows = r.rows.slice(0, BOOKING_PULL_LIMIT);
  return {
    bookings: rows.map((b) => ({
      code: b.code,
      serviceId: b.service_id,
      slotStart: Number(b.slot_start),
      slotMinutes: b.slot_minutes,
      state: b.state === 'cancelled' ? 'cancelled' : 'booked',
      createdAt: Number(b.created_at),
      idHash: b.id_hash,
      idLast4: b.id_last4,
      hubSeq: Number(b.change_seq),
    })),
    more: r.rows.length > BOOKING_PULL_LIMIT,
  };
}
