import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { currentAddonContext, explainAddonFailure } from '../nativeAddons';
import { latestBackup } from './backup';
import { migrate } from './migrate';
import { checkWal } from './walCheck';
import { quarantineWal } from './walQuarantine';
import type { QuarantinedWal } from './walQuarantine';
import { DamageRecords } from './damageRecords';

export class CorruptDatabaseError extends Error {
  readonly file: string;
  readonly backup: string | null;
  constructor(file: string, detail: string, backup: string | null) {
    super(
      `The queue database ${file} is damaged (${detail}). motcua will not run on it. ` +
        (backup ? `The last good backup is ${backup}: stop motcua, copy it over ${file} (and delete ${file}-wal), then start again.` : 'No backup was found.'),
    );
    this.name = 'CorruptDatabaseError';
    this.file = file;
    this.backup = backup;
  }
}

export interface OpenOptions {
  file: string;
  backupDir: string;
  /** Skip the full integrity check (only for throwaway benches). */
  skipIntegrityCheck?: boolean;
  /** A better_sqlite3.node to load instead of the one under node_modules. */
  sqliteAddon?: string;
  /** Clock for the damaged log's copy name and record. */
  now?: () => number;
}

/**
 * Opens the queue database with the durability the promise needs: WAL with synchronous=FULL, so a
 * number acknowledged to a citizen survives a power cut, and a busy timeout so a second process
 * (or connection) waits for the write lock instead of failing.
 */
export function openDatabase(opts: OpenOptions): Database.Database {
  fs.mkdirSync(path.dirname(opts.file), { recursive: true });
  // Before SQLite sees the log: it would replay a damaged one in part (or not at all) without a
  // word, reset it at the first write and delete it at the next clean close (#27, db/walCheck.ts).
  // Every opener checks, the `npm run device` command line too, so none of them wipes the evidence.
  const verdict = checkWal(opts.file);
  const now = (opts.now ?? Date.now)();
  let damaged: (QuarantinedWal & { reason: string; detail: string }) | null = null;
  if (verdict.state === 'damaged') damaged = { ...quarantineWal(opts.file, verdict, now), reason: verdict.reason, detail: verdict.detail };
  let db: Database.Database;
  try {
    db = new Database(opts.file, opts.sqliteAddon ? { nativeBinding: opts.sqliteAddon } : {});
    db.pragma('busy_timeout = 10000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // An erased name (#30, the retention purge) must not linger in the page it was erased from;
    // FAST zeroes freed cell space within a page without the extra I/O of a full overwrite.
    db.pragma('secure_delete = FAST');
    if (!opts.skipIntegrityCheck) {
      const rows = db.pragma('integrity_check') as { integrity_check: string }[];
      const first = rows[0]?.integrity_check ?? 'no answer';
      if (first !== 'ok') {
        db.close();
        throw new CorruptDatabaseError(opts.file, rows.map((r) => r.integrity_check).slice(0, 3).join('; '), latestBackup(opts.backupDir));
      }
    }
    migrate(db);
    if (damaged) new DamageRecords(db).record({ detectedAt: now, reason: damaged.reason, detail: damaged.detail, walCopy: damaged.copy, evidence: damaged.evidence });
  } catch (e) {
    if (e instanceof CorruptDatabaseError) throw e;
    const native = explainAddonFailure('better-sqlite3', e, currentAddonContext());
    if (native) throw native;
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
      throw new CorruptDatabaseError(opts.file, code, latestBackup(opts.backupDir));
    }
    throw e;
  }
  return db;
}
