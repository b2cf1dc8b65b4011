import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { startEmbeddedPostgres } from '../../hub/db/embeddedPostgres';
import type { EmbeddedDatabase } from '../../hub/db/embeddedPostgres';
import { tempDir } from './tempHost';

/**
 * One real PostgreSQL (embedded, in a temp dir) for a test file, started once — it costs seconds —
 * and a fresh database per test: `database()` returns its URL.
 */
export function hubPostgresPerFile(): { database: () => Promise<string>; server: () => EmbeddedDatabase } {
  let server: EmbeddedDatabase | undefined;
  beforeAll(async () => {
    server = await startEmbeddedPostgres(tempDir('motcua-pg-'));
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  }, 60_000);
  return {
    server: () => {
      if (!server) throw new Error('PostgreSQL is not started');
      return server;
    },
    database: async () => {
      if (!server) throw new Error('PostgreSQL is not started');
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
