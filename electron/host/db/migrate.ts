import type Database from 'better-sqlite3';
import { migrations } from './migrations/index';

export class FutureDatabaseError extends Error {
  constructor(found: number, known: number) {
    super(`This database was written by a newer motcua (schema ${found}; this version knows up to ${known}). Update motcua, or restore a backup.`);
    this.name = 'FutureDatabaseError';
  }
}

/** Applies all pending migrations in one transaction, bumping user_version inside it. */
export function migrate(db: Database.Database): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > migrations.length) throw new FutureDatabaseError(from, migrations.length);
  if (from === migrations.length) return { from, to: from };
  db.transaction(() => {
    for (let v = from; v < migrations.length; v++) db.exec(migrations[v] as string);
    db.pragma(`user_version = ${migrations.length}`);
  }).immediate();
  return { from, to: migrations.length };
}
