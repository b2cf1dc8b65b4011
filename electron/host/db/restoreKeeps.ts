import type Database from 'better-sqlite3';
import type { KeptDevice } from './restoreCheck';

/**
 * What the running office keeps across a restore, read from its live database: its admin
 * password (the backup's may be one an ex-employee knows) and the devices paired in the room.
 */
export function runningOfficeKeeps(db: Database.Database): { settings: Record<string, string>; devices: KeptDevice[] } {
  const settings = Object.fromEntries((db.prepare("SELECT key, value FROM settings WHERE key = 'admin'").all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
  const devices = db.prepare('SELECT id, token_hash, role, counter_id, name, created_at, last_seen_at, last_address, zone_id FROM devices WHERE revoked_at IS NULL').all() as KeptDevice[];
  return { settings, devices };
}
