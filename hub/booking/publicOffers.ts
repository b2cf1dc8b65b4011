import type pg from 'pg';
import { AppError } from '../../shared/errors';
import type { PublicOffice, PublicOfficeOffer, PublicSlot } from '../../shared/hubBooking';

/**
 * What the public booking page reads: the offices taking bookings, an office's procedures with the
 * days that still have places, and a day's slots. Only slots yet to start and still offered; places
 * left are the hub's capacity less the bookings standing in each.
 */
export class PublicOffers {
  constructor(
    private readonly db: pg.Pool,
    private readonly now: () => number,
  ) {}

  async offices(): Promise<PublicOffice[]> {
    const r = await this.db.query<PublicOffice>(
      `SELECT o.id, o.name FROM booking_offers bo JOIN offices o ON o.id = bo.office_id
       WHERE o.revoked_at IS NULL AND EXISTS (SELECT 1 FROM booking_slots s WHERE s.office_id = bo.office_id AND s.offered AND s.start_at > $1)
       ORDER BY o.name`,
      [this.now()],
    );
    return r.rows;
  }

  async office(officeId: string): Promise<PublicOfficeOffer> {
    const o = (
      await this.db.query<{ id: string; name: string; time_zone: string; services: { id: number; nameVi: string; nameEn: string }[] }>(
        'SELECT o.id, o.name, bo.time_zone, bo.services FROM booking_offers bo JOIN offices o ON o.id = bo.office_id WHERE o.id = $1 AND o.revoked_at IS NULL',
        [officeId],
      )
    ).rows[0];
    if (!o) throw new AppError('BOOKING_NOT_AVAILABLE');
    const days = await this.db.query<{ service_id: number; day: string; left: string }>(
      `SELECT service_id, business_day::text AS day, sum(greatest(0, capacity - taken)) AS left
       FROM booking_slots WHERE office_id = $1 AND offered AND start_at > $2 GROUP BY service_id, business_day ORDER BY business_day`,
      [officeId, this.now()],
    );
    const byService = new Map<number, { day: string; left: number }[]>();
    for (const d of days.rows) {
      const list = byService.get(d.service_id) ?? [];
      list.push({ day: d.day, left: Number(d.left) });
      byService.set(d.service_id, list);
    }
    return {
      office: { id: o.id, name: o.name, timeZone: o.time_zone },
      services: o.services.filter((s) => byService.has(s.id)).map((s) => ({ ...s, days: byService.get(s.id) ?? [] })),
    };
  }

  async slots(officeId: string, serviceId: number, day: string): Promise<PublicSlot[]> {
    const r = await this.db.query<{ start_at: string; minutes: number; left: number }>(
      `SELECT start_at, minutes, greatest(0, capacity - taken) AS left FROM booking_slots
       WHERE office_id = $1 AND service_id = $2 AND business_day = $3::date AND offered AND start_at > $4 ORDER BY start_at`,
      [officeId, serviceId, day, this.now()],
    );
    return r.rows.map((s) => ({ start: Number(s.start_at), minutes: s.minutes, left: s.left }));
  }
}
