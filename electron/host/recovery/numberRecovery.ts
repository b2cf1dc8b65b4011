import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { latestBackup } from '../db/backup';
import { DamageRecords } from '../db/damageRecords';
import type { DamageRecord } from '../db/damageRecords';
import type { SeqEvidence } from '../db/walQuarantine';
import type { QueueContext } from '../queue/queueContext';
import { logEvidence } from './logEvidence';

export interface RecoveryService {
  serviceId: number;
  name: string;
  prefix: string;
  /** Highest sequence today per source (null: that source has none). */
  inDatabase: number | null;
  inLog: number | null;
  inDamagedLog: number | null;
  /** The highest of them: numbering resumes above it unless the admin saw a higher one on paper. */
  suggested: number;
}

export interface RecoveryView {
  damaged: boolean;
  damage: { detectedAt: number; reason: string; detail: string; walCopy: string } | null;
  latestBackup: string | null;
  businessDay: string;
  services: RecoveryService[];
}

/**
 * After a damaged write-ahead log (#27) the database may have forgotten numbers citizens hold on
 * paper. Until the admin confirms, per service, the highest number handed out today, no number is
 * issued; the confirmation raises each service's running counter (and a floor the start-up recount
 * keeps, m015) in one transaction, so numbering resumes above every number that may be out there.
 */
export class NumberRecovery {
  private readonly records: DamageRecords;
  private open: DamageRecord[];

  constructor(
    private readonly ctx: QueueContext,
    private readonly dirs: { logDir: string; backupDir: string },
  ) {
    this.records = new DamageRecords(ctx.db);
    this.open = this.records.unresolved();
  }

  damaged(): DamageRecord | null {
    return this.open[0] ?? null;
  }

  refusal(): AppError | null {
    if (!this.open.length) return null;
    return this.open.every((d) => d.reason === RESTORED) ? new AppError('DATABASE_DAMAGED', RESTORED_MESSAGE) : new AppError('DATABASE_DAMAGED');
  }

  view(): RecoveryView {
    const day = this.ctx.today();
    const o = this.ctx.settings.get();
    const services = this.ctx.db.prepare('SELECT id, name_vi AS name, prefix FROM services ORDER BY sort_order, id').all() as { id: number; name: string; prefix: string }[];
    const inDb = new Map((this.ctx.db.prepare('SELECT service_id, last_seq FROM service_day_counts WHERE business_day = ?').all(day) as { service_id: number; last_seq: number }[]).map((r) => [r.service_id, r.last_seq]));
    const highest = (rows: SeqEvidence[]) => {
      const m = new Map<number, number>();
      for (const r of rows) if (r.businessDay === day) m.set(r.serviceId, Math.max(m.get(r.serviceId) ?? 0, r.lastSeq));
      return m;
    };
    const fromLog = highest(logEvidence(this.dirs.logDir, { prefixes: services.map((s) => ({ serviceId: s.id, prefix: s.prefix })), timeZone: o.timeZone, dayBoundaryMinutes: o.dayBoundaryMinutes }));
    const fromWal = highest(this.open.flatMap((d) => d.evidence));
    const d = this.damaged();
    return {
      damaged: d !== null,
      damage: d ? { detectedAt: d.detectedAt, reason: d.reason, detail: d.detail, walCopy: d.walCopy } : null,
      latestBackup: latestBackup(this.dirs.backupDir),
      businessDay: day,
      services: services.map((s) => {
        const inDatabase = inDb.get(s.id) ?? null;
        const inLog = fromLog.get(s.id) ?? null;
        const inDamagedLog = fromWal.get(s.id) ?? null;
        return { serviceId: s.id, name: s.name, prefix: s.prefix, inDatabase, inLog, inDamagedLog, suggested: Math.max(inDatabase ?? 0, inLog ?? 0, inDamagedLog ?? 0) };
      }),
    };
  }

  /**
   * The admin's confirmation: per service, the highest number seen on paper today. A value below
   * what the database, the host's log or the damaged log's frames show is raised to it — those
   * numbers were handed out. Joins the caller's transaction (the admin audit event's); call
   * reload() once it has committed.
   */
  confirm(floors: readonly { serviceId: number; lastSeq: number }[]): void {
    const before = this.view();
    const known = new Map(before.services.map((s) => [s.serviceId, s]));
    const day = before.businessDay;
    const floor = this.ctx.db.prepare('INSERT INTO number_floors (service_id, business_day, last_seq) VALUES (?, ?, ?) ON CONFLICT (service_id, business_day) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)');
    // issued stays as counted (quotas count tickets the database has); only last_seq moves up.
    const counter = this.ctx.db.prepare('INSERT INTO service_day_counts (service_id, business_day, issued, last_seq) VALUES (?, ?, 0, ?) ON CONFLICT (service_id, business_day) DO UPDATE SET last_seq = max(coalesce(last_seq, 0), excluded.last_seq)');
    const wanted = new Map(floors.map((f) => [f.serviceId, f.lastSeq]));
    for (const id of wanted.keys()) if (!known.has(id)) throw new AppError('SERVICE_NOT_FOUND');
    this.ctx.tx(() => {
      for (const s of before.services) {
        const seq = Math.max(wanted.get(s.serviceId) ?? 0, s.suggested);
        if (seq <= 0) continue;
        floor.run(s.serviceId, day, seq);
        counter.run(s.serviceId, day, seq);
      }
      this.records.resolveAll(this.ctx.now(), { businessDay: day, floors: before.services.map((s) => ({ serviceId: s.serviceId, lastSeq: Math.max(wanted.get(s.serviceId) ?? 0, s.suggested) })) });
    });
  }

  /** After the transaction that confirmed has committed (the caller's may be the outer one). */
  reload(): void {
    this.open = this.records.unresolved();
  }
}

const RESTORED = 'restored';
const RESTORED_MESSAGE = 'Dữ liệu vừa được khôi phục từ bản sao lưu; tạm ngừng cấp số cho đến khi quản trị xác nhận số cuối đã phát. Vui lòng báo cán bộ';

/**
 * A restored backup takes the database back to the moment it was taken: the numbers handed out
 * since are in citizens' hands and not in the data. The same confirmation as after a damaged log is
 * asked for, with the database the restore replaced (kept aside) as one more piece of evidence.
 */
export function recordRestore(db: Database.Database, previousFile: string, now: number): void {
  let evidence: SeqEvidence[] = [];
  try {
    const prev = new Database(previousFile, { readonly: true, fileMustExist: true });
    try {
      evidence = prev.prepare('SELECT service_id AS serviceId, business_day AS businessDay, last_seq AS lastSeq FROM service_day_counts WHERE last_seq IS NOT NULL').all() as SeqEvidence[];
    } finally {
      prev.close();
    }
  } catch {
    // No readable previous database (a first start from a restore): the host's log remains.
  }
  new DamageRecords(db).record({ detectedAt: now, reason: RESTORED, detail: `restored from a backup; the replaced database is kept at ${previousFile}`, walCopy: previousFile, evidence });
}

/** Where the host keeps its log and backups under the data folder. */
export const recoveryDirs = (dataDir: string) => ({ logDir: path.join(dataDir, 'logs'), backupDir: path.join(dataDir, 'backups') });
