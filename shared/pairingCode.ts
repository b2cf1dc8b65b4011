// The one-time code that pairs a new device. Pure: shared by the host (makes and checks it) and the
// pairing screens (type it, show it).
import { CHECK_CODE_ALPHABET } from './checkCode';

/**
 * The check code's alphabet (no look-alikes on screen or paper), 8 signs: 20⁸ ≈ 2.6 × 10¹¹ codes,
 * so the few hundred guesses the budgets allow in a code's 10 minutes find nothing. Usually never
 * typed: the QR on the admin screen carries it in the pairing link.
 */
export const PAIRING_CODE_ALPHABET = CHECK_CODE_ALPHABET;
export const PAIRING_CODE_LENGTH = 8;
export const PAIRING_CODE_PATTERN = new RegExp(`^[${PAIRING_CODE_ALPHABET}]{${PAIRING_CODE_LENGTH}}$`);

/** What the pairing route accepts before normalising: the code's signs in either case, spaces, dashes. */
export const PAIRING_CODE_TYPED = new RegExp(`^[${PAIRING_CODE_ALPHABET}${PAIRING_CODE_ALPHABET.toLowerCase()} -]{${PAIRING_CODE_LENGTH},20}$`);

/** What a person typed, as stored: upper case, spaces and dashes dropped. */
export function normalizePairingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** Shown in two halves, easier to read aloud and to copy: ACDE-HKMN. */
export function formatPairingCode(code: string): string {
  return code.length === PAIRING_CODE_LENGTH ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}
