import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { QueueService } from '../queue/queueService';
import type { OfficerRow } from '../queue/rows';
import { hashSecretAsync, randomToken, sha256, verifySecretAsync } from './secretHash';
import { SignInThrottle } from './signInThrottle';

const STAFF_SESSION_MS = 14 * 3600_000;
const ADMIN_SESSION_MS = 2 * 3600_000;
const MAX_FAILED_PINS = 5;
const LOCK_MS = 5 * 60_000;

export type Session =
  | { kind: 'staff'; counterId: number; officerId: number; tokenHash: string }
  | { kind: 'admin'; tokenHash: string };

interface SessionRow {
  token_hash: string;
  kind: 'staff' | 'admin';
  counter_id: number | null;
  officer_id: number | null;
  expires_at: number;
}

/**
 * Staff sign-in with a PIN (scrypt-hashed, locked for 5 minutes after 5 wrong tries) and admin
 * sign-in with a password. Sessions are stored hashed in the database, so a restart or a second
 * host process keeps them, and a leaked database does not leak usable tokens.
 */
export class AuthService {
  private readonly officer: Database.Statement<[number], OfficerRow>;
  private readonly insertSession: Database.Statement;
  private readonly getSession: Database.Statement<[string], SessionRow>;
  private readonly deleteSession: Database.Statement<[string]>;
  private readonly deleteCounterSessions: Database.Statement<[number]>;
  private readonly adminThrottle: SignInThrottle;

  constructor(
    private readonly db: Database.Database,
    private readonly queue: QueueService,
  ) {
    this.officer = db.prepare('SELECT * FROM officers WHERE id = ?');
    this.insertSession = db.prepare('INSERT INTO sessions (token_hash, kind, counter_id, officer_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)');
    this.getSession = db.prepare('SELECT * FROM sessions WHERE token_hash = ?');
    this.deleteSession = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
    this.deleteCounterSessions = db.prepare("DELETE FROM sessions WHERE kind = 'staff' AND counter_id = ?");
    this.adminThrottle = new SignInThrottle(() => this.now());
  }

  private now(): number {
    return this.queue.now();
  }

  async loginStaff(counterId: number, officerId: number, pin: string): Promise<{ token: string }> {
    const officer = this.officer.get(officerId);
    if (!officer || officer.active !== 1) throw new AppError('OFFICER_NOT_FOUND');
    this.queue.ctx.counter(counterId);
    if (officer.locked_until !== null && officer.locked_until > this.now()) throw new AppError('OFFICER_LOCKED');
    const right = await verifySecretAsync(pin, officer.pin_hash);
    // Re-read after the await: another sign-in may have run meanwhile.
    const now = this.now();
    const fresh = this.officer.get(officerId);
    if (!fresh || fresh.active !== 1) throw new AppError('OFFICER_NOT_FOUND');
    if (!right || fresh.pin_hash !== officer.pin_hash) {
      const failed = fresh.failed_pins + 1;
      const lock = failed >= MAX_FAILED_PINS ? now + LOCK_MS : null;
      this.db.prepare('UPDATE officers SET failed_pins = ?, locked_until = ? WHERE id = ?').run(lock ? 0 : failed, lock, officerId);
      throw new AppError(lock ? 'OFFICER_LOCKED' : 'INVALID_PIN');
    }
    const token = randomToken();
    this.queue.ctx.tx(() => {
      this.db.prepare('UPDATE officers SET failed_pins = 0, locked_until = NULL WHERE id = ?').run(officerId);
      this.queue.counters.open(counterId, officerId);
      this.db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(now);
      // One officer per counter: whoever sat here before no longer acts (or is credited) here.
      this.deleteCounterSessions.run(counterId);
      this.insertSession.run(sha256(token), 'staff', counterId, officerId, now, now + STAFF_SESSION_MS);
    });
    return { token };
  }

  async loginAdmin(password: string, client = '?'): Promise<{ token: string; mustChangePassword: boolean }> {
    const result = await this.adminThrottle.run(client, async () => {
      const admin = this.queue.settings.getRaw<{ hash: string; mustChange: boolean }>('admin');
      const ok = !!admin && (await verifySecretAsync(password, admin.hash));
      return { ok, value: admin?.mustChange ?? false };
    });
    if (result === undefined) throw new AppError('INVALID_PASSWORD');
    const token = randomToken();
    const now = this.now();
    this.insertSession.run(sha256(token), 'admin', null, null, now, now + ADMIN_SESSION_MS);
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

  session(token: string | undefined): Session | null {
    if (!token || token.length > 200) return null;
    const row = this.getSession.get(sha256(token));
    if (!row || row.expires_at <= this.now()) return null;
    if (row.kind === 'admin') return { kind: 'admin', tokenHash: row.token_hash };
    return { kind: 'staff', counterId: row.counter_id ?? 0, officerId: row.officer_id ?? 0, tokenHash: row.token_hash };
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
}
