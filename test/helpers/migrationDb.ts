import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from '../../electron/host/db/migrate';
import { registerSqlFunctions } from '../../electron/host/db/sqlFunctions';
import { tempDir } from './tempHost';

/** A database file brought to `version` only, as an office left on that version has it (a migration test's start). */
export function databaseAt(version: number): Database.Database {
  const db = new Database(path.join(tempDir(), 'motcua.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  registerSqlFunctions(db);
  migrate(db, version);
  return db;
}

/** Every table, index and trigger with its SQL: what a migration test compares before and after. */
export const schemaObjects = (db: Database.Database) =>
  db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all() as { type: string; name: string; sql: string | null }[];
