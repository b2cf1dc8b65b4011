// Worker entry: the WAL's checkpoints, on a connection and a thread of their own (walCheckpointer.ts).
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, intervalMs, sqliteAddon } = workerData as { file: string; intervalMs: number; sqliteAddon?: string };
const db = new Database(file, { fileMustExist: true, ...(sqliteAddon ? { nativeBinding: sqliteAddon } : {}) });
// The checkpoint syncs the database file as the host's own connection would.
db.pragma('synchronous = FULL');
// This connection only copies pages: it never starts a checkpoint of its own on a write.
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');

let failures = 0;
const timer = setInterval(() => {
  try {
    checkpoint.get();
    failures = 0;
  } catch (e) {
    // Busy or locked now is retried on the next turn; the host hears of it only if it persists.
    if (++failures === 10) parentPort?.postMessage({ type: 'failing', error: String(e) });
  }
}, intervalMs);

parentPort?.on('message', (m: unknown) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  try {
    db.close();
  } finally {
    parentPort?.close();
  }
});
parentPort?.postMessage({ type: 'ready' });
