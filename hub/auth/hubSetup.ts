import crypto from 'node:crypto';
import type pg from 'pg';
import { AppError } from '../../shared/errors';
import type { HubMe } from '../../shared/hubBoard';
import { randomToken, sha256 } from './passwordHash';
import type { HubUsers } from './hubUsers';
import { inTransaction } from '../db/inTransaction';

export const HUB_SETUP_TTL_MS = 24 * 3600_000;

/**
 * A hub has no default account. While it has no user, each start makes a one-time setup link (the
 * newest replaces any earlier one; kept only as a hash, valid 24 hours), printed on the console and
 * in the log; whoever opens it chooses the first province admin's name and password. After that the
 * link is gone and no new one is made.
 */
export class HubSetup {
  constructor(
    private readonly db: pg.Pool,
    private readonly users: HubUsers,
    private readonly now: () => number = Date.now,
  ) {}

  /** A fresh token when the hub has no user yet; null otherwise. */
  async issueToken(): Promise<string | null> {
    if ((await this.users.count()) > 0) return null;
    const token = randomToken(24);
    await this.db.query(
      `INSERT INTO hub_setup (only_one, token_hash, expires_at) VALUES (true, $1, $2)
       ON CONFLICT (only_one) DO UPDATE SET token_hash = EXCLUDED.token_hash, expires_at = EXCLUDED.expires_at`,
      [sha256(token), new Date(this.now() + HUB_SETUP_TTL_MS)],
    );
    return token;
  }

  async tokenValid(token: string): Promise<boolean> {
    const row = (await this.db.query<{ token_hash: string; expires_at: Date }>('SELECT token_hash, expires_at FROM hub_setup')).rows[0];
    if (!row || row.expires_at.getTime() <= this.now()) return false;
    const a = Buffer.from(sha256(token));
    const b = Buffer.from(row.token_hash);
    return a.length === b.length && crypto.timingSafeEqual(a, b);
  }

  /**
   * The first province admin. The token is locked and spent in the same transaction that adds the
   * account, so two browsers racing with one link cannot both become admin.
   */
  async complete(token: string, name: string, password: string): Promise<HubMe> {
    return inTransaction(this.db, async (c) => {
      const row = (await c.query<{ token_hash: string; expires_at: Date }>('SELECT token_hash, expires_at FROM hub_setup FOR UPDATE')).rows[0];
      const a = Buffer.from(sha256(token));
      const ok = row && row.expires_at.getTime() > this.now() && a.length === row.token_hash.length && crypto.timingSafeEqual(a, Buffer.from(row.token_hash));
      if (!ok || (await this.users.count(c)) > 0) throw new AppError('SETUP_TOKEN_INVALID');
      const me = await this.users.add({ name, password, role: 'province_admin', officeId: null }, c);
      await c.query('DELETE FROM hub_setup');
      return me;
    });
  }
}
