import type pg from 'pg';
import { AppError } from '../../shared/errors';
import { EVENTS_CHANNEL } from '../ingest/batchApplier';
import { inTransaction } from '../db/inTransaction';

export interface OfficeAdminRow {
  officeId: string;
  name: string;
  joinedAt: number | null;
  revokedAt: number | null;
  alertWaiting: number;
  alertWaitMinutes: number;
}

/** The province admin's view of its offices and the line at which each rises to the board's top. */
export class OfficeAlertSettings {
  constructor(private readonly db: pg.Pool) {}

  async list(): Promise<OfficeAdminRow[]> {
    const r = await this.db.query<{ id: string; name: string; joined_at: Date | null; revoked_at: Date | null; alert_waiting: number; alert_wait_minutes: number }>(
      'SELECT id, name, joined_at, revoked_at, alert_waiting, alert_wait_minutes FROM offices ORDER BY revoked_at IS NOT NULL, name',
    );
    return r.rows.map((o) => ({ officeId: o.id, name: o.name, joinedAt: o.joined_at?.getTime() ?? null, revokedAt: o.revoked_at?.getTime() ?? null, alertWaiting: o.alert_waiting, alertWaitMinutes: o.alert_wait_minutes }));
  }

  async exists(officeId: string): Promise<boolean> {
    return ((await this.db.query('SELECT 1 FROM offices WHERE id = $1', [officeId])).rowCount ?? 0) > 0;
  }

  /** Every hub process's board shows the office's line anew (an office added, or cut off and so gone). */
  async announce(officeId: string): Promise<void> {
    await this.db.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, officeId]);
  }

  /** A new threshold; every hub process's board hears of it (the same NOTIFY as a batch) and re-ranks the office at once. */
  async setThreshold(officeId: string, waiting: number, waitMinutes: number): Promise<void> {
    await inTransaction(this.db, async (c) => {
      const r = await c.query('UPDATE offices SET alert_waiting = $2, alert_wait_minutes = $3 WHERE id = $1', [officeId, waiting, waitMinutes]);
      if (r.rowCount === 0) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị');
      await c.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, officeId]);
    });
  }
}
