import type pg from 'pg';
import { hubMigrations } from './hubMigrations';

/** Any number from this range: every hub process takes the same lock before migrating. */
const MIGRATION_LOCK = 7_204_291;

export class HubSchemaTooNew extends Error {
  constructor(readonly found: number) {
    super(`Cơ sở dữ liệu của hub ở phiên bản ${found}, mới hơn hub này (${hubMigrations.length}): hãy cập nhật motcua hub trước khi chạy. (The hub database is at schema ${found}, newer than this hub's ${hubMigrations.length}.)`);
    this.name = 'HubSchemaTooNew';
  }
}

/**
 * Bring the database to this hub's schema: each step in its own transaction, under an advisory lock
 * so hub processes starting together migrate once. A database from a newer hub is refused.
 */
export async function migrateHub(pool: pg.Pool): Promise<number> {
  const c = await pool.connect();
  try {
    await c.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await c.query('CREATE TABLE IF NOT EXISTS hub_schema (version INTEGER NOT NULL)');
    const row = (await c.query<{ version: number }>('SELECT version FROM hub_schema')).rows[0];
    if (!row) await c.query('INSERT INTO hub_schema (version) VALUES (0)');
    const version = row?.version ?? 0;
    if (version > hubMigrations.length) throw new HubSchemaTooNew(version);
    for (let v = version; v < hubMigrations.length; v++) {
      await c.query('BEGIN');
      try {
        await c.query(hubMigrations[v] as string);
        await c.query('UPDATE hub_schema SET version = $1', [v + 1]);
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK');
        throw e;
      }
    }
    return hubMigrations.length;
  } finally {
    await c.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    c.release();
  }
}
