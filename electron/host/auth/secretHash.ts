import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(crypto.scrypt) as (secret: crypto.BinaryLike, salt: crypto.BinaryLike, keylen: number, opts: crypto.ScryptOptions) => Promise<Buffer>;

// scrypt with a per-secret salt; parameters stored beside the hash so they can be raised later.
const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

export function hashSecret(secret: string): string {
  const salt = crypto.randomBytes(16);
  const hash = crypto.scryptSync(secret, salt, KEYLEN, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Same as hashSecret, computed on libuv's thread pool so a sign-in never stalls the queue. */
export async function hashSecretAsync(secret: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await scryptAsync(secret, salt, KEYLEN, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

function parseStored(stored: string): { salt: Buffer; expected: Buffer; opts: crypto.ScryptOptions } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, n, r, p, saltB64, hashB64] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hashB64, 'base64');
  if (expected.length === 0) return null;
  return { salt: Buffer.from(saltB64, 'base64'), expected, opts: { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 } };
}

export function verifySecret(secret: string, stored: string): boolean {
  const s = parseStored(stored);
  if (!s) return false;
  const actual = crypto.scryptSync(secret, s.salt, s.expected.length, s.opts);
  return crypto.timingSafeEqual(s.expected, actual);
}

/** Off the main thread: 64 sign-ins at once must not freeze the displays (each hash ≈ 40 ms). */
export async function verifySecretAsync(secret: string, stored: string): Promise<boolean> {
  const s = parseStored(stored);
  if (!s) return false;
  const actual = await scryptAsync(secret, s.salt, s.expected.length, s.opts);
  return crypto.timingSafeEqual(s.expected, actual);
}

export function randomToken(bytes = 24): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}
