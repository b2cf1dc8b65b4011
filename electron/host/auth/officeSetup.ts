import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { setupProblems } from '../../../shared/setupForm';
import type { SetupPrinterChoice } from '../../../shared/setupForm';
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
  printer: SetupPrinterChoice | null;
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

  /**
   * Every field is checked before anything is refused, so the answer names each wrong field at once
   * (SETUP_INVALID, details.fields) and the page shows each message at its own field.
   */
  async complete(input: SetupInput, address: string | null): Promise<{ deviceToken: string; printer: SetupPrinterChoice }> {
    if (this.isDone()) throw new AppError('SETUP_TOKEN_INVALID', 'Hệ thống đã được cài đặt');
    if (!this.tokenValid(input.token)) throw new AppError('SETUP_TOKEN_INVALID');
    const office = this.settings.get();
    const officers = this.officersNeedingPins();
    const fields = setupProblems(input, office, officers.map((o) => o.id));
    if (fields.length > 0) throw new AppError('SETUP_INVALID', fields.map((f) => f.message).join('; '), { fields });
    const printer = input.printer as SetupPrinterChoice;
    const given = new Map(input.pins.map((p) => [p.officerId, p.pin]));
    const adminHash = await hashSecretAsync(input.password);
    const pinHashes = await Promise.all(officers.map(async (o) => [o.id, await this.pins.hash(given.get(o.id) as string)] as const));
    // Re-checked inside the transaction: two browsers racing with the same link, one wins.
    const done = this.db.transaction(() => {
      if (this.isDone() || !this.tokenValid(input.token)) throw new AppError('SETUP_TOKEN_INVALID');
      this.settings.setRaw('admin', { hash: adminHash, mustChange: false });
      this.settings.setRaw(SETUP_KEY, { hash: '', expiresAt: 0 });
      this.settings.setRaw('pinPolicy', { allowShort: input.allowShortPins });
      const put = this.db.prepare('UPDATE officers SET pin_hash = ?, failed_pins = 0, locked_until = NULL WHERE id = ?');
      for (const [id, hash] of pinHashes) put.run(hash, id);
      const { token } = this.devices.enroll('admin', null, input.deviceName || 'Máy cài đặt', address);
      this.settings.set({ ...office, hasTicketPrinter: printer.kind === 'printer' });
      return { deviceToken: token, printer };
    });
    try {
      return done.immediate();
    } finally {
      // The cached office row is re-read whether the write landed or was rolled back.
      this.settings.invalidate();
    }
  }

  allowShortPins(): boolean {
    return this.settings.getRaw<{ allowShort: boolean }>('pinPolicy')?.allowShort === true;
  }
}
