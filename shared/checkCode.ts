// The short check code printed on every ticket. The number is public (the display calls it out),
// so walk-up rating asks for the number and this code together. Pure: shared by host and screens.

/**
 * Letters and digits nobody misreads on thermal paper or mistypes on a touch keypad: no 0/O/Q/D…
 * look-alikes (0 O Q, 1 I L, 2 Z, 5 S, 6 G, 8 B), and none of F J W, which Vietnamese does not use.
 * 20 signs, 5 long: 3.2 million codes per ticket.
 */
export const CHECK_CODE_ALPHABET = 'ACDEHKMNPRTUVXY34679';
export const CHECK_CODE_LENGTH = 5;

/** What a citizen typed, as stored: upper case, spaces and dashes dropped. */
export function normalizeCheckCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
