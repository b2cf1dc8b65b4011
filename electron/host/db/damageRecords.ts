import type Database from 'better-sqlite3';
import type { SeqEvidence } from './walQuarantine';

export interface DamageRecord {
  id: number;
  detectedAt: number;
  reason: string;
  detail: string;
  walCopy: string;
  evidence: SeqEvidence[];
}

interface Row {
  id: number;
  detected_at: number;
  reason: string;
  detail: string;
  wal_copy: string;
  evidence: string;
}

/** The table of m015: damage found at start, open until the admin confirms where numbering resumes. */
export class DamageRecords {
  private readonly insert: Database.Statement;
  private readonly open: Database.Statement<[], Row>;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare('INSERT INTO database_damage (detected_at, reason, detail, wal_copy, evidence) VALUES (?, ?, ?, ?, ?)');
    this.open = db.prepare('SELECT * FROM database_damage WHERE resolved_at IS NULL ORDER BY id');
  }

  record(d: Omit<DamageRecord, 'id'>): void {
    this.insert.run(d.detectedAt, d.reason, d.detail, d.walCopy, JSON.stringify(d.evidence));
  }

  unresolved(): DamageRecord[] {
    return this.open.all().map((r) => ({ id: r.id, detectedAt: r.detected_at, reason: r.reason, detail: r.detail, walCopy: r.wal_copy, evidence: JSON.parse(r.evidence) as SeqEvidence[] }));
  }

  /** Inside the caller's transaction: every open record is closed with what the admin confirmed. */
  resolveAll(at: number, resolution: unknown): number {
    return this.db.prepare('UPDATE database_damage SET resolved_at = ?, resolution = ? WHERE resolved_at IS NULL').run(at, JSON.stringify(resolution)).changes;
  }
}
