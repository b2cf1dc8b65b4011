import crypto from 'node:crypto';
import { CHECK_CODE_ALPHABET, CHECK_CODE_LENGTH } from '../../../shared/checkCode';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** 14 characters from a 57-letter alphabet ≈ 81 bits: tracking URLs cannot be guessed or enumerated. */
export function newTicketId(): string {
  const bytes = crypto.randomBytes(14);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

/** A ticket's check code: uniform over the unambiguous alphabet (crypto.randomInt has no modulo bias). */
export function newCheckCode(): string {
  let out = '';
  for (let i = 0; i < CHECK_CODE_LENGTH; i++) out += CHECK_CODE_ALPHABET[crypto.randomInt(CHECK_CODE_ALPHABET.length)];
  return out;
}
