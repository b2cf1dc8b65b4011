import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { officeFileStamp } from '../../../shared/officeTime';

const BACKUP_RE = /^motcua-(\d{8}-\d{6})\.sqlite$/;

export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => BACKUP_RE.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

export function latestBackup(dir: string): string | null {
  const all = listBackups(dir);
  return all[all.length - 1] ?? null;
}

/**
 * Online backup with SQLite's backup API (consistent while the queue keeps writing), written to a
 * temp name and renamed so a half-written file is never mistaken for a good backup. Named by the
 * office's local time, which is how the office will look for "last night's" copy.
 */
export async function backupNow(db: Database.Database, dir: string, now: number, keep: number, timeZone: string): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, `motcua-${officeFileStamp(now, timeZone)}.sqlite`);
  const tmp = `${target}.partial`;
  await db.backup(tmp);
  fs.renameSync(tmp, target);
  const all = listBackups(dir);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) fs.rmSync(old, { force: true });
  return target;
}
