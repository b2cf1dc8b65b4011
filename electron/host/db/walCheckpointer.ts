import type Database from 'better-sqlite3';

/**
 * SQLite checkpoints the WAL inside the commit that pushed it past 1,000 pages: with the centre's
 * ≈ 13 pages per ticket change, one commit in about 75 copied up to 4 MB into the database file
 * and synced it before the counter got its answer (#15: the p99 of issue and call-next). Here the
 * host checkpoints on a timer instead, between requests: each second's few dozen pages, so no
 * commit waits for a checkpoint and none of these runs for long. SQLite's own checkpoint stays
 * as a backstop at BACKSTOP_PAGES, should the timer ever fall behind.
 *
 * Not a worker thread: one costs the host ≈ 12 MB of resident memory (measured), the budget of #14.
 */
export interface WalCheckpointer {
  stop(): void;
}

export const BACKSTOP_PAGES = 4000;
const SQLITE_DEFAULT_PAGES = 1000;

export function startWalCheckpointer(db: Database.Database, o: { intervalMs?: number; log: (e: Record<string, unknown>) => void }): WalCheckpointer {
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  // A checkpoint with nothing new in the WAL returns at once, without touching the disk.
  const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
  let failing = 0;
  const timer = setInterval(() => {
    try {
      checkpoint.get();
      failing = 0;
    } catch (e) {
      // Busy now (a backup reading, another process) is retried next time; only a lasting failure is news.
      if (++failing === 30) o.log({ level: 'warn', msg: 'WAL checkpoints failing', error: String(e) });
    }
  }, o.intervalMs ?? 1000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_PAGES}`);
    },
  };
}
