import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupNow, listBackups } from '../../../electron/host/db/backup';
import { msUntilNext } from '../../../electron/host/db/backupScheduler';
import { FutureDatabaseError } from '../../../electron/host/db/migrate';
import { migrations } from '../../../electron/host/db/migrations/index';
import { CorruptDatabaseError, openDatabase } from '../../../electron/host/db/openDatabase';
import { tempDir, tempQueue } from '../../helpers/tempHost';

describe('queue database', () => {
  it('opens with WAL, synchronous=FULL, foreign keys and the latest schema', () => {
    const { db } = tempQueue();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
  });

  it('refuses a database from a newer version with a clear error', () => {
    const { db, file, dir } = tempQueue();
    db.pragma('user_version = 999');
    db.close();
    expect(() => openDatabase({ file, backupDir: path.join(dir, 'backups') })).toThrow(FutureDatabaseError);
  });

  it('refuses a damaged file and names the last good backup', async () => {
    const { db, file, dir, queue } = tempQueue();
    for (let i = 0; i < 300; i++) queue.issuer.issue({ serviceId: 1 });
    const backupDir = path.join(dir, 'backups');
    const backup = await backupNow(db, backupDir, Date.now(), 14, 'Asia/Ho_Chi_Minh');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Scribble over pages in the middle of the file, as a failing disk would.
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, 4096 * 3);
    fs.closeSync(fd);
    let err: unknown;
    try {
      openDatabase({ file, backupDir });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CorruptDatabaseError);
    expect((err as CorruptDatabaseError).backup).toBe(backup);
    expect((err as Error).message).toContain(backup);
    // The backup itself is a good, complete database.
    const restored = openDatabase({ file: backup, backupDir: path.join(dir, 'other') });
    expect(restored.prepare('SELECT count(*) n FROM tickets').get()).toEqual({ n: 300 });
    restored.close();
  });

  it('keeps only the newest N backups, named in the office zone', async () => {
    const { db } = tempQueue();
    const dir = tempDir();
    // 19:00 UTC is 02:00 the next morning in Hà Nội (the default backup hour).
    for (let i = 0; i < 5; i++) await backupNow(db, dir, Date.UTC(2026, 0, 1 + i, 19), 3, 'Asia/Ho_Chi_Minh');
    const kept = listBackups(dir).map((f) => path.basename(f));
    expect(kept).toEqual(['motcua-20260104-020000.sqlite', 'motcua-20260105-020000.sqlite', 'motcua-20260106-020000.sqlite']);
  });

  it('schedules the nightly backup at the local hour', () => {
    // 2026-11-24 01:30 local (18:30 UTC the day before) → 02:00 local is 30 minutes away.
    expect(msUntilNext(Date.UTC(2026, 10, 23, 18, 30), 2, 'Asia/Ho_Chi_Minh')).toBe(30 * 60_000);
    expect(msUntilNext(Date.UTC(2026, 10, 23, 19, 0), 2, 'Asia/Ho_Chi_Minh')).toBe(24 * 3600_000);
  });
});
