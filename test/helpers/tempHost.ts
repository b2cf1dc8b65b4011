import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHost } from '../../electron/host/host';
import type { Host } from '../../electron/host/host';
import { openDatabase } from '../../electron/host/db/openDatabase';
import { seedIfEmpty } from '../../electron/host/db/seed';
import { QueueService } from '../../electron/host/queue/queueService';

export function tempDir(prefix = 'motcua-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A settable clock: tests move time instead of waiting. Starts on a Monday 08:00 in Hà Nội. */
export class FakeClock {
  constructor(public t = Date.UTC(2026, 10, 23, 1, 0, 0)) {}
  now = () => this.t;
  advance(ms: number): number {
    this.t += ms;
    return this.t;
  }
  minutes(n: number): number {
    return this.advance(n * 60_000);
  }
}

/** A queue on a real SQLite file in a fresh temp dir, seeded with the sample ward. */
export function tempQueue(opts: { clock?: FakeClock; alwaysOpen?: boolean } = {}) {
  const dir = tempDir();
  const db = openDatabase({ file: path.join(dir, 'motcua.sqlite'), backupDir: path.join(dir, 'backups') });
  seedIfEmpty(db, { adminPassword: 'admin-test', alwaysOpen: opts.alwaysOpen ?? true });
  const clock = opts.clock ?? new FakeClock();
  const queue = new QueueService({ db, now: clock.now });
  return { dir, db, queue, clock, file: path.join(dir, 'motcua.sqlite') };
}

/** A real host on a port of its own; pass `dataDir` again to restart one on the same database. */
export async function tempHost(opts: { clock?: FakeClock; issueRatePerMinute?: number; dataDir?: string } = {}): Promise<Host> {
  const dir = opts.dataDir ?? tempDir();
  return startHost({
    dataDir: dir,
    port: 0,
    host: '127.0.0.1',
    log: () => undefined,
    version: 'test',
    staticDir: path.join(dir, 'no-renderer'),
    resourcesDir: path.resolve('resources'),
    adminPassword: 'admin-test',
    seedAlwaysOpen: true,
    backups: false,
    now: opts.clock?.now,
    issueRatePerMinute: opts.issueRatePerMinute ?? 0,
  });
}

export const STAFF = (counterId: number, officerId: number) => ({ counterId, officerId, admin: false });
