import type pg from 'pg';
import type { BookingOffer } from '../../shared/bookingProtocol';

/**
 * Keeps the office's booking offer as it last pushed it, in the batch's transaction. The offer
 * replaces the previous one whole: its slots take the new capacity (bookings already made keep their
 * count), a slot it no longer names takes no new bookings, and an unbooked slot yet to come that it
 * dropped is deleted (one whose time has passed is kept, for the reports' slot use).
 * The same version again writes nothing. Answers the version the hub now holds.
 */
export async function recordBookingOffer(c: pg.PoolClient, officeId: string, offer: BookingOffer, now: number): Promise<number> {
  const held = (await c.query<{ version: number }>('SELECT version FROM booking_offers WHERE office_id = $1 FOR UPDATE', [officeId])).rows[0];
  if (held?.version === offer.version) return held.version;
  // A zone PostgreSQL does not know would place every slot on the wrong day: keep the country's.
  const zone = (await c.query('SELECT 1 FROM pg_timezone_names WHERE name = $1', [offer.timeZone])).rowCount ? offer.timeZone : 'Asia/Ho_Chi_Minh';
  await c.query(
    `INSERT INTO booking_offers (office_id, version, time_zone, services, win, match_key) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (office_id) DO UPDATE SET version = EXCLUDED.version, time_zone = EXCLUDED.time_zone, services = EXCLUDED.services,
       win = EXCLUDED.win, match_key = EXCLUDED.match_key, received_at = now()`,
    [officeId, offer.version, zone, JSON.stringify(offer.services), JSON.stringify(offer.window), offer.matchKey],
  );
  await c.query('INSERT INTO booking_sequences (office_id) VALUES ($1) ON CONFLICT DO NOTHING', [officeId]);
  // One row per (service, start): a repeated slot in the offer keeps its last capacity.
  const slots = new Map(offer.slots.map((s) => [`${s.serviceId}|${s.start}`, s]));
  const list = [...slots.values()];
  // ON CONFLICT locks each slot row, so a booking racing this offer either lands before (and counts
  // against the new capacity) or after (and sees it).
  await c.query(
    `INSERT INTO booking_slots (office_id, service_id, start_at, minutes, business_day, capacity, offered, offer_version)
     SELECT $1, u.service, u.start, u.minutes, (to_timestamp(u.start / 1000.0) AT TIME ZONE $3)::date, u.capacity, true, $2
     FROM unnest($4::int[], $5::bigint[], $6::int[], $7::int[]) AS u(service, start, minutes, capacity)
     ON CONFLICT (office_id, service_id, start_at) DO UPDATE SET minutes = EXCLUDED.minutes, business_day = EXCLUDED.business_day,
       capacity = EXCLUDED.capacity, offered = true, offer_version = EXCLUDED.offer_version`,
    [officeId, offer.version, zone, list.map((s) => s.serviceId), list.map((s) => s.start), list.map((s) => s.minutes), list.map((s) => s.capacity)],
  );
  // A slot past its time stays as it was offered: the reports' slot use counts the places a day had.
  await c.query('DELETE FROM booking_slots WHERE office_id = $1 AND offer_version <> $2 AND taken = 0 AND start_at > $3', [officeId, offer.version, now]);
  await c.query('UPDATE booking_slots SET offered = false WHERE office_id = $1 AND offer_version <> $2 AND offered', [officeId, offer.version]);
  return offer.version;
}

/** The version of the office's offer the hub holds; null when the office has sent none. */
export async function heldOfferVersion(db: pg.Pool, officeId: string): Promise<number | null> {
  return (await db.query<{ version: number }>('SELECT version FROM booking_offers WHERE office_id = $1', [officeId])).rows[0]?.version ?? null;
}
