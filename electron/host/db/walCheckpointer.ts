import type Database from 'better-sqlite3';
import { startDbWorker } from './dbWorker';

/**
 * SQLite checkpoints the WAL inside the commit that pushed it past 1,000 pages: with the centre's
 * ≈ 13 pages per ticket change, one commit in about 75 copies 4 MB into the database file and
 * syncs it, on the thread that answers the counters (#15: the p99 of issue and call-next). Here the
 * checkpoints run every `intervalMs` on a worker thread with its own connection; in WAL mode they
 * run beside the host's reads and writes. If the worker stops, the host's own connection takes
 * them back at SQLite's default, so the WAL never grows without bound.
 */
export interface WalCheckpointer {
  stop(): Promise<void>;
}

/** The WAL size (pages) at which the host's own connection checkpoints while the worker runs: its backstop. */
export const BACKSTOP_PAGES = 10_000;
const SQLITE_DEFAULT_PAGES = 1000;

export function startWalCheckpointer(db: Database.Database, o: { file: string; sqliteAddon?: string; intervalMs?: number; log: (e: Record<string, unknown>) => void }): WalCheckpointer {
  const worker = startDbWorker('checkpointWorker', { file: o.file, intervalMs: o.intervalMs ?? 500, sqliteAddon: o.sqliteAddon });
  // Not a reason to keep the process alive: the host stops it on close.
  worker.unref();
  let stopping = false;
  const takeBack = (why: string) => {
    if (stopping) return;
    o.log({ level: 'warn', msg: 'WAL checkpoints back on the host thread', reason: why });
    if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_PAGES}`);
  };
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('message', (m: { type?: string; error?: string }) => {
    if (m.type === 'ready' && !stopping && db.open) db.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
    if (m.type === 'failing') o.log({ level: 'warn', msg: 'WAL checkpoints failing', error: m.error });
  });
  worker.once('error', (e) => takeBack(String(e)));
  worker.once('exit', (code) => takeBack(`worker exited (${code})`));
  return {
    async stop() {
      if (stopping) return exited;
      stopping = true;
      worker.postMessage('stop');
      const timer = setTimeout(() => void worker.terminate(), 5000);
      await exited;
      clearTimeout(timer);
      if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_PAGES}`);
    },
  };
}
