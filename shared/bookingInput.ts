// What a citizen types on the hub's booking page (#30), checked the same way on the phone and on the
// hub. Pure and without zod, so the page's small bundle can use it.

/** A Vietnamese phone number as one form ("0912345678"), or null: spaces, dots, dashes and +84 are allowed. */
export function normalizePhone(input: string): string | null {
  const digits = input.replace(/[\s.\-()]/g, '');
  const local = digits.startsWith('+84') ? `0${digits.slice(3)}` : digits.startsWith('84') && digits.length === 11 ? `0${digits.slice(2)}` : digits;
  return /^0\d{9}$/.test(local) ? local : null;
}

/** The 12-digit personal ID number (căn cước), spaces allowed; null when it is not 12 digits. */
export function normalizeIdNumber(input: string): string | null {
  const digits = input.replace(/\s/g, '');
  return /^\d{12}$/.test(digits) ? digits : null;
}
