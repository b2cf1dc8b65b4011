import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { QueueService } from '../queue/queueService';
import type { OfficerRow } from '../queue/rows';
import type { Device } from './deviceRegistry';
import type { PinHasher } from './pinHasher';
import { hashSecretAsync, randomToken, sha256, verifySecretAsync } from './secretHash';
import { SignInThrottle } from './signInThrottle';

const STAFF_SESSION_MS = 14 * 3600_000;
const ADMIN_SESSION_MS = 2 * 3600_000;
/** Wrong PINs a device may enter before it has to wait; the wait doubles each time after. */
const FREE_PIN_FAILURES = 5;
const PIN_BACKOFF_MS = 30_000;
const MAX_PIN_BACKOFF_MS = 15 * 60_000;
/** A right PIN after this many wrong ones is logged (it is always kept on the device's row). */
const RIGHT_AFTER_ALARM = 3;

export type Session =
  | { kind: 'staff'; counterId: number; officerId: number; tokenHash: string; deviceId: number | null }
  | { kind: 'admin'; tokenHash: string; deviceId: number | null };

interface SessionRow {
  token_hash: string;
  kind: 'staff' | 'admin';
  counter_id: number | null;
  officer_id: number | null;
  expires_at: number;
  device_id: number | null;
}

/** The caller a sign-in comes from: an enrolled device over HTTP, or the host's own shell window. */
export type SignInCaller = { device: Device } | { shell: true; key: string };

/**
 * Staff sign-in with a PIN and admin sign-in with a password, both hashed off the main thread.
 * A session belongs to the device it was opened on and is honoured only from that device, so a
 * copied cookie is worth nothing elsewhere. Wrong PINs slow down the device that typed them —
 * never the officer, who can still sign in at their own desk (checks for one officer wait their
 * turn, they are not refused).
 */
export class AuthService {
  private readonly officer: Database.Statement<[number], OfficerRow>;
  private readonly insertSession: Database.Statement;
  private readonly getSession: Database.Statement<[string], SessionRow>;
  private readonly deleteSession: Database.Statement<[string]>;
  private readonly deleteCounterSessions: Database.Statement<[number]>;
  private readonly adminThrottle: SignInThrottle;
  /** Devices (and shell windows) with a PIN check in flight. */
  private readonly checking = new Set<string>();
  /** Per officer: the end of the last PIN check queued for them. */
  private readonly officerLanes = new Map<number, Promise<void>>();

  constructor(
    private readonly db: Database.Database,
    private readonly queue: QueueService,
    private readonly pins: PinHasher,
    /** `right`: a right PIN came after `failures` wrong ones; otherwise the device is being slowed down. */
    private readonly onPinAlarm: (deviceKey: string, failures: number, right: boolean) => void = () => undefined,
  ) {
    this.officer = db.prepare('SELECT * FROM officers WHERE id = ?');
    this.insertSession = db.prepare('INSERT INTO sessions (token_hash, kind, counter_id, officer_id, created_at, expires_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.getSession = db.prepare('SELECT * FROM sessions WHERE token_hash = ?');
    this.deleteSession = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
    this.deleteCounterSessions = db.prepare("DELETE FROM sessions WHERE kind = 'staff' AND counter_id = ?");
    this.adminThrottle = new SignInThrottle(() => this.now());
  }

  private now(): number {
    return this.queue.now();
  }

  private pinBlock(key: string): { failures: number; blocked_until: number } | undefined {
    return this.db.prepare('SELECT failures, blocked_until FROM pin_attempts WHERE device_key = ?').get(key) as { failures: number; blocked_until: number } | undefined;
  }

  /**
   * Count this attempt as a wrong PIN before it is checked (and slow the device down if that is
   * one too many); a right PIN turns it back into a success afterwards. Returns the failures so far.
   */
  private reservePinAttempt(key: string, now: number): number {
    const failures = (this.pinBlock(key)?.failures ?? 0) + 1;
    const over = failures - FREE_PIN_FAILURES;
    const until = over >= 0 ? now + Math.min(MAX_PIN_BACKOFF_MS, PIN_BACKOFF_MS * 2 ** over) : 0;
    this.db
      .prepare('INSERT INTO pin_attempts (device_key, failures, blocked_until) VALUES (?, ?, ?) ON CONFLICT (device_key) DO UPDATE SET failures = excluded.failures, blocked_until = excluded.blocked_until')
      .run(key, failures, until);
    return failures;
  }

  /**
   * The reserved attempt was right. The device may type freely again, but the wrong PINs before
   * this one stay on record (the right one may be the guesser's): only a later right PIN after
   * wrong ones replaces them.
   */
  private recordRightPin(key: string, now: number): number {
    const before = (this.pinBlock(key)?.failures ?? 1) - 1;
    this.db
      .prepare(
        `UPDATE pin_attempts SET failures = 0, blocked_until = 0,
           right_after_failures = CASE WHEN @before > 0 THEN @before ELSE right_after_failures END,
           right_at = CASE WHEN @before > 0 THEN @now ELSE right_at END
         WHERE device_key = @key`,
      )
      .run({ before, now, key });
    return before;
  }

  /** One PIN check per officer at a time, in arrival order: a queue, never a refusal (no lockout). */
  private async inOfficerLane<T>(officerId: number, check: () => Promise<T>): Promise<T> {
    const ahead = this.officerLanes.get(officerId) ?? Promise.resolve();
    const run = ahead.then(check);
    const done = run.then(
      () => undefined,
      () => undefined,
    );
    this.officerLanes.set(officerId, done);
    try {
      return await run;
    } finally {
      if (this.officerLanes.get(officerId) === done) this.officerLanes.delete(officerId);
    }
  }

  /**
   * A counter another officer is signed in to is taken over only when asked (`takeOver`), after the
   * PIN is checked; every other session at the counter ends, so the previous screen cannot go on
   * acting (or being credited) in the name of the counter.
   *
   * Guessing is bounded before any hashing, in one synchronous step: a device has at most one PIN
   * check in flight (`PIN_CHECK_BUSY` for the rest), and each attempt is counted as wrong before
   * the hash runs, so parallel requests cannot all slip under the limit.
   */
  async loginStaff(counterId: number, officerId: number, pin: string, caller: SignInCaller, takeOver = false): Promise<{ token: string }> {
    const deviceId = 'device' in caller ? caller.device.id : null;
    if ('device' in caller && (caller.device.role !== 'counter' || caller.device.counterId !== counterId)) {
      throw new AppError('DEVICE_ROLE', 'Máy này được đăng ký cho quầy khác');
    }
    const key = 'device' in caller ? `device:${caller.device.id}` : `shell:${caller.key}`;
    if (this.checking.has(key)) throw new AppError('PIN_CHECK_BUSY');
    const block = this.pinBlock(key);
    if (block && block.blocked_until > this.now()) throw new AppError('RATE_LIMITED', 'Nhập sai PIN nhiều lần; máy này tạm chờ trước khi thử lại');
    const first = this.officer.get(officerId);
    if (!first || first.active !== 1) throw new AppError('OFFICER_NOT_FOUND');
    const counter = this.queue.ctx.counter(counterId);
    const failures = this.reservePinAttempt(key, this.now());
    this.checking.add(key);
    try {
      const { right, officer } = await this.inOfficerLane(officerId, async () => {
        const o = this.officer.get(officerId);
        return { officer: o, right: !!o && o.active === 1 && o.pin_hash !== '' && (await this.pins.verify(pin, o.pin_hash)) };
      });
      // Re-read after the await: the PIN may have been changed (or the officer deactivated) meanwhile.
      const now = this.now();
      const fresh = this.officer.get(officerId);
      if (!fresh || fresh.active !== 1) throw new AppError('OFFICER_NOT_FOUND');
      if (!right || fresh.pin_hash !== officer?.pin_hash) {
        if (failures >= FREE_PIN_FAILURES) this.onPinAlarm(key, failures, false);
        throw new AppError('INVALID_PIN');
      }
      const holder = counter.status !== 'closed' && counter.officer_id !== null && counter.officer_id !== officerId ? this.officer.get(counter.officer_id) : undefined;
      if (holder && !takeOver) {
        this.noteRightPin(key, now);
        throw new AppError('COUNTER_TAKEN', `${holder.name} đang đăng nhập tại ${counter.name}`);
      }
      const token = randomToken();
      this.queue.ctx.tx(() => {
        this.noteRightPin(key, now);
        this.queue.counters.open(counterId, officerId);
        this.db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(now);
        // One officer per counter: whoever sat here before no longer acts (or is credited) here.
        this.deleteCounterSessions.run(counterId);
        this.insertSession.run(sha256(token), 'staff', counterId, officerId, now, now + STAFF_SESSION_MS, deviceId);
      });
      return { token };
    } finally {
      this.checking.delete(key);
    }
  }

  private noteRightPin(key: string, now: number): void {
    const before = this.recordRightPin(key, now);
    if (before >= RIGHT_AFTER_ALARM) this.onPinAlarm(key, before, true);
  }

  async loginAdmin(password: string, caller: SignInCaller): Promise<{ token: string; mustChangePassword: boolean }> {
    if ('device' in caller && caller.device.role !== 'admin') throw new AppError('DEVICE_ROLE');
    const key = 'device' in caller ? `device:${caller.device.id}` : `shell:${caller.key}`;
    const result = await this.adminThrottle.run(key, async () => {
      const admin = this.queue.settings.getRaw<{ hash: string; mustChange: boolean }>('admin');
      const ok = !!admin && (await verifySecretAsync(password, admin.hash));
      return { ok, value: admin?.mustChange ?? false };
    });
    if (result === undefined) throw new AppError('INVALID_PASSWORD');
    const token = randomToken();
    const now = this.now();
    this.insertSession.run(sha256(token), 'admin', null, null, now, now + ADMIN_SESSION_MS, 'device' in caller ? caller.device.id : null);
    return { token, mustChangePassword: result };
  }

  /** A new password ends every other admin session: whoever knew the old one is out. */
  async setAdminPassword(password: string, keep?: Session | null): Promise<void> {
    const hash = await hashSecretAsync(password);
    this.db.transaction(() => {
      this.queue.settings.setRaw('admin', { hash, mustChange: false });
      this.db.prepare("DELETE FROM sessions WHERE kind = 'admin' AND token_hash IS NOT ?").run(keep?.kind === 'admin' ? keep.tokenHash : null);
    }).immediate();
  }

  /** After a PIN change or deactivation the officer's open sessions end at once. */
  endOfficerSessions(officerId: number): number {
    return this.db.prepare("DELETE FROM sessions WHERE kind = 'staff' AND officer_id = ?").run(officerId).changes;
  }

  /**
   * The session behind a token, honoured only from the device it was opened on (`deviceId` null:
   * the host's own shell windows over IPC, whose sessions never leave the process).
   */
  session(token: string | undefined, deviceId: number | null): Session | null {
    if (!token || token.length > 200) return null;
    const row = this.getSession.get(sha256(token));
    if (!row || row.expires_at <= this.now()) return null;
    if ((row.device_id ?? null) !== deviceId) return null;
    if (row.kind === 'admin') return { kind: 'admin', tokenHash: row.token_hash, deviceId: row.device_id };
    return { kind: 'staff', counterId: row.counter_id ?? 0, officerId: row.officer_id ?? 0, tokenHash: row.token_hash, deviceId: row.device_id };
  }

  logout(session: Session): void {
    // Only what this session still holds: if another officer has since taken the counter,
    // signing out here must not close it under them or finish their citizen.
    const stillHeld = this.getSession.get(session.tokenHash) !== undefined;
    if (session.kind === 'staff' && stillHeld && this.queue.ctx.counter(session.counterId).officer_id === session.officerId) {
      this.queue.counters.close(session.counterId, { counterId: session.counterId, officerId: session.officerId, admin: false });
    }
    this.deleteSession.run(session.tokenHash);
  }

  hashPin(pin: string): Promise<string> {
    return this.pins.hash(pin);
  }
}
