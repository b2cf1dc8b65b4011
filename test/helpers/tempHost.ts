import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHost } from '../../electron/host/host';
import type { Host } from '../../electron/host/host';
import type { SocketLimits } from '../../electron/host/server/socketLimits';
import { openDatabase } from '../../electron/host/db/openDatabase';
import { seedIfEmpty } from '../../electron/host/db/seed';
import { QueueService } from '../../electron/host/queue/queueService';
import { PinHasher } from '../../electron/host/auth/pinHasher';
import { TEST_ADMIN_PASSWORD, TEST_PINS } from './devices';

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
export function tempQueue(opts: { clock?: FakeClock; alwaysOpen?: boolean; sample?: 'ward' | 'centre' } = {}) {
  const dir = tempDir();
  const db = openDatabase({ file: path.join(dir, 'motcua.sqlite'), backupDir: path.join(dir, 'backups') });
  seedIfEmpty(db, { adminPassword: TEST_ADMIN_PASSWORD, alwaysOpen: opts.alwaysOpen ?? true, sample: opts.sample });
  const clock = opts.clock ?? new FakeClock();
  const queue = new QueueService({ db, now: clock.now });
  return { dir, db, queue, clock, file: path.join(dir, 'motcua.sqlite') };
}

/**
 * A data folder prepared like a scripted install (what MOTCUA_ADMIN_PASSWORD and
 * MOTCUA_OFFICER_PINS do for `serve`), for hosts that take no such options, such as the Electron shell.
 */
export function scriptedInstall(dir: string): void {
  const db = openDatabase({ file: path.join(dir, 'motcua.sqlite'), backupDir: path.join(dir, 'backups') });
  try {
    seedIfEmpty(db, { adminPassword: TEST_ADMIN_PASSWORD, officerPins: TEST_PINS, pinHasher: PinHasher.forDataDir(dir), alwaysOpen: true });
  } finally {
    db.close();
  }
}

export interface TempHostOptions {
  clock?: FakeClock;
  issueRatePerMinute?: number;
  /** Reuse a data dir (a restart); default a fresh one. */
  dir?: string;
  /** Listen on this port (a restart where open pages reconnect); default any free one. */
  port?: number;
  /** How often the host re-evaluates time-driven state (ms). */
  timeTickMs?: number;
  /** Seed the sample ward with its real opening hours instead of always open. */
  officeHours?: boolean;
  staticDir?: string;
  /** MOTCUA_SEED: the sample provincial centre instead of the ward office. */
  seed?: 'ward' | 'centre';
  /** Socket caps other than those cut from this machine's open-file limit. */
  socketLimits?: Partial<SocketLimits>;
  /** Where the host's log lines go (default: nowhere), for tests of what is logged. */
  log?: (entry: Record<string, unknown>) => void;
  /** Health: the data folder's disk is low below this many free bytes. */
  diskLowBytes?: number;
  /** How often an idle Modbus board is asked whether it is there. */
  boardProbeMs?: number;
  /** How often an idle province link looks for events to push. */
  provinceIdleMs?: number;
  provinceHeartbeatMs?: number;
}

export async function tempHost(opts: TempHostOptions = {}): Promise<Host> {
  const dir = opts.dir ?? tempDir();
  return startHost({
    dataDir: dir,
    port: opts.port ?? 0,
    host: '127.0.0.1',
    log: opts.log ?? (() => undefined),
    version: 'test',
    staticDir: opts.staticDir ?? path.join(dir, 'no-renderer'),
    resourcesDir: path.resolve('resources'),
    adminPassword: TEST_ADMIN_PASSWORD,
    officerPins: TEST_PINS,
    seedAlwaysOpen: !opts.officeHours,
    seedSample: opts.seed,
    backups: false,
    now: opts.clock?.now,
    issueRatePerMinute: opts.issueRatePerMinute ?? 0,
    timeTickMs: opts.timeTickMs,
    socketLimits: opts.socketLimits,
    diskLowBytes: opts.diskLowBytes,
    boardProbeMs: opts.boardProbeMs,
    provinceIdleMs: opts.provinceIdleMs,
    provinceHeartbeatMs: opts.provinceHeartbeatMs,
  });
}

export const STAFF = (counterId: number, officerId: number) => ({ counterId, officerId, admin: false });

/** Poll until `check` holds (a timer on the host has to fire first); fails after `ms`. */
export async function eventually<T>(check: () => T | undefined | null | false, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
