import fs from 'node:fs';
import os from 'node:os';

// The write-ahead log as SQLite lays it out (https://www.sqlite.org/fileformat.html#the_write_ahead_log):
// a 32-byte header, then frames of a 24-byte header and one page. SQLite replays frames only while
// their salts match the header's and their checksums chain; the rest it drops without a word. That
// is right for a transaction torn by a crash, and wrong for frames a bad sector or a half-finished
// copy broke after they were committed: those tickets vanish and numbering starts again below
// numbers citizens hold. This module tells the two apart before SQLite ever opens the file.

const MAGIC_LE = 0x377f0682;
const MAGIC_BE = 0x377f0683;
const WAL_VERSION = 3007000;
export const WAL_HEADER = 32;
export const FRAME_HEADER = 24;

export type WalVerdict =
  | { state: 'absent' }
  | { state: 'ok'; frames: number; committedFrames: number }
  | { state: 'damaged'; reason: WalDamageReason; detail: string; committedFrames: number; /** The valid prefix is older than the database file (already checkpointed): replaying it would go back in time. */ discardWal: boolean };

export type WalDamageReason = 'header' | 'index' | 'chain';

/** SQLite's WAL checksum: pairs of 32-bit words, in the byte order the magic names, chained from `s`. */
export function walChecksum(buf: Buffer, start: number, end: number, bigEndian: boolean, s: [number, number]): [number, number] {
  let s1 = s[0];
  let s2 = s[1];
  for (let i = start; i + 8 <= end; i += 8) {
    const x0 = bigEndian ? buf.readUInt32BE(i) : buf.readUInt32LE(i);
    const x1 = bigEndian ? buf.readUInt32BE(i + 4) : buf.readUInt32LE(i + 4);
    s1 = (s1 + x0 + s2) >>> 0;
    s2 = (s2 + x1 + s1) >>> 0;
  }
  return [s1, s2];
}

export interface WalHeader {
  bigEndian: boolean;
  pageSize: number;
  salt: Buffer;
  checksum: [number, number];
}

/** The header, or null when SQLite would take the whole log for empty. */
export function parseWalHeader(wal: Buffer): WalHeader | null {
  if (wal.length < WAL_HEADER) return null;
  const magic = wal.readUInt32BE(0);
  if (magic !== MAGIC_LE && magic !== MAGIC_BE) return null;
  if (wal.readUInt32BE(4) !== WAL_VERSION) return null;
  const raw = wal.readUInt32BE(8);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return null;
  const bigEndian = magic === MAGIC_BE;
  const sum = walChecksum(wal, 0, 24, bigEndian, [0, 0]);
  if (sum[0] !== wal.readUInt32BE(24) || sum[1] !== wal.readUInt32BE(28)) return null;
  return { bigEndian, pageSize, salt: wal.subarray(16, 24), checksum: sum };
}

export interface Frame {
  index: number;
  offset: number;
  pgno: number;
  commit: boolean;
  salt: Buffer;
  stored: [number, number];
}

/** Every complete frame slot in the file, valid or not (a torn last one is left out). */
export function frameSlots(wal: Buffer, pageSize: number): Frame[] {
  const size = FRAME_HEADER + pageSize;
  const out: Frame[] = [];
  for (let off = WAL_HEADER, i = 1; off + size <= wal.length; off += size, i++) {
    out.push({ index: i, offset: off, pgno: wal.readUInt32BE(off), commit: wal.readUInt32BE(off + 4) !== 0, salt: wal.subarray(off + 8, off + 16), stored: [wal.readUInt32BE(off + 16), wal.readUInt32BE(off + 20)] });
  }
  return out;
}

/** Does `f` chain from checksum `prev` (the header's for the first frame, the previous frame's stored one after)? */
export function frameChains(wal: Buffer, f: Frame, pageSize: number, bigEndian: boolean, prev: [number, number]): boolean {
  const a = walChecksum(wal, f.offset, f.offset + 8, bigEndian, prev);
  const b = walChecksum(wal, f.offset + FRAME_HEADER, f.offset + FRAME_HEADER + pageSize, bigEndian, a);
  return f.pgno > 0 && b[0] === f.stored[0] && b[1] === f.stored[1];
}

/** The wal-index header in `-shm` (written in the machine's byte order), when both copies agree. */
export interface ShmInfo {
  mxFrame: number;
  nBackfill: number;
  salt: Buffer;
}

export function parseShm(shm: Buffer | null): ShmInfo | null {
  if (!shm || shm.length < 136) return null;
  const a = shm.subarray(0, 48);
  if (!a.equals(shm.subarray(48, 96))) return null;
  const le = os.endianness() === 'LE';
  const u32 = (b: Buffer, o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  if (u32(a, 0) !== WAL_VERSION || a[12] !== 1) return null;
  const sum = walChecksum(a, 0, 40, !le, [0, 0]);
  if (sum[0] !== u32(a, 40) || sum[1] !== u32(a, 44)) return null;
  return { mxFrame: u32(a, 16), nBackfill: u32(shm, 96), salt: a.subarray(32, 40) };
}

function readIfExists(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * Judge `<db>-wal` before SQLite replays it. Damage is a log from which SQLite would silently drop
 * frames that were committed:
 * - a non-empty log whose header is invalid. With synchronous=FULL SQLite syncs the header before
 *   it writes any frame, so a crash cannot leave frames behind a broken header; a clean close or a
 *   checkpoint leaves a valid header or no log at all. (Unless the wal-index says every frame was
 *   already copied into the database: then nothing is lost.)
 * - fewer committed frames than the wal-index (`-shm`, same salts) recorded as committed: a
 *   truncation through committed transactions. SQLite updates the index only after the commit's
 *   sync, so a torn last transaction never counts here.
 * - after the first broken frame, the chain resumes with two or more commit frames: the broken
 *   frame's transaction was synced before a later one began, so it was committed, not torn.
 * A torn final transaction (a partial last frame, a broken tail with at most its own commit frame
 * after it) is what a crash normally leaves and is not damage.
 */
export function checkWal(dbFile: string): WalVerdict {
  // The index first, the log after: a live writer only moves the index after its frames are
  // synced, so an index read earlier never promises more than the log read later holds.
  const shm = parseShm(readIfExists(`${dbFile}-shm`));
  const wal = readIfExists(`${dbFile}-wal`);
  if (!wal || wal.length === 0) return { state: 'absent' };
  const hdr = parseWalHeader(wal);
  if (!hdr) {
    const ps = databasePageSize(dbFile);
    const first = ps && wal.length >= WAL_HEADER + FRAME_HEADER ? wal.subarray(WAL_HEADER + 8, WAL_HEADER + 16) : null;
    if (shm && first && shm.salt.equals(first) && shm.nBackfill >= shm.mxFrame) return { state: 'ok', frames: 0, committedFrames: 0 };
    return { state: 'damaged', reason: 'header', detail: `WAL header invalid (${wal.length} bytes in the log)`, committedFrames: 0, discardWal: false };
  }
  const slots = frameSlots(wal, hdr.pageSize);
  let prev = hdr.checksum;
  let valid = 0;
  let committed = 0;
  for (const f of slots) {
    if (!f.salt.equals(hdr.salt) || !frameChains(wal, f, hdr.pageSize, hdr.bigEndian, prev)) break;
    valid = f.index;
    if (f.commit) committed = f.index;
    prev = f.stored;
  }
  const sameGeneration = shm !== null && shm.salt.equals(hdr.salt);
  const discardWal = sameGeneration && committed <= (shm as ShmInfo).nBackfill && committed < (shm as ShmInfo).mxFrame;
  if (sameGeneration && (shm as ShmInfo).mxFrame > committed) {
    return { state: 'damaged', reason: 'index', detail: `the wal-index recorded ${(shm as ShmInfo).mxFrame} committed frames, the log holds ${committed}`, committedFrames: committed, discardWal };
  }
  let laterCommits = 0;
  for (const f of slots.slice(valid + 1)) {
    const before = slots[f.index - 2] as Frame;
    if (f.commit && f.salt.equals(hdr.salt) && frameChains(wal, f, hdr.pageSize, hdr.bigEndian, before.stored)) laterCommits++;
  }
  if (laterCommits >= 2) {
    return { state: 'damaged', reason: 'chain', detail: `frame ${valid + 1} is broken and ${laterCommits} committed transactions follow it`, committedFrames: committed, discardWal };
  }
  return { state: 'ok', frames: slots.length, committedFrames: committed };
}

/** Page size from the database file's own header (offset 16), or null. */
export function databasePageSize(dbFile: string): number | null {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dbFile, 'r');
    const b = Buffer.alloc(18);
    if (fs.readSync(fd, b, 0, 18, 0) < 18) return null;
    const raw = b.readUInt16BE(16);
    return raw === 1 ? 65536 : raw >= 512 ? raw : null;
  } catch {
    return null;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
