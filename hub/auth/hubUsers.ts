import type pg from 'pg';
import { AppError } from '../../shared/errors';
import type { HubMe, HubRole } from '../../shared/hubBoard';
import { passwordProblem } from '../../shared/passwordPolicy';
import { hashPassword } from './passwordHash';
import { inTransaction } from '../db/inTransaction';

export interface HubUserRow extends HubMe {
  createdAt: number;
}

/** A sign-in name compared without case or accents' composition: "Lan.Anh" and "lan.anh" are one account. */
export const nameKey = (name: string) => name.normalize('NFC').trim().toLowerCase();

/** Refuses a password the office would refuse too (shared/passwordPolicy.ts), naming why. */
export function checkPassword(password: string, name: string): void {
  const problem = passwordProblem(password, [name]);
  if (problem) throw new AppError('WEAK_PASSWORD', problem);
}

type Db = Pick<pg.Pool, 'query'>;

/** The province's accounts: a province admin sees everything; an office viewer one office. */
export class HubUsers {
  constructor(private readonly db: pg.Pool) {}

  async count(db: Db = this.db): Promise<number> {
    return Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM hub_users')).rows[0]?.n ?? 0);
  }

  /** Adds an account; `db` lets the setup link add the first one inside its own transaction. */
  async add(u: { name: string; password: string; role: HubRole; officeId: string | null }, db: Db = this.db): Promise<HubMe> {
    checkPassword(u.password, u.name);
    const hash = await hashPassword(u.password);
    if (u.officeId) {
      const office = await db.query('SELECT 1 FROM offices WHERE id = $1 AND revoked_at IS NULL', [u.officeId]);
      if (office.rowCount === 0) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị');
    }
    try {
      const row = await db.query<{ id: string }>('INSERT INTO hub_users (name, name_key, role, office_id, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id', [u.name.normalize('NFC').trim(), nameKey(u.name), u.role, u.officeId, hash]);
      return { id: Number(row.rows[0]?.id), name: u.name.trim(), role: u.role, officeId: u.officeId };
    } catch (e) {
      if ((e as { code?: string }).code === '23505') throw new AppError('BAD_REQUEST', 'Tên đăng nhập này đã có');
      throw e;
    }
  }

  async byName(name: string): Promise<(HubMe & { passwordHash: string }) | null> {
    const r = await this.db.query<{ id: string; name: string; role: HubRole; office_id: string | null; password_hash: string }>('SELECT id, name, role, office_id, password_hash FROM hub_users WHERE name_key = $1', [nameKey(name)]);
    const u = r.rows[0];
    return u ? { id: Number(u.id), name: u.name, role: u.role, officeId: u.office_id, passwordHash: u.password_hash } : null;
  }

  async list(): Promise<HubUserRow[]> {
    const r = await this.db.query<{ id: string; name: string; role: HubRole; office_id: string | null; created_at: Date }>('SELECT id, name, role, office_id, created_at FROM hub_users ORDER BY name_key');
    return r.rows.map((u) => ({ id: Number(u.id), name: u.name, role: u.role, officeId: u.office_id, createdAt: u.created_at.getTime() }));
  }

  /** A new password, and every session of that account ends (a reset is often "someone else knows it"). */
  async resetPassword(userId: number, password: string): Promise<void> {
    const u = (await this.db.query<{ name: string }>('SELECT name FROM hub_users WHERE id = $1', [userId])).rows[0];
    if (!u) throw new AppError('NOT_FOUND', 'Không tìm thấy tài khoản');
    checkPassword(password, u.name);
    const hash = await hashPassword(password);
    await inTransaction(this.db, async (c) => {
      await c.query('UPDATE hub_users SET password_hash = $2, password_changed_at = now() WHERE id = $1', [userId, hash]);
      await c.query('DELETE FROM hub_sessions WHERE user_id = $1', [userId]);
    });
  }
}
