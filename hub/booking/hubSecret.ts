import crypto from 'node:crypto';
import type pg from 'pg';

/**
 * The hub's key for the phone and address hashes of bookings: made at random by the first hub process
 * and shared by every later one through the database, so the limits agree across processes. A hash
 * under it tells the same phone twice apart from two phones, and nothing more without the key.
 */
export async function hubSecret(db: pg.Pool, name: string): Promise<Buffer> {
  await db.query('INSERT INTO hub_secrets (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING', [name, crypto.randomBytes(32).toString('hex')]);
  const row = (await db.query<{ value: string }>('SELECT value FROM hub_secrets WHERE name = $1', [name])).rows[0];
  if (!row) throw new Error(`hub secret ${name} missing`);
  return Buffer.from(row.value, 'hex');
}

export const keyedHash = (key: Buffer, text: string): string => crypto.createHmac('sha256', key).update(text).digest('hex');

/** What the office matches an ID card against: HMAC-SHA256 under the offer's matchKey (its 32 bytes), of the 12 digits. */
export const idNumberHash = (matchKey: string, idNumber: string): string => keyedHash(Buffer.from(matchKey, 'hex'), idNumber);
