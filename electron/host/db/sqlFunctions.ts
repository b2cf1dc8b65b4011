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

/**
 * SQL functions our schema's triggers call (m008: the hour of issue in the office's zone, which
 * SQLite cannot compute). Registered on every connection that migrates or writes tickets; a
 * connection without them gets "no such function" instead of a silently wrong report.
 */
export function registerSqlFunctions(db: Database.Database): void {
  db.function('motcua_local_hour', { deterministic: true }, (ms: unknown, zone: unknown) =>
    typeof ms === 'number' || typeof ms === 'bigint' ? localHour(Number(ms), typeof zone === 'string' ? zone : null) : null,
  );
}
