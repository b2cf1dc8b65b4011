import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { DeviceRole } from '../../../shared/api/access';
import { normalizePairingCode, PAIRING_CODE_ALPHABET, PAIRING_CODE_LENGTH } from '../../../shared/pairingCode';
import { randomToken, sha256 } from './secretHash';
import crypto from 'node:crypto';

export interface Device {
  id: number;
  role: DeviceRole;
  counterId: number | null;
  name: string;
  createdAt: number;
  lastSeenAt: number | null;
  lastAddress: string | null;
  revokedAt: number | null;
  /** The zone a kiosk or display serves (m012); null: the whole office. */
  zoneId: number | null;
  /** Wrong PINs typed on this device since its last right one (an alert from 5 on). */
  pinFailures: number;
  /** The last right PIN typed here that came after wrong ones: after how many, and when (kept, never reset by a later right PIN). */
  pinRightAfterFailures: number;
  pinRightAt: number | null;
}

interface DeviceRow {
  id: number;
  token_hash: string;
  role: DeviceRole;
  counter_id: number | null;
  name: string;
  created_at: number;
  last_seen_at: number | null;
  last_address: string | null;
  revoked_at: number | null;
  zone_id?: number | null;
  pin_failures?: number | null;
  pin_right_after?: number | null;
  pin_right_at?: number | null;
}

const toDevice = (r: DeviceRow): Device => ({
  id: r.id,
  role: r.role,
  counterId: r.counter_id,
  name: r.name,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  lastAddress: r.last_address,
  revokedAt: r.revoked_at,
  zoneId: r.zone_id ?? null,
  pinFailures: r.pin_failures ?? 0,
  pinRightAfterFailures: r.pin_right_after ?? 0,
  pinRightAt: r.pin_right_at ?? null,
});

export const PAIRING_MS = 10 * 60_000;
// Last-seen is written at most this often per device: a kiosk polling must not mean a write per request.
const SEEN_EVERY_MS = 60_000;

/**
 * The office's enrolled devices. A device is paired once with a code the admin made
 * (shared/pairingCode.ts; one use, 10 minutes) and from then on presents a long random credential; only its hash is
 * stored, so a copied database enrolls nobody.
 */
export class DeviceRegistry {
  private readonly byHash: Database.Statement<[string], DeviceRow>;
  private readonly seen: Database.Statement<[number, string, number]>;
  private readonly lastSeenWrite = new Map<number, number>();
  private readonly revokedListeners = new Set<(deviceId: number) => void>();

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number,
  ) {
    this.byHash = db.prepare('SELECT * FROM devices WHERE token_hash = ?');
    this.seen = db.prepare('UPDATE devices SET last_seen_at = ?, last_address = ? WHERE id = ?');
  }

  onRevoked(l: (deviceId: number) => void): () => void {
    this.revokedListeners.add(l);
    return () => this.revokedListeners.delete(l);
  }

  /**
   * A pairing code for one device of `role` (and counter, for counter PCs and rating tablets; and
   * zone, for a kiosk or display that serves one zone — null is the whole office).
   */
  createPairingCode(role: DeviceRole, counterId: number | null, name = '', zoneId: number | null = null): { code: string; expiresAt: number } {
    const needsCounter = role === 'counter' || role === 'rating';
    if (needsCounter !== (counterId !== null)) throw new AppError('BAD_REQUEST', needsCounter ? 'Cần chọn quầy cho thiết bị này' : 'Thiết bị này không gắn với quầy');
    if (counterId !== null && !this.db.prepare('SELECT 1 FROM counters WHERE id = ?').get(counterId)) throw new AppError('COUNTER_NOT_FOUND');
    this.assertZone(role, zoneId);
    const now = this.now();
    const code = Array.from({ length: PAIRING_CODE_LENGTH }, () => PAIRING_CODE_ALPHABET[crypto.randomInt(PAIRING_CODE_ALPHABET.length)]).join('');
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM pairing_codes WHERE expires_at < ? OR used_at IS NOT NULL').run(now);
      this.db
        .prepare('INSERT OR REPLACE INTO pairing_codes (code_hash, role, counter_id, name, created_at, expires_at, zone_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(sha256(code), role, counterId, name, now, now + PAIRING_MS, zoneId);
    }).immediate();
    return { code, expiresAt: now + PAIRING_MS };
  }

  /** Only a kiosk or a display stands in a zone, and only in one the office has. */
  private assertZone(role: DeviceRole, zoneId: number | null): void {
    if (zoneId === null) return;
    if (role !== 'kiosk' && role !== 'display') throw new AppError('BAD_REQUEST', 'Chỉ kiosk và màn hình gọi số được đặt theo khu vực');
    if (!this.db.prepare('SELECT 1 FROM zones WHERE id = ?').get(zoneId)) throw new AppError('ZONE_NOT_FOUND', `Không có khu vực số ${zoneId}`);
  }

  /**
   * Move an enrolled kiosk or display to another zone (null: the whole office). Read again on its
   * next request (identify reads the row every time), so the device follows without re-pairing.
   */
  setZone(id: number, zoneId: number | null): Device {
    return this.db.transaction(() => {
      const d = this.get(id);
      if (!d || d.revokedAt !== null) throw new AppError('NOT_FOUND', 'Không có thiết bị này');
      if (d.role !== 'kiosk' && d.role !== 'display') throw new AppError('BAD_REQUEST', 'Chỉ kiosk và màn hình gọi số được đặt theo khu vực');
      this.assertZone(d.role, zoneId);
      this.db.prepare('UPDATE devices SET zone_id = ? WHERE id = ?').run(zoneId, id);
      return this.get(id) as Device;
    }).immediate();
  }

  /**
   * Trade a pairing code for a device credential; the code is spent whatever happens next. Open to
   * anyone: call it through PairingGuard, which pays for the guess first.
   */
  pair(typed: string, address: string | null, name?: string): { token: string; device: Device } {
    const now = this.now();
    const code = normalizePairingCode(typed);
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT * FROM pairing_codes WHERE code_hash = ?').get(sha256(code)) as
        | { role: DeviceRole; counter_id: number | null; name: string; expires_at: number; used_at: number | null; zone_id: number | null }
        | undefined;
      if (!row || row.used_at !== null || row.expires_at <= now) throw new AppError('PAIRING_CODE_INVALID');
      this.db.prepare('UPDATE pairing_codes SET used_at = ? WHERE code_hash = ?').run(now, sha256(code));
      return this.enroll(row.role, row.counter_id, name || row.name, address, row.zone_id);
    }).immediate();
  }

  /** Every code not yet used stops working (someone is sweeping them); returns how many. */
  voidPairingCodes(): number {
    return this.db.prepare('DELETE FROM pairing_codes WHERE used_at IS NULL').run().changes;
  }

  /** Direct enrollment: the setup page's browser, and `npm run device -- pair` on the host PC. */
  enroll(role: DeviceRole, counterId: number | null, name: string, address: string | null, zoneId: number | null = null): { token: string; device: Device } {
    this.assertZone(role, zoneId);
    const token = randomToken(32);
    const now = this.now();
    const id = Number(
      this.db
        .prepare('INSERT INTO devices (token_hash, role, counter_id, name, created_at, last_seen_at, last_address, zone_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(sha256(token), role, counterId, name.slice(0, 80), now, now, address, zoneId).lastInsertRowid,
    );
    return { token, device: this.get(id) as Device };
  }

  /** The enrolled, not revoked, device presenting this credential. */
  identify(token: string | undefined, address: string | null): Device | null {
    if (!token || token.length > 200) return null;
    // Read on every request, not cached: `npm run device -- revoke` in another process writes the
    // same file, and a revoked device must be refused at once (one indexed lookup, ≈ 10 µs).
    const row = this.byHash.get(sha256(token));
    if (!row || row.revoked_at !== null) return null;
    const now = this.now();
    if (now - (this.lastSeenWrite.get(row.id) ?? 0) > SEEN_EVERY_MS) {
      this.lastSeenWrite.set(row.id, now);
      try {
        this.seen.run(now, address ?? '', row.id);
      } catch {
        // A busy database must not refuse a device: last-seen is a hint, not a record.
      }
    }
    return toDevice(row);
  }

  get(id: number): Device | null {
    const row = this.db.prepare('SELECT * FROM devices WHERE id = ?').get(id) as DeviceRow | undefined;
    return row ? toDevice(row) : null;
  }

  list(): Device[] {
    return (
      this.db
        .prepare("SELECT d.*, p.failures AS pin_failures, p.right_after_failures AS pin_right_after, p.right_at AS pin_right_at FROM devices d LEFT JOIN pin_attempts p ON p.device_key = 'device:' || d.id ORDER BY d.revoked_at IS NOT NULL, d.role, d.counter_id, d.id")
        .all() as DeviceRow[]
    ).map(toDevice);
  }

  /** Refused at once: its sessions end now and listeners close its open sockets. */
  revoke(id: number): Device {
    const now = this.now();
    const changed = this.db.transaction(() => {
      const r = this.db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id).changes;
      this.db.prepare('DELETE FROM sessions WHERE device_id = ?').run(id);
      return r;
    }).immediate();
    const d = this.get(id);
    if (!d) throw new AppError('NOT_FOUND');
    if (changed) for (const l of this.revokedListeners) l(id);
    return d;
  }
}
