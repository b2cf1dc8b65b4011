import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { passwordProblem, pinProblem } from '../../../shared/passwordPolicy';
import type { OfficeSettings } from '../config/officeSettings';
import type { DeviceRegistry } from './deviceRegistry';
import { hashSecretAsync, randomToken, sha256 } from './secretHash';
import type { PinHasher } from './pinHasher';

const SETUP_KEY = 'setup';
export const SETUP_TOKEN_MS = 24 * 3600_000;

export interface SetupInput {
  token: string;
  password: string;
  pins: { officerId: number; pin: string }[];
  allowShortPins: boolean;
  deviceName?: string;
}

/**
 * First start of an office: no admin password and no working PIN exist until someone holding the
 * one-time setup link (printed by the host, opened by the Electron shell on the host PC) chooses
 * them. The browser that completes setup becomes the first admin device.
 */
export class OfficeSetup {
  constructor(
    private readonly db: Database.Database,
    private readonly settings: OfficeSettings,
    private readonly devices: DeviceRegistry,
    private readonly pins: PinHasher,
    private readonly now: () => number,
  ) {}

  isDone(): boolean {
    return this.settings.getRaw<{ hash: string }>('admin')?.hash !== undefined;
  }

  /** A fresh one-time token (the previous one stops working). Null when setup is already done. */
  issueToken(): string | null {
    if (this.isDone()) return null;
    const token = randomToken(24);
    this.settings.setRaw(SETUP_KEY, { hash: sha256(token), expiresAt: this.now() + SETUP_TOKEN_MS });
    return token;
  }

  tokenValid(token: string | undefined): boolean {
    if (!token || this.isDone()) return false;
    const stored = this.settings.getRaw<{ hash: string; expiresAt: number }>(SETUP_KEY);
    if (!stored || stored.expiresAt <= this.now()) return false;
    const a = Buffer.from(sha256(token));
    const b = Buffer.from(stored.hash);
    return a.length === b.length && crypto.timingSafeEqual(a, b);
  }

  officersNeedingPins(): { id: number; name: string; title: string }[] {
    return this.db.prepare("SELECT id, name, title FROM officers WHERE active = 1 ORDER BY id").all() as { id: number; name: string; title: string }[];
  }

  async complete(input: SetupInput, address: string | null): Promise<{ deviceToken: string }> {
    if (this.isDone()) throw new AppError('SETUP_TOKEN_INVALID', 'Hệ thống đã được cài đặt');
    if (!this.tokenValid(input.token)) throw new AppError('SETUP_TOKEN_INVALID');
    const office = this.settings.get();
    const problem = passwordProblem(input.password, [office.name, office.nameEn, ...office.name.split(/\s+/)]);
    if (problem) throw new AppError('WEAK_PASSWORD', problem);
    const officers = this.officersNeedingPins();
    const given = new Map(input.pins.map((p) => [p.officerId, p.pin]));
    for (const o of officers) {
      const pin = given.get(o.id);
      if (pin === undefined) throw new AppError('BAD_REQUEST', `Chưa đặt mã PIN cho ${o.name}`);
      const bad = pinProblem(pin, input.allowShortPins);
      if (bad) throw new AppError('BAD_REQUEST', `${o.name}: ${bad}`);
    }
    if (new Set(given.values()).size !== given.size) throw new AppError('BAD_REQUEST', 'Mỗi cán bộ cần một mã PIN riêng');
    const adminHash = await hashSecretAsync(input.password);
    const pinHashes = await Promise.all(officers.map(async (o) => [o.id, await this.pins.hash(given.get(o.id) as string)] as const));
    // Re-checked inside the transaction: two browsers racing with the same link, one wins.
    return this.db.transaction(() => {
      if (this.isDone() || !this.tokenValid(input.token)) throw new AppError('SETUP_TOKEN_INVALID');
      this.settings.setRaw('admin', { hash: adminHash, mustChange: false });
      this.settings.setRaw(SETUP_KEY, { hash: '', expiresAt: 0 });
      this.settings.setRaw('pinPolicy', { allowShort: input.allowShortPins });
      const put = this.db.prepare('UPDATE officers SET pin_hash = ?, failed_pins = 0, locked_until = NULL WHERE id = ?');
      for (const [id, hash] of pinHashes) put.run(hash, id);
      const { token } = this.devices.enroll('admin', null, input.deviceName || 'Máy cài đặt', address);
      return { deviceToken: token };
    }).immediate();
  }

  allowShortPins(): boolean {
    return this.settings.getRaw<{ allowShort: boolean }>('pinPolicy')?.allowShort === true;
  }
}
