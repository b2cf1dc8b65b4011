import type Database from 'better-sqlite3';
import type { SecurityAlert } from '../../../shared/api/deviceSchemas';

/**
 * What the admin must see after the fact, kept in the database (m014) so a restart does not hide
 * it: a sweep of pairing codes that voided every live code.
 */
export class SecurityAlerts {
  private readonly insert: Database.Statement<[string, number, string]>;
  private readonly latest: Database.Statement<[number], { id: number; kind: string; at: number; detail: string }>;

  constructor(db: Database.Database) {
    this.insert = db.prepare('INSERT INTO security_alerts (kind, at, detail) VALUES (?, ?, ?)');
    this.latest = db.prepare('SELECT id, kind, at, detail FROM security_alerts ORDER BY at DESC, id DESC LIMIT ?');
  }

  pairingSwept(at: number, failures: number, voided: number): void {
    this.insert.run('pairing.swept', at, JSON.stringify({ failures, voided }));
  }

  recent(limit = 20): SecurityAlert[] {
    return this.latest.all(limit).map((r) => {
      const d = JSON.parse(r.detail) as { failures?: number; voided?: number };
      return { id: r.id, kind: 'pairing.swept' as const, at: r.at, failures: d.failures ?? 0, voided: d.voided ?? 0 };
    });
  }
}
