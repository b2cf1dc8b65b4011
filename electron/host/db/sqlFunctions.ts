import type Database from 'better-sqlite3';
import { localParts } from '../../../shared/businessDay';

const DEFAULT_ZONE = 'Asia/Ho_Chi_Minh';
const QUARTER_MS = 15 * 60_000;

// Every zone's offset is a whole number of quarter hours and changes on a quarter hour, so the local
// hour is the same across a UTC quarter hour: one Intl call per quarter hour instead of per ticket
// (a year of history is ≈ 15,000 of them, against 1,000,000 tickets for the migration's build).
const hourOfQuarter = new Map<string, number>();

export function localHour(ms: number, zone: string | null): number {
  const tz = zone || DEFAULT_ZONE;
  const q = Math.floor(ms / QUARTER_MS);
  const key = `${tz}|${q}`;
  let h = hourOfQuarter.get(key);
  if (h === undefined) {
    if (hourOfQuarter.size > 200_000) hourOfQuarter.clear();
    h = localParts(q * QUARTER_MS, tz).hour;
    hourOfQuarter.set(key, h);
  }
  return h;
}

// A histogram as stored (report_hist.h): its non-empty buckets in ascending order, 6 bytes each —
// bucket as uint16, count as int32, little-endian. Canonical (no zero, no repeat), so two equal
// histograms are equal blobs.
const ENTRY = 6;

export function histEntries(blob: Uint8Array | null): [number, number][] {
  if (!blob) return [];
  const v = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const out: [number, number][] = [];
  for (let i = 0; i + ENTRY <= blob.byteLength; i += ENTRY) out.push([v.getUint16(i, true), v.getInt32(i + 2, true)]);
  return out;
}

export function packHist(counts: Map<number, number>): Buffer {
  const keys = [...counts.keys()].filter((k) => counts.get(k) !== 0).sort((a, b) => a - b);
  const buf = Buffer.alloc(keys.length * ENTRY);
  keys.forEach((k, i) => {
    buf.writeUInt16LE(k, i * ENTRY);
    buf.writeInt32LE(counts.get(k) as number, i * ENTRY + 2);
  });
  return buf;
}

/** `blob` with `delta` added to `bucket`: a binary search and one splice, no full decode. */
export function histAdd(blob: Uint8Array | null, bucket: number, delta: number): Buffer {
  const src = blob ? Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength) : Buffer.alloc(0);
  let lo = 0;
  let hi = src.length / ENTRY;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (src.readUInt16LE(mid * ENTRY) < bucket) lo = mid + 1;
    else hi = mid;
  }
  const at = lo * ENTRY;
  if (at < src.length && src.readUInt16LE(at) === bucket) {
    const n = src.readInt32LE(at + 2) + delta;
    if (n === 0) return Buffer.concat([src.subarray(0, at), src.subarray(at + ENTRY)]);
    const out = Buffer.from(src);
    out.writeInt32LE(n, at + 2);
    return out;
  }
  if (delta === 0) return Buffer.from(src);
  const entry = Buffer.alloc(ENTRY);
  entry.writeUInt16LE(bucket, 0);
  entry.writeInt32LE(delta, 2);
  return Buffer.concat([src.subarray(0, at), entry, src.subarray(at)]);
}

/** better-sqlite3's types give an aggregate's step one argument; SQL passes it as many as it is called with. */
const twoArgs = <T, N>(step: (acc: T, a: unknown, b: unknown) => void) => step as unknown as (acc: T, next: N) => void;

/**
 * SQL functions our schema's triggers call (m008): the hour of issue in the office's zone, which
 * SQLite cannot compute, and the packed duration histograms. Registered on every connection that
 * migrates or writes tickets; a connection without them gets "no such function" instead of a
 * silently wrong report.
 */
export function registerSqlFunctions(db: Database.Database): void {
  db.function('motcua_local_hour', { deterministic: true }, (ms: unknown, zone: unknown) =>
    typeof ms === 'number' || typeof ms === 'bigint' ? localHour(Number(ms), typeof zone === 'string' ? zone : null) : null,
  );
  db.function('motcua_hist_add', { deterministic: true }, (blob: unknown, bucket: unknown, delta: unknown) =>
    histAdd(blob instanceof Uint8Array ? blob : null, Number(bucket), Number(delta)),
  );
  // Aggregate: tickets per local hour of their issue time, as a JSON array of 24 counts (the build).
  db.aggregate('motcua_hours', {
    start: () => Array<number>(24).fill(0),
    step: twoArgs((hours: number[], ms: unknown, zone: unknown) => {
      if (typeof ms === 'number' || typeof ms === 'bigint') hours[localHour(Number(ms), typeof zone === 'string' ? zone : null)]! += 1;
    }),
    result: (hours: number[]) => JSON.stringify(hours),
  });
  // Aggregates: (bucket, count) pairs into a histogram (the build), histograms into one (months from days).
  db.aggregate('motcua_hist', {
    start: () => new Map<number, number>(),
    step: twoArgs((m: Map<number, number>, bucket: unknown, count: unknown) => {
      const b = Number(bucket);
      m.set(b, (m.get(b) ?? 0) + Number(count));
    }),
    result: (m: Map<number, number>) => packHist(m),
  });
  db.aggregate('motcua_hist_merge', {
    start: () => new Map<number, number>(),
    step: (m: Map<number, number>, blob: unknown) => {
      for (const [b, n] of histEntries(blob instanceof Uint8Array ? blob : null)) m.set(b, (m.get(b) ?? 0) + n);
    },
    result: (m: Map<number, number>) => packHist(m),
  });
}
