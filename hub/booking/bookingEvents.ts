import type pg from 'pg';
import { normalizeBookingCode } from '../../shared/bookingProtocol';
import type { BookingState } from '../../shared/bookingProtocol';
import type { HubEvent } from '../../shared/hubProtocol';

/** What each of the office's booking events makes of the hub's copy ('booking.created' is a staff booking the hub never held). */
const NEXT_STATE: Partial<Record<string, BookingState>> = {
  'booking.checked_in': 'checkedIn',
  'booking.check_in_undone': 'booked',
  'booking.missed': 'missed',
  'booking.cancelled': 'cancelled',
};

/**
 * Applies the office's `booking.*` events to the hub's bookings, in the batch's transaction and in
 * the batch's order: the office is the authority for check-in, no-shows and cancelling at its kiosk.
 * Only this office's own bookings move; an unknown code (a staff booking, a code the hub never made)
 * is passed over. A booking leaving or re-entering `cancelled` gives back or takes its slot place.
 * The office's own changes are not pulled back by it, so they take no change sequence.
 */
export async function applyBookingEvents(c: pg.PoolClient, officeId: string, events: readonly HubEvent[]): Promise<number> {
  let applied = 0;
  for (const e of events) {
    const next = NEXT_STATE[e.type];
    const code = typeof e.payload.code === 'string' ? normalizeBookingCode(e.payload.code) : null;
    if (!next || !code) continue;
    const late = next === 'checkedIn' && e.payload.late === true;
    const r = await c.query<{ was: string; service_id: number; slot_start: string }>(
      `UPDATE bookings b SET state = $3, late = $4, changed_at = $5 FROM (SELECT code, state AS was FROM bookings WHERE office_id = $1 AND code = $2 FOR UPDATE) old
       WHERE b.code = old.code RETURNING old.was, b.service_id, b.slot_start`,
      [officeId, code, next, late, e.at],
    );
    const row = r.rows[0];
    if (!row) continue;
    applied++;
    const delta = row.was === 'cancelled' && next !== 'cancelled' ? 1 : row.was !== 'cancelled' && next === 'cancelled' ? -1 : 0;
    if (delta !== 0) {
      await c.query('UPDATE booking_slots SET taken = greatest(0, taken + $4) WHERE office_id = $1 AND service_id = $2 AND start_at = $3', [officeId, row.service_id, row.slot_start, delta]);
    }
  }
  return applied;
}
