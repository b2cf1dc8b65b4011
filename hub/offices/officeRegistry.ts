import crypto from 'node:crypto';
import type pg from 'pg';
import { AppError } from '../../shared/errors';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, JOIN_CODE_TTL_MS, normalizeJoinCode } from '../../shared/hubProtocol';
import type { JoinAnswer } from '../../shared/hubProtocol';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

function newJoinCode(): string {
  let out = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) out += JOIN_CODE_ALPHABET[crypto.randomInt(JOIN_CODE_ALPHABET.length)];
  return out.replace(/(.{4})(?=.)/g, '$1-');
}

export interface OfficeRow {
  id: string;
  name: string;
  joined_at: Date | null;
  revoked_at: Date | null;
}

/**
 * The offices a province has: added by the hub's admin with a one-time join code (24 hours, stored
 * hashed), joined by the office's host, which receives a credential the hub keeps only as a hash.
 * A revoked office's next push is refused.
 */
export class OfficeRegistry {
  constructor(
    private readonly db: pg.Pool,
    private readonly now: () => number = Date.now,
  ) {}

  async add(name: string): Promise<{ office: OfficeRow; code: string }> {
    const id = `o_${crypto.randomBytes(6).toString('hex')}`;
    const office = (await this.db.query<OfficeRow>('INSERT INTO offices (id, name) VALUES ($1, $2) RETURNING id, name, joined_at, revoked_at', [id, name.trim()])).rows[0] as OfficeRow;
    return { office, code: await this.newCode(id) };
  }

  /** A fresh join code for an office (an earlier unused one stays valid until it expires). */
  async newCode(officeId: string): Promise<string> {
    const code = newJoinCode();
    await this.db.query('INSERT INTO join_codes (code_hash, office_id, expires_at) VALUES ($1, $2, $3)', [sha256(normalizeJoinCode(code)), officeId, new Date(this.now() + JOIN_CODE_TTL_MS)]);
    return code;
  }

  /**
   * Spend a join code: one statement marks it used only if it is live, so two hosts racing with the
   * same code cannot both join. The office gets a new credential (an earlier one stops working).
   */
  async join(code: string): Promise<JoinAnswer> {
    const used = await this.db.query<{ office_id: string }>('UPDATE join_codes SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING office_id', [sha256(normalizeJoinCode(code)), new Date(this.now())]);
    const officeId = used.rows[0]?.office_id;
    if (!officeId) throw new AppError('JOIN_CODE_INVALID');
    const credential = crypto.randomBytes(32).toString('base64url');
    const office = await this.db.query<OfficeRow>('UPDATE offices SET credential_hash = $2, joined_at = $3 WHERE id = $1 AND revoked_at IS NULL RETURNING id, name, joined_at, revoked_at', [officeId, sha256(credential), new Date(this.now())]);
    const row = office.rows[0];
    if (!row) throw new AppError('OFFICE_REVOKED');
    return { officeId: row.id, name: row.name, credential };
  }

  /** The office a push's credential belongs to; revoked offices are refused by name. */
  async authenticate(credential: string): Promise<OfficeRow> {
    const row = (await this.db.query<OfficeRow>('SELECT id, name, joined_at, revoked_at FROM offices WHERE credential_hash = $1', [sha256(credential)])).rows[0];
    if (!row) throw new AppError('HUB_CREDENTIAL_INVALID');
    if (row.revoked_at) throw new AppError('OFFICE_REVOKED');
    return row;
  }

  async revoke(officeId: string): Promise<void> {
    await this.db.query('UPDATE offices SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [officeId, new Date(this.now())]);
  }

  async list(): Promise<OfficeRow[]> {
    return (await this.db.query<OfficeRow>('SELECT id, name, joined_at, revoked_at FROM offices ORDER BY name')).rows;
  }
}
