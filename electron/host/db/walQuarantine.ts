import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FRAME_HEADER, WAL_HEADER, databasePageSize, frameChains, frameSlots, parseWalHeader, walChecksum } from './walCheck';
import type { WalVerdict } from './walCheck';

/** The highest sequence a service reached on a business day, as some piece of evidence says. */
export interface SeqEvidence {
  serviceId: number;
  businessDay: string;
  lastSeq: number;
}

export interface QuarantinedWal {
  /** Where the damaged log was kept, byte for byte. */
  copy: string;
  /** What the damaged log's still-readable frames say about numbering. */
  evidence: SeqEvidence[];
}

function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

/**
 * Keep the damaged log (and its index) beside the database before SQLite touches it: SQLite resets
 * a log it judged empty at the next write, and deletes it at the next clean close. When the log's
 * valid frames are older than the database file itself (already checkpointed), replaying them would
 * take pages back in time, so the log is moved away instead of left for SQLite.
 */
export function quarantineWal(dbFile: string, verdict: Extract<WalVerdict, { state: 'damaged' }>, now: number): QuarantinedWal {
  const copy = `${dbFile}-wal.damaged-${stamp(now)}`;
  fs.copyFileSync(`${dbFile}-wal`, copy);
  if (fs.existsSync(`${dbFile}-shm`)) fs.copyFileSync(`${dbFile}-shm`, `${copy}-shm`);
  let evidence: SeqEvidence[] = [];
  try {
    evidence = walEvidence(dbFile, fs.readFileSync(copy));
  } catch {
    // Evidence is a help for the admin, never a reason not to start.
  }
  if (verdict.discardWal) {
    fs.rmSync(`${dbFile}-wal`, { force: true });
    fs.rmSync(`${dbFile}-shm`, { force: true });
  }
  return { copy, evidence };
}

/**
 * Read the numbering out of a damaged log without trusting SQLite to replay it: rebuild a log of
 * the frames that still carry the log's salts and chain with their neighbour (the first frame
 * needs only its salts when the header is gone), re-checksummed from a fresh header, up to the last
 * commit frame among them; put it beside a copy of the database in a temp folder and read the
 * running counters (one row per service and day) from there.
 */
export function walEvidence(dbFile: string, wal: Buffer): SeqEvidence[] {
  const rows = readThroughWal(dbFile, wal, (db) => db.prepare('SELECT service_id AS serviceId, business_day AS businessDay, last_seq AS lastSeq FROM service_day_counts').all() as SeqEvidence[]);
  return (rows ?? []).filter((r) => r.lastSeq !== null);
}

/** Run `read` on a temp copy of the database with the damaged log's readable frames rebuilt beside it. */
export function readThroughWal<T>(dbFile: string, wal: Buffer, read: (db: Database.Database) => T): T | null {
  const hdr = parseWalHeader(wal);
  const pageSize = hdr?.pageSize ?? databasePageSize(dbFile);
  if (!pageSize || wal.length < WAL_HEADER + FRAME_HEADER + pageSize) return null;
  const slots = frameSlots(wal, pageSize);
  const first = slots[0];
  if (!first) return null;
  const salt = hdr?.salt ?? first.salt;
  // Which byte order the checksums were written in: the header says, or frame 2 chaining from frame 1 does.
  const second = slots[1];
  const bigEndian = hdr ? hdr.bigEndian : second ? !frameChains(wal, second, pageSize, false, first.stored) : false;
  const kept: number[] = [];
  for (const f of slots) {
    if (!f.salt.equals(salt) || f.pgno === 0) break;
    const prev = f.index === 1 ? hdr?.checksum : slots[f.index - 2]?.stored;
    if (prev && !frameChains(wal, f, pageSize, bigEndian, prev)) break;
    kept.push(f.index);
  }
  let lastCommit = -1;
  kept.forEach((i, k) => {
    if ((slots[i - 1] as (typeof slots)[number]).commit) lastCommit = k;
  });
  if (lastCommit < 0) return null;
  const frameSize = FRAME_HEADER + pageSize;
  const out = Buffer.alloc(WAL_HEADER + (lastCommit + 1) * frameSize);
  out.writeUInt32BE(0x377f0682, 0);
  out.writeUInt32BE(3007000, 4);
  out.writeUInt32BE(pageSize === 65536 ? 1 : pageSize, 8);
  out.writeUInt32BE(0, 12);
  salt.copy(out, 16);
  let sum = walChecksum(out, 0, 24, false, [0, 0]);
  out.writeUInt32BE(sum[0], 24);
  out.writeUInt32BE(sum[1], 28);
  for (let k = 0; k <= lastCommit; k++) {
    const src = (slots[(kept[k] as number) - 1] as (typeof slots)[number]).offset;
    const dst = WAL_HEADER + k * frameSize;
    wal.copy(out, dst, src, src + frameSize);
    sum = walChecksum(out, dst, dst + 8, false, sum);
    sum = walChecksum(out, dst + FRAME_HEADER, dst + frameSize, false, sum);
    out.writeUInt32BE(sum[0], dst + 16);
    out.writeUInt32BE(sum[1], dst + 20);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-wal-evidence-'));
  try {
    const copy = path.join(dir, 'evidence.sqlite');
    fs.copyFileSync(dbFile, copy);
    fs.writeFileSync(`${copy}-wal`, out);
    const db = new Database(copy);
    try {
      return read(db);
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
