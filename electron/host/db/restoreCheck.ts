import fs from 'node:fs';
import Database from 'better-sqlite3';
import { migrations } from './migrations/index';
import { m008IncrementalRollups } from './migrations/m008_incremental_rollups';
import { DERIVED_TABLES, rebuildAllRollups } from '../reports/rollupCheck';
import { registerSqlFunctions } from './sqlFunctions';

export interface SchemaObject {
  type: string;
  name: string;
  table: string;
  sql: string;
}

// Tables whose rows are credentials: a restored file never brings them along.
const NOT_RESTORED = new Set(['sessions', 'devices', 'pairing_codes', 'setup_tokens', 'pin_attempts']);
// Settings rows that are the running office's secrets, not the backup's.
const KEEP_CURRENT_SETTINGS = ['admin'];
// Derived from the tickets: rebuilt from the restored tickets rather than taken on trust.
const REBUILT = new Set<string>(DERIVED_TABLES);
const ROLLUPS_SINCE = migrations.indexOf(m008IncrementalRollups) + 1;

const normalise = (sql: string | null) => (sql ?? '').replace(/\s+/g, ' ').trim();

export function schemaOf(db: Database.Database): Map<string, SchemaObject> {
  const rows = db.prepare("SELECT type, name, tbl_name AS tbl, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").all() as { type: string; name: string; tbl: string; sql: string | null }[];
  return new Map(rows.map((r) => [`${r.type} ${r.name}`, { type: r.type, name: r.name, table: r.tbl, sql: normalise(r.sql) }]));
}

/** The schema our own migrations make at `version`, built in memory. */
export function expectedSchema(version: number): Map<string, SchemaObject> {
  const db = new Database(':memory:');
  try {
    buildSchema(db, version);
    return schemaOf(db);
  } finally {
    db.close();
  }
}

function buildSchema(db: Database.Database, version: number): void {
  // An empty database: no rows for any foreign key to guard while tables are rebuilt.
  db.pragma('foreign_keys = OFF');
  registerSqlFunctions(db);
  db.transaction(() => {
    for (let v = 0; v < version; v++) db.exec(migrations[v] as string);
    db.pragma(`user_version = ${version}`);
  })();
}

/** Every object that is not exactly what our migrations made: extra, missing or altered. */
export function schemaDifferences(actual: Map<string, SchemaObject>, expected: Map<string, SchemaObject>): string[] {
  const out: string[] = [];
  for (const [key, obj] of actual) {
    const want = expected.get(key);
    if (!want) out.push(`có thêm ${obj.type} "${obj.name}" không thuộc motcua`);
    else if (want.sql !== obj.sql) out.push(`${obj.type} "${obj.name}" đã bị sửa`);
  }
  for (const [key, obj] of expected) if (!actual.has(key)) out.push(`thiếu ${obj.type} "${obj.name}"`);
  return out;
}

export type RestorePrepared = { ok: true; version: number; devicesKept: number } | { ok: false; reason: string };

/** A device paired with the running office, as stored (its credential is only a hash). */
export interface KeptDevice {
  id: number;
  token_hash: string;
  role: string;
  counter_id: number | null;
  name: string;
  created_at: number;
  last_seen_at: number | null;
  last_address: string | null;
  /** m012: the zone a kiosk or display serves; null (or absent, read before m012) is the whole office. */
  zone_id?: number | null;
}

/**
 * Restore takes data, not code. The uploaded file must have exactly the schema our migrations
 * make for its version (no extra trigger, view or index, none missing); then its data tables are
 * copied into a database built by our own migrations, without sessions or device credentials,
 * and with the running office's admin password. The devices paired with the running office stay
 * paired (the kiosks and counter PCs in the room are the same machines; the backup's are not
 * trusted), except a counter or tablet whose counter the backup does not have.
 * Runs in a worker: it reads the whole file.
 */
export function prepareRestore(uploaded: string, out: string, currentSettings: Record<string, string>, keepDevices: readonly KeptDevice[] = []): RestorePrepared {
  let version: number;
  try {
    const src = new Database(uploaded, { readonly: true, fileMustExist: true });
    try {
      if (src.pragma('integrity_check', { simple: true }) !== 'ok') return { ok: false, reason: 'tệp sao lưu bị hỏng' };
      version = src.pragma('user_version', { simple: true }) as number;
      if (version < 1 || version > migrations.length) return { ok: false, reason: 'tệp không phải bản sao lưu của phiên bản này' };
      const diff = schemaDifferences(schemaOf(src), expectedSchema(version));
      if (diff.length > 0) return { ok: false, reason: `cấu trúc khác với motcua: ${diff.slice(0, 5).join('; ')}` };
    } finally {
      src.close();
    }
  } catch {
    return { ok: false, reason: 'tệp không phải cơ sở dữ liệu SQLite' };
  }

  for (const ext of ['', '-wal', '-shm', '-journal']) fs.rmSync(out + ext, { force: true });
  const db = new Database(out);
  let devicesKept = 0;
  try {
    buildSchema(db, version);
    const tables = [...expectedSchema(version).values()].filter((o) => o.type === 'table' && !NOT_RESTORED.has(o.name) && !REBUILT.has(o.name)).map((o) => o.name);
    db.prepare('ATTACH DATABASE ? AS src').run(uploaded);
    // Our triggers keep derived rows (running counters, report rollups) in step with new tickets; the
    // backup already holds those rows, so the copy runs with the triggers set aside and puts them
    // back with their exact text afterwards.
    const triggers = db.prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string }[];
    db.transaction(() => {
      for (const tr of triggers) db.exec(`DROP TRIGGER main."${tr.name}"`);
      // A migration may seed rows (m009: the default zone); the backup's rows are the truth.
      for (const t of tables) db.exec(`DELETE FROM main."${t}"; INSERT INTO main."${t}" SELECT * FROM src."${t}"`);
      for (const tr of triggers) db.exec(tr.sql);
      // One grouped pass over the tickets (≈ 2 s for a million, here in the worker), so the first
      // report after the swap reads finished rollups. Older files get theirs from m008 at open.
      if (version >= ROLLUPS_SINCE) rebuildAllRollups(db);
      const del = db.prepare('DELETE FROM main.settings WHERE key = ?');
      const put = db.prepare('INSERT INTO main.settings (key, value) VALUES (?, ?)');
      for (const key of KEEP_CURRENT_SETTINGS) {
        del.run(key);
        const v = currentSettings[key];
        if (v !== undefined) put.run(key, v);
      }
      const hasCounter = db.prepare('SELECT 1 FROM main.counters WHERE id = ?').pluck();
      const hasZone = db.prepare('SELECT 1 FROM main.zones WHERE id = ?').pluck();
      // A backup from before m012 has no device zones: its kiosks and displays serve the whole office.
      const zoned = (db.prepare("SELECT 1 FROM pragma_table_info('devices', 'main') WHERE name = 'zone_id'").get() ?? null) !== null;
      const keep = db.prepare(
        zoned
          ? 'INSERT INTO main.devices (id, token_hash, role, counter_id, name, created_at, last_seen_at, last_address, zone_id) VALUES (@id, @token_hash, @role, @counter_id, @name, @created_at, @last_seen_at, @last_address, @zone_id)'
          : 'INSERT INTO main.devices (id, token_hash, role, counter_id, name, created_at, last_seen_at, last_address) VALUES (@id, @token_hash, @role, @counter_id, @name, @created_at, @last_seen_at, @last_address)',
      );
      for (const d of keepDevices) {
        if (d.counter_id !== null && !hasCounter.get(d.counter_id)) continue;
        // The room's kiosk keeps its zone when the backup has that zone; otherwise it serves the
        // whole office, never a zone id the restored office does not have.
        const zoneId = d.zone_id !== null && d.zone_id !== undefined && hasZone.get(d.zone_id) ? d.zone_id : null;
        const { zone_id: _z, ...row } = d;
        keep.run(zoned ? { ...row, zone_id: zoneId } : row);
        devicesKept++;
      }
    })();
    db.exec('DETACH DATABASE src');
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) return { ok: false, reason: 'dữ liệu tham chiếu không khớp' };
    db.pragma('journal_mode = DELETE');
  } catch (e) {
    return { ok: false, reason: `không chép được dữ liệu (${String((e as Error).message ?? e).slice(0, 120)})` };
  } finally {
    db.close();
  }
  return { ok: true, version, devicesKept };
}
