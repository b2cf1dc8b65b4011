import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { QueueService } from '../queue/queueService';
import type { OfficerRow } from '../queue/rows';
import { hashSecret, randomToken, sha256, verifySecret } from './secretHash';

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
  private readonly deleteCounterSessions: Database.Statement<[number, number]>;

  constructor(
    private readonly db: Database.Database,
    private readonly queue: QueueService,
  ) {
    this.officer = db.prepare('SELECT * FROM officers WHERE id = ?');
    this.insertSession = db.prepare('INSERT INTO sessions (token_hash, kind, counter_id, officer_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)');
    this.getSession = db.prepare('SELECT * FROM sessions WHERE token_hash = ?');
    this.deleteSession = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
    this.deleteCounterSessions = db.prepare("DELETE FROM sessions WHERE kind = 'staff' AND counter_id = ? AND officer_id != ?");
  }

  private now(): number {
    return this.queue.now();
  }

  /**
   * A counter another officer is signed in to is taken over only when asked (`takeOver`), after the
   * PIN is checked; that officer's sessions at the counter end, so their screen cannot go on acting
   * in the name of the counter.
   */
  loginStaff(counterId: number, officerId: number, pin: string, takeOver = false): { token: string } {
    const officer = this.officer.get(officerId);
    if (!officer || officer.active !== 1) throw new AppError('OFFICER_NOT_FOUND');
    const counter = this.queue.ctx.counter(counterId);
    const now = this.now();
    if (officer.locked_until !== null && officer.locked_until > now) throw new AppError('OFFICER_LOCKED');
    if (!verifySecret(pin, officer.pin_hash)) {
      const failed = officer.failed_pins + 1;
      const lock = failed >= MAX_FAILED_PINS ? now + LOCK_MS : null;
      this.db.prepare('UPDATE officers SET failed_pins = ?, locked_until = ? WHERE id = ?').run(lock ? 0 : failed, lock, officerId);
      throw new AppError(lock ? 'OFFICER_LOCKED' : 'INVALID_PIN');
    }
    this.db.prepare('UPDATE officers SET failed_pins = 0, locked_until = NULL WHERE id = ?').run(officerId);
    const holder = counter.status !== 'closed' && counter.officer_id !== null && counter.officer_id !== officerId ? this.officer.get(counter.officer_id) : undefined;
    if (holder && !takeOver) throw new AppError('COUNTER_TAKEN', `${holder.name} đang đăng nhập tại ${counter.name}`);
    this.queue.counters.open(counterId, officerId);
    if (holder) this.deleteCounterSessions.run(counterId, officerId);
    this.db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(now);
    const token = randomToken();
    this.insertSession.run(sha256(token), 'staff', counterId, officerId, now, now + STAFF_SESSION_MS);
    return { token };
  }

  loginAdmin(password: string): { token: string; mustChangePassword: boolean } {
    const admin = this.queue.settings.getRaw<{ hash: string; mustChange: boolean }>('admin');
    if (!admin || !verifySecret(password, admin.hash)) throw new AppError('INVALID_PASSWORD');
    const token = randomToken();
    const now = this.now();
    this.insertSession.run(sha256(token), 'admin', null, null, now, now + ADMIN_SESSION_MS);
    return { token, mustChangePassword: admin.mustChange };
  }

  setAdminPassword(password: string): void {
    this.queue.settings.setRaw('admin', { hash: hashSecret(password), mustChange: false });
  }

  session(token: string | undefined): Session | null {
    if (!token || token.length > 200) return null;
    const row = this.getSession.get(sha256(token));
    if (!row || row.expires_at <= this.now()) return null;
    if (row.kind === 'admin') return { kind: 'admin', tokenHash: row.token_hash };
    return { kind: 'staff', counterId: row.counter_id ?? 0, officerId: row.officer_id ?? 0, tokenHash: row.token_hash };
  }

  logout(session: Session): void {
    if (session.kind === 'staff') {
      this.queue.counters.close(session.counterId, { counterId: session.counterId, officerId: session.officerId, admin: false });
    }
    this.deleteSession.run(session.tokenHash);
  }
}
