import type pg from 'pg';
import { HUB_FUTURE_SKEW_MS } from '../../shared/hubProtocol';
import type { OfficeExtras } from '../../shared/hubProtocol';

/**
 * What an office says about itself besides its /api/health (devices' last contact, last backup, the
 * catalogue version it applied), kept beside office_health: the latest report per office. A push
 * retried after a newer one must not roll it back, so an older report changes nothing.
 */
export class OfficeExtrasStore {
  constructor(
    private readonly db: pg.Pool,
    private readonly now: () => number = Date.now,
  ) {}

  async record(officeId: string, extras: OfficeExtras, sentAt: number): Promise<void> {
    const at = new Date(Math.min(sentAt, this.now() + HUB_FUTURE_SKEW_MS));
    await this.db.query(
      `INSERT INTO office_extras (office_id, reported_at, catalogue_version, last_backup_at, devices) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (office_id) DO UPDATE SET reported_at = EXCLUDED.reported_at, catalogue_version = EXCLUDED.catalogue_version,
         last_backup_at = EXCLUDED.last_backup_at, devices = EXCLUDED.devices
       WHERE office_extras.reported_at <= EXCLUDED.reported_at`,
      [officeId, at, extras.catalogueVersion ?? null, extras.lastBackupAt == null ? null : new Date(extras.lastBackupAt), JSON.stringify(extras.devices ?? [])],
    );
  }

  async get(officeId: string): Promise<{ reportedAt: number; catalogueVersion: number | null; lastBackupAt: number | null; devices: NonNullable<OfficeExtras['devices']> } | null> {
    const r = (await this.db.query<{ reported_at: Date; catalogue_version: number | null; last_backup_at: Date | null; devices: NonNullable<OfficeExtras['devices']> }>('SELECT reported_at, catalogue_version, last_backup_at, devices FROM office_extras WHERE office_id = $1', [officeId])).rows[0];
    return r ? { reportedAt: r.reported_at.getTime(), catalogueVersion: r.catalogue_version, lastBackupAt: r.last_backup_at?.getTime() ?? null, devices: r.devices } : null;
  }
}
