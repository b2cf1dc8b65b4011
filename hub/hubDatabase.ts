import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './db/embeddedPostgres';
import { migrateHub } from './db/migrateHub';

export interface HubDatabase {
  pool: pg.Pool;
  url: string;
  close(): Promise<void>;
}

/** Where a running trial hub tells its own command line which server it started. */
const runningFile = (dataDir: string) => path.join(dataDir, 'running-database.json');

/**
 * The hub's database, migrated: an existing PostgreSQL (`--database-url`), or the trial's embedded
 * one in DIR — started here, or, when a hub already runs on DIR, that hub's (a cluster has one
 * server at a time).
 */
export async function openHubDatabase(o: { databaseUrl?: string; dataDir?: string; log?: (line: string) => void; poolSize?: number }): Promise<HubDatabase> {
  let url = o.databaseUrl;
  let stopServer: (() => Promise<void>) | null = null;
  let owner = false;
  if (!url) {
    if (!o.dataDir) throw new Error('cần --database-url hoặc --data (need --database-url or --data)');
    const running = readRunning(o.dataDir);
    if (running && (await reachable(running))) url = running;
    else {
      const server = await startEmbeddedPostgres(o.dataDir, o.log);
      url = server.url;
      stopServer = server.stop;
      owner = true;
      fs.writeFileSync(runningFile(o.dataDir), JSON.stringify({ url }), { mode: 0o600 });
    }
  }
  const pool = new pg.Pool({ connectionString: url, max: o.poolSize ?? 10 });
  // An idle client losing its server (a restart) must not crash the hub: the pool drops it.
  pool.on('error', (e) => o.log?.(`postgres: ${e.message}`));
  // Nor may one checked out between two queries (the pool listens only while a client is idle): the
  // error is kept here, its next query fails, and the pool drops it on release.
  pool.on('connect', (client) => client.on('error', (e) => o.log?.(`postgres (in use): ${e.message}`)));
  try {
    await migrateHub(pool);
  } catch (e) {
    await pool.end();
    if (stopServer) await stopServer();
    throw e;
  }
  return {
    pool,
    url,
    close: async () => {
      await pool.end();
      if (owner && o.dataDir) fs.rmSync(runningFile(o.dataDir), { force: true });
      if (stopServer) await stopServer();
    },
  };
}

function readRunning(dataDir: string): string | null {
  try {
    return (JSON.parse(fs.readFileSync(runningFile(dataDir), 'utf8')) as { url: string }).url;
  } catch {
    return null;
  }
}

async function reachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}
