import crypto from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** 14 characters from a 57-letter alphabet ≈ 81 bits: tracking URLs cannot be guessed or enumerated. */
export function newTicketId(): string {
  const bytes = crypto.randomBytes(14);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}
