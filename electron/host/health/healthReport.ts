import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Health, HealthDetails, SpeakerView } from '../../../shared/api/schemas';
import type { BoardStatus } from '../boards/boardsService';
import type { NumberRecovery } from '../recovery/numberRecovery';
import type { QueueContext } from '../queue/queueContext';

type HealthView = z.infer<typeof Health>;
type Details = z.infer<typeof HealthDetails>;

/** Free space below which the data folder's disk counts as low: a day of a busy centre is a few MB; backups and logs need room. */
export const DEFAULT_DISK_LOW_BYTES = 256 * 1024 * 1024;
/** Probes are shared by every caller for this long: a kiosk, the admin and a monitor polling every few seconds cost one probe. */
const CACHE_MS = 1500;

export type StatFs = (path: string) => { bavail: number; bsize: number; blocks: number };

export interface HealthDeps {
  db: Database.Database;
  ctx: QueueContext;
  recovery: NumberRecovery;
  dataDir: string;
  printers: () => { printer: string; ready: boolean; message: string }[];
  boards: () => BoardStatus[];
  /** Connected displays that speak calls, with the state of their sound (#31). */
  speakers?: () => z.infer<typeof SpeakerView>[];
  diskLowBytes?: number;
  statfs?: StatFs;
  now?: () => number;
}

/**
 * What `/api/health` answers: the database's real state (damaged log not yet recovered, a write that
 * failed for the storage's sake with none committed since, a cheap read), the data folder's free
 * space, the printers and the LED boards. Cheap enough to poll every few seconds: one small read and
 * one statfs per probe, probes cached for 1.5 s; never an integrity check.
 */
export class HealthReport {
  private cached: { at: number; details: Details } | null = null;
  private readonly read: Database.Statement;
  private readonly statfs: StatFs;
  private readonly now: () => number;

  constructor(private readonly d: HealthDeps) {
    this.read = d.db.prepare('SELECT count(*) AS n FROM services');
    this.statfs = d.statfs ?? ((p) => fs.statfsSync(p));
    this.now = d.now ?? Date.now;
  }

  private probe(): Details {
    const damage = this.d.recovery.damaged();
    let error: string | null = null;
    let database: Details['database']['state'] = 'ok';
    try {
      this.read.get();
    } catch (e) {
      database = 'down';
      error = String((e as Error)?.message ?? e);
    }
    const failure = this.d.ctx.storageFailure;
    if (database === 'ok' && failure) {
      database = 'failing';
      error = `${failure.code} at ${new Date(failure.at).toISOString()}`;
    }
    if (damage) database = 'damaged';
    const lowBelowBytes = this.d.diskLowBytes ?? DEFAULT_DISK_LOW_BYTES;
    let disk: Details['disk'];
    try {
      const s = this.statfs(this.d.dataDir);
      disk = { path: this.d.dataDir, freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize, lowBelowBytes, error: null };
    } catch (e) {
      disk = { path: this.d.dataDir, freeBytes: null, totalBytes: null, lowBelowBytes, error: String((e as Error)?.message ?? e) };
    }
    return {
      database: { state: database, error, damage: damage ? { detectedAt: damage.detectedAt, reason: damage.reason, detail: damage.detail, walCopy: damage.walCopy } : null },
      disk,
      printers: this.d.printers(),
      boards: this.d.boards().map((b) => ({ kind: b.kind, port: b.port, address: b.address, zoneId: b.zoneId, connected: b.connected })),
      checkedAt: this.now(),
      speakers: this.d.speakers?.() ?? [],
    };
  }

  details(): Details {
    const t = this.now();
    if (!this.cached || t - this.cached.at >= CACHE_MS || t < this.cached.at) this.cached = { at: t, details: this.probe() };
    return this.cached.details;
  }

  /** Forget the cached probes (a change the caller knows of: a recovery, a save of the printer or boards). */
  invalidate(): void {
    this.cached = null;
  }

  view(base: { version: string; time: number }, detailed: boolean): HealthView {
    const d = this.details();
    const disk = d.disk.freeBytes === null ? 'unknown' : d.disk.freeBytes < d.disk.lowBelowBytes ? 'low' : 'ok';
    const printers = d.printers.length === 0 ? 'none' : d.printers.every((p) => p.ready) ? 'ok' : 'down';
    const boards = d.boards.length === 0 ? 'none' : d.boards.every((b) => b.connected) ? 'ok' : 'down';
    const heard = d.speakers ?? [];
    // A display that cannot be heard is a fault like a printer down: the hall misses its calls.
    const speakers = heard.length === 0 ? 'none' : heard.every((s) => s.state === 'playing') ? 'ok' : 'silent';
    const ok = d.database.state === 'ok' && disk === 'ok' && printers !== 'down' && boards !== 'down' && speakers !== 'silent';
    return { ok, ...base, database: d.database.state, disk, printers, boards, speakers, ...(detailed ? { details: d } : {}) };
  }
}
