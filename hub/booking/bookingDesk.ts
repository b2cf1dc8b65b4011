import crypto from 'node:crypto';
import type pg from 'pg';
import QRCode from 'qrcode';
import { AppError } from '../../shared/errors';
import { makeBookingCode, normalizeBookingCode } from '../../shared/bookingProtocol';
import type { AppointmentWindow, BookingState } from '../../shared/bookingProtocol';
import type { PublicBooking } from '../../shared/hubBooking';
import { inTransaction } from '../db/inTransaction';
import type { BookingBudgets } from './bookingLimits';
import { idNumberHash, keyedHash } from './hubSecret';

/** How far back a citizen's missed bookings count against booking again. */
export const NO_SHOW_DAYS = 90;

export interface BookRequest {
  officeId: string;
  serviceId: number;
  start: number;
  phone: string | null;
  idNumber: string | null;
  /** The caller's address as the guess budgets charge it. */
  address: string;
}

const QR_OPTIONS = { type: 'svg', margin: 1, errorCorrectionLevel: 'M' } as const;

interface BookingRow {
  code: string;
  office_id: string;
  office_name: string;
  service_id: number;
  services: { id: number; nameVi: string; nameEn: string }[];
  slot_start: string;
  slot_minutes: number;
  time_zone: string;
  state: BookingState;
  id_last4: string | null;
}

const ROW_SELECT = `SELECT b.code, b.office_id, o.name AS office_name, b.service_id, bo.services, b.slot_start, b.slot_minutes, bo.time_zone, b.state, b.id_last4
  FROM bookings b JOIN offices o ON o.id = b.office_id JOIN booking_offers bo ON bo.office_id = b.office_id`;

/**
 * Booking from home: a place in an offered slot, never past its capacity, in one transaction that
 * takes the place with an atomic `taken < capacity` update (two citizens racing for the last place
 * cannot both pass it), the office's next change number and the booking row. Finding and cancelling
 * by code are guesses at a secret, paid before the code is looked up. Phone numbers and addresses are
 * kept only as keyed hashes, for the limits and the no-show history; an ID number only as the
 * office's HMAC and its last 4 digits.
 */
export class BookingDesk {
  constructor(
    private readonly db: pg.Pool,
    private readonly budgets: BookingBudgets,
    private readonly secret: Buffer,
    private readonly now: () => number,
  ) {}

  async book(r: BookRequest): Promise<PublicBooking> {
    const offer = (
      await this.db.query<{ win: AppointmentWindow; match_key: string }>(
        'SELECT bo.win, bo.match_key FROM booking_offers bo JOIN offices o ON o.id = bo.office_id WHERE bo.office_id = $1 AND o.revoked_at IS NULL',
        [r.officeId],
      )
    ).rows[0];
    if (!offer) throw new AppError('BOOKING_NOT_AVAILABLE');
    const clientHash = keyedHash(this.secret, `address:${r.address}`);
    const phoneHash = r.phone ? keyedHash(this.secret, `phone:${r.phone}`) : null;
    await this.budgets.tries.spend(r.address);
    // A slot seen full is answered at once, before the day's allowances are touched: in a rush for the
    // last places most answers are this one, and they cost one indexed read. The transaction below
    // still decides: a place seen free here may be gone there.
    await this.refuseUnavailable(r);
    const giveBack = await this.budgets.takeBooking(r.address, phoneHash, r.officeId);
    try {
      await this.refuseNoShows(r.officeId, clientHash, phoneHash, offer.win.noShowLimit);
      const code = await this.insert(r, clientHash, phoneHash, r.idNumber ? idNumberHash(offer.match_key, r.idNumber) : null);
      return await this.view(code);
    } catch (e) {
      await giveBack();
      throw e;
    }
  }

  private async refuseUnavailable(r: BookRequest): Promise<void> {
    const slot = (
      await this.db.query<{ free: boolean }>('SELECT taken < capacity AS free FROM booking_slots WHERE office_id = $1 AND service_id = $2 AND start_at = $3 AND offered AND start_at > $4', [
        r.officeId,
        r.serviceId,
        r.start,
        this.now(),
      ])
    ).rows[0];
    if (!slot) throw new AppError('SLOT_UNKNOWN');
    if (!slot.free) throw new AppError('SLOT_FULL');
  }

  private async refuseNoShows(officeId: string, clientHash: string, phoneHash: string | null, limit: number): Promise<void> {
    if (limit <= 0) return;
    const since = this.now() - NO_SHOW_DAYS * 86_400_000;
    const r = await this.db.query<{ by_client: string; by_phone: string }>(
      `SELECT count(*) FILTER (WHERE client_hash = $2) AS by_client, count(*) FILTER (WHERE phone_hash = $3) AS by_phone
       FROM bookings WHERE office_id = $1 AND state = 'missed' AND slot_start >= $4 AND (client_hash = $2 OR phone_hash = $3)`,
      [officeId, clientHash, phoneHash, since],
    );
    const row = r.rows[0];
    if (row && (Number(row.by_client) >= limit || Number(row.by_phone) >= limit)) throw new AppError('BOOKING_NO_SHOW_LIMIT');
  }

  /** The booking's one transaction; a drawn code that already exists (1 in 10¹¹) is drawn again. */
  private async insert(r: BookRequest, clientHash: string, phoneHash: string | null, idHash: string | null): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const code = makeBookingCode((n) => crypto.randomInt(n));
      const now = this.now();
      try {
        return await inTransaction(this.db, async (c) => {
          const slot = (
            await c.query<{ minutes: number; day: string }>(
              `UPDATE booking_slots SET taken = taken + 1
               WHERE office_id = $1 AND service_id = $2 AND start_at = $3 AND offered AND taken < capacity AND start_at > $4
               RETURNING minutes, business_day::text AS day`,
              [r.officeId, r.serviceId, r.start, now],
            )
          ).rows[0];
          if (!slot) {
            const there = (await c.query('SELECT 1 FROM booking_slots WHERE office_id = $1 AND service_id = $2 AND start_at = $3 AND offered AND start_at > $4', [r.officeId, r.serviceId, r.start, now])).rowCount;
            throw new AppError(there ? 'SLOT_FULL' : 'SLOT_UNKNOWN');
          }
          const seq = await nextChange(c, r.officeId);
          await c.query(
            `INSERT INTO bookings (code, office_id, service_id, slot_start, slot_minutes, business_day, state, created_at, changed_at, change_seq, phone_hash, id_hash, id_last4, client_hash)
             VALUES ($1, $2, $3, $4, $5, $6::date, 'booked', $7, $7, $8, $9, $10, $11, $12)`,
            [code, r.officeId, r.serviceId, r.start, slot.minutes, slot.day, now, seq, phoneHash, idHash, r.idNumber ? r.idNumber.slice(-4) : null, clientHash],
          );
          return code;
        });
      } catch (e) {
        if ((e as { code?: string; constraint?: string }).constraint === 'bookings_pkey' && attempt < 3) continue;
        throw e;
      }
    }
  }

  /** A booking by its code, for its holder; a wrong code costs the caller's address. */
  find(code: string, address: string): Promise<PublicBooking> {
    const normal = normalizeBookingCode(code);
    if (!normal) throw new AppError('BAD_REQUEST', 'Mã lịch hẹn có dạng LH-XXXX-XXXX');
    return this.budgets.guessCode(address, () => this.view(normal));
  }

  /** The citizen's cancellation: a booked place whose time has not come, given back to its slot in the same transaction. */
  cancel(code: string, address: string): Promise<PublicBooking> {
    const normal = normalizeBookingCode(code);
    if (!normal) throw new AppError('BAD_REQUEST', 'Mã lịch hẹn có dạng LH-XXXX-XXXX');
    return this.budgets.guessCode(address, async () => {
      await inTransaction(this.db, async (c) => {
        const b = (await c.query<{ office_id: string; service_id: number; slot_start: string; state: string }>('SELECT office_id, service_id, slot_start, state FROM bookings WHERE code = $1 FOR UPDATE', [normal])).rows[0];
        if (!b) throw new AppError('BOOKING_UNKNOWN');
        const now = this.now();
        if (b.state !== 'booked' || Number(b.slot_start) <= now) throw new AppError('BOOKING_NOT_CANCELLABLE');
        await c.query('UPDATE booking_slots SET taken = greatest(0, taken - 1) WHERE office_id = $1 AND service_id = $2 AND start_at = $3', [b.office_id, b.service_id, b.slot_start]);
        const seq = await nextChange(c, b.office_id);
        await c.query(`UPDATE bookings SET state = 'cancelled', changed_at = $2, change_seq = $3 WHERE code = $1`, [normal, now, seq]);
      });
      return this.view(normal);
    });
  }

  private async view(code: string): Promise<PublicBooking> {
    const b = (await this.db.query<BookingRow>(`${ROW_SELECT} WHERE b.code = $1`, [code])).rows[0];
    if (!b) throw new AppError('BOOKING_UNKNOWN');
    const service = b.services.find((s) => s.id === b.service_id) ?? { id: b.service_id, nameVi: `Thủ tục ${b.service_id}`, nameEn: `Procedure ${b.service_id}` };
    const svg = await QRCode.toString(b.code, QR_OPTIONS);
    return {
      code: b.code,
      office: { id: b.office_id, name: b.office_name },
      service,
      start: Number(b.slot_start),
      minutes: b.slot_minutes,
      timeZone: b.time_zone,
      state: b.state,
      qr: `data:image/svg+xml,${encodeURIComponent(svg)}`,
      idLast4: b.id_last4,
    };
  }
}

/** The office's next change number: the last statement before commit, its row lock orders the commits. */
async function nextChange(c: pg.PoolClient, officeId: string): Promise<number> {
  const r = await c.query<{ seq: string }>('UPDATE booking_sequences SET seq = seq + 1 WHERE office_id = $1 RETURNING seq', [officeId]);
  if (!r.rows[0]) throw new AppError('BOOKING_NOT_AVAILABLE');
  return Number(r.rows[0].seq);
}
