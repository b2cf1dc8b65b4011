import type Database from 'better-sqlite3';
import { migrations } from './migrations/index';
import { registerSqlFunctions } from './sqlFunctions';

export class FutureDatabaseError extends Error {
  constructor(found: number, known: number) {
    super(`This database was written by a newer motcua (schema ${found}; this version knows up to ${known}). Update motcua, or restore a backup.`);
    this.name = 'FutureDatabaseError';
  }
}

export class MigrationError extends Error {
  constructor(detail: string) {
    super(`The database upgrade was rolled back, nothing was changed: ${detail}`);
    this.name = 'MigrationError';
  }
}

/**
 * Applies all pending migrations (or those up to `to`, for a test of one migration) in one
 * transaction, bumping user_version inside it.
 *
 * A migration may rebuild a table others point at (SQLite's 12-step ALTER TABLE): with foreign keys
 * on, DROP TABLE would first delete or refuse the rows referencing it. The pragma is a no-op inside
 * a transaction, so it is switched off around the transaction and restored whatever happens, and
 * `foreign_key_check` must come back empty before the commit.
 */
export function migrate(db: Database.Database, to = migrations.length): { from: number; to: number } {
  registerSqlFunctions(db);
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > migrations.length) throw new FutureDatabaseError(from, migrations.length);
  if (from >= to) return { from, to: from };
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) === 1;
  if (foreignKeys) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (let v = from; v < to; v++) db.exec(migrations[v] as string);
      const broken = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
      if (broken.length > 0) {
        const first = broken.slice(0, 3).map((b) => `${b.table} row ${b.rowid} → ${b.parent}`).join('; ');
        throw new MigrationError(`${broken.length} broken reference(s): ${first}`);
      }
      db.pragma(`user_version = ${to}`);
    }).immediate();
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
  return { from, to };
}
