import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

const BACKUP_RE = /^motcua-(\d{8}-\d{6})\.sqlite$/;

const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

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
 * temp name and renamed so a half-written file is never mistaken for a good backup.
 */
export async function backupNow(db: Database.Database, dir: string, now: number, keep: number): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, `motcua-${stamp(now)}.sqlite`);
  const tmp = `${target}.partial`;
  await db.backup(tmp);
  fs.renameSync(tmp, target);
  const all = listBackups(dir);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) fs.rmSync(old, { force: true });
  return target;
}
