import type Database from 'better-sqlite3';
import { OfficeConfig } from '../../../shared/domain';

const KEY = 'office';

/**
 * Office configuration lives in the database (edited from the admin screen), validated with the
 * shared schema on every read so a hand-edited row cannot put the queue into an unknown state.
 */
export class OfficeSettings {
  private cached: OfficeConfig | null = null;
  private readonly select: Database.Statement<[string], { value: string }>;
  private readonly upsert: Database.Statement<[string, string]>;

  constructor(private readonly db: Database.Database) {
    this.select = db.prepare('SELECT value FROM settings WHERE key = ?');
    this.upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  }

  get(): OfficeConfig {
    if (!this.cached) {
      const row = this.select.get(KEY);
      this.cached = OfficeConfig.parse(row ? JSON.parse(row.value) : { name: 'Bộ phận Một cửa' });
    }
    return this.cached;
  }

  set(config: OfficeConfig): void {
    const valid = OfficeConfig.parse(config);
    this.upsert.run(KEY, JSON.stringify(valid));
    this.cached = valid;
  }

  /** Another process may have changed the row; drop the cache. */
  invalidate(): void {
    this.cached = null;
  }

  getRaw<T>(key: string): T | null {
    const row = this.select.get(key);
    return row ? (JSON.parse(row.value) as T) : null;
  }

  setRaw(key: string, value: unknown): void {
    this.upsert.run(key, JSON.stringify(value));
  }
}
