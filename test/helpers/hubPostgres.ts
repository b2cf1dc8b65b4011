import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import { startEmbeddedPostgres } from '../../hub/db/embeddedPostgres';
import type { EmbeddedDatabase } from '../../hub/db/embeddedPostgres';
import { tempDir } from './tempHost';

/**
 * One real PostgreSQL (embedded, in a temp dir) for a test file, started when a test first asks for
 * a database — it costs seconds — and a fresh database per test: `database()` returns its URL.
 */
export function hubPostgresPerFile(): { database: () => Promise<string> } {
  let starting: Promise<EmbeddedDatabase> | undefined;
  afterAll(async () => {
    await (await starting?.catch(() => undefined))?.stop();
  }, 60_000);
  return {
    database: async () => {
      starting ??= startEmbeddedPostgres(tempDir('motcua-pg-'));
      const server = await starting;
      const name = `t_${crypto.randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: server.url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      const url = new URL(server.url);
      url.pathname = `/${name}`;
      return url.toString();
    },
  };
}
