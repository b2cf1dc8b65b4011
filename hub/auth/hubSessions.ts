import type pg from 'pg';
import type { HubMe, HubRole } from '../../shared/hubBoard';
import { randomToken, sha256 } from './passwordHash';

/** A session lasts a working day and a bit; signing in again the next morning is expected. */
export const HUB_SESSION_MS = 12 * 3600_000;

/**
 * Signed-in browsers. The cookie carries a random token; PostgreSQL keeps only its hash, so every
 * hub process sees the same sessions and a copied database holds no usable cookie.
 */
export class HubSessions {
  constructor(
    private readonly db: pg.Pool,
    private readonly now: () => number = Date.now,
  ) {}

  async start(userId: number): Promise<string> {
    const token = randomToken(32);
    await this.db.query('INSERT INTO hub_sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [sha256(token), userId, new Date(this.now() + HUB_SESSION_MS)]);
    // Expired sessions of anyone go on the way; there are few, so this costs nothing.
    await this.db.query('DELETE FROM hub_sessions WHERE expires_at < $1', [new Date(this.now())]);
    return token;
  }

  async resolve(token: string): Promise<HubMe | null> {
    const r = await this.db.query<{ id: string; name: string; role: HubRole; office_id: string | null }>(
      'SELECT u.id, u.name, u.role, u.office_id FROM hub_sessions s JOIN hub_users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2',
      [sha256(token), new Date(this.now())],
    );
    const u = r.rows[0];
    return u ? { id: Number(u.id), name: u.name, role: u.role, officeId: u.office_id } : null;
  }

  async end(token: string): Promise<void> {
    await this.db.query('DELETE FROM hub_sessions WHERE token_hash = $1', [sha256(token)]);
  }
}
