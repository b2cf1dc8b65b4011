import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { localParts } from '../../../shared/businessDay';
import type { Log } from '../logger';
import { backupNow, latestBackup } from './backup';

export interface BackupSchedule {
  db: Database.Database;
  dir: string;
  hour: () => number;
  keep: () => number;
  timeZone: () => string;
  /** The host clock (moved by tests). */
  now: () => number;
  log: Log;
}

/** Ms until the next local `hour`:00 in `timeZone`, checked minute by minute from the local parts. */
export function msUntilNext(now: number, hour: number, timeZone: string): number {
  const p = localParts(now, timeZone);
  const minutesNow = p.hour * 60 + p.minute;
  let delta = hour * 60 - minutesNow;
  if (delta <= 0) delta += 24 * 60;
  const msIntoMinute = now % 60_000;
  return delta * 60_000 - msIntoMinute;
}

/** Nightly online backup (keeps the newest N), plus one at start when the last is over a day old. */
export function startBackupSchedule(s: BackupSchedule): () => void {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const run = async () => {
    try {
      const file = await backupNow(s.db, s.dir, s.now(), s.keep(), s.timeZone());
      s.log({ level: 'info', msg: 'backup written', file });
    } catch (e) {
      s.log({ level: 'error', msg: 'backup failed', error: String(e) });
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(async () => {
      await run();
      schedule();
    }, msUntilNext(s.now(), s.hour(), s.timeZone()));
    timer.unref();
  };
  const last = latestBackup(s.dir);
  if (!last || s.now() - fs.statSync(last).mtimeMs > 86_400_000) void run();
  schedule();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
