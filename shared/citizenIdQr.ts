// The QR on the front of a chip citizen ID card (CCCD, Circular 06/2021/TT-BCA) and on the 2024
// căn cước card (Law 26/2023/QH15). Both carry the fields separated by "|":
//   chip CCCD:  <12-digit number>|<old 9-digit CMND or empty>|<name>|<ddmmyyyy birth>|<sex>|<address>|<ddmmyyyy issue>
//   căn cước:   the same first fields, then further ones (expiry, family members' names, a
//               cancelled number…) that differ between card batches.
// Fields are recognised by their shape, not their position, so a card batch that adds, drops or
// reorders a trailing field still reads. Pure: no I/O, nothing kept.

export interface CitizenIdCard {
  /** The 12-digit personal identification number. Never stored or logged by the host. */
  idNumber: string;
  /** The old 9-digit CMND number, or null when the card has none. */
  oldIdNumber: string | null;
  name: string;
  birth: { day: number; month: number; year: number };
  sex: 'male' | 'female' | null;
  address: string;
  issued: { day: number; month: number; year: number } | null;
}

export type IdQrRefusal =
  | 'not_id_card'
  | 'id_number'
  | 'old_id_number'
  | 'name'
  | 'birth_date'
  | 'issue_date'
  | 'sex';

export type IdQrResult = { ok: true; card: CitizenIdCard } | { ok: false; reason: IdQrRefusal };

const SEX: Record<string, 'male' | 'female'> = { nam: 'male', 'nữ': 'female', nu: 'female', male: 'male', female: 'female' };

/** ddmmyyyy → a real calendar date, or null (31 Feb, month 13, a year before 1900). */
export function parseDdMmYyyy(s: string): { day: number; month: number; year: number } | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  if (year < 1900 || month < 1 || month > 12 || day < 1) return null;
  const inMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > inMonth ? null : { day, month, year };
}

/** Looks like an ID card QR at all: "|"-separated, one field a run of 12 digits. */
export function looksLikeIdQr(scan: string): boolean {
  return scan.includes('|') && scan.split('|').some((f) => /^\d{12}$/.test(f.trim()));
}

/**
 * A person's name as printed on the card: letters (with Vietnamese diacritics), spaces, and the
 * odd apostrophe or hyphen of a minority-language name; no digits.
 */
const NAME = /^[\p{L}][\p{L}\p{M}' .-]{0,99}$/u;

/**
 * Read a card QR. `today` bounds the dates: a birth in the future or an issue date before the
 * birth is a misread, not a citizen.
 */
export function parseCitizenIdQr(scan: string, today: { year: number; month: number; day: number }): IdQrResult {
  if (!scan.includes('|')) return { ok: false, reason: 'not_id_card' };
  const fields = scan.normalize('NFC').split('|').map((f) => f.trim());
  const ids = fields.filter((f) => /^\d{12}$/.test(f));
  if (ids.length === 0) return { ok: false, reason: 'not_id_card' };
  const idNumber = ids[0]!;
  // Digits 4–6 of the number: a sex/century digit (0–9), then the last two digits of the birth
  // year (Circular 07/2016/TT-BCA). A number whose province code is 000 or over 096 is no card's.
  const province = Number(idNumber.slice(0, 3));
  if (province < 1 || province > 96) return { ok: false, reason: 'id_number' };
  const rest = fields.filter((f, i) => i !== fields.indexOf(idNumber));
  // The old CMND number is 9 digits; the 2024 card may also list a cancelled 12-digit number. Any
  // other run of digits (but the 8-digit dates) is a misread field.
  const digits = rest.filter((f) => /^\d+$/.test(f) && f.length !== 8);
  if (digits.some((f) => f.length !== 9 && f.length !== 12)) return { ok: false, reason: 'old_id_number' };
  const oldIds = digits.filter((f) => f.length === 9);
  const dateFields = rest.filter((f) => /^\d{8}$/.test(f));
  if (dateFields.length === 0) return { ok: false, reason: 'birth_date' };
  const birth = parseDdMmYyyy(dateFields[0]!);
  if (!birth || cmp(birth, today) > 0) return { ok: false, reason: 'birth_date' };
  // Dates that merely look wrong elsewhere in the newer cards' trailing fields are not ours to judge,
  // but the issue date (the next date) is: an issue before birth or in the future is a misread.
  let issued: CitizenIdCard['issued'] = null;
  if (dateFields.length > 1) {
    issued = parseDdMmYyyy(dateFields[1]!);
    if (!issued || cmp(issued, birth) < 0 || cmp(issued, today) > 0) return { ok: false, reason: 'issue_date' };
  }
  // The century digit must agree with the birth year: 0/1 → 1900s, 2/3 → 2000s, 4/5 → 2100s …
  const centuryDigit = Number(idNumber[3]);
  const century = 1900 + Math.floor(centuryDigit / 2) * 100;
  if (century + Number(idNumber.slice(4, 6)) !== birth.year) return { ok: false, reason: 'id_number' };
  const texts = rest.filter((f) => f !== '' && !/^\d+$/.test(f));
  const sexField = texts.find((f) => SEX[f.toLowerCase()] !== undefined);
  const words = texts.filter((f) => f !== sexField);
  const birthAt = fields.indexOf(dateFields[0]!);
  // The name is the text before the birth date; the address the longest text after it.
  const name = fields.slice(0, birthAt).filter((f) => words.includes(f)).pop();
  if (!name || !NAME.test(name)) return { ok: false, reason: 'name' };
  if (!sexField && fields.slice(birthAt + 1, birthAt + 2).some((f) => f !== '' && !/^\d/.test(f) && f.length < 6)) {
    return { ok: false, reason: 'sex' };
  }
  const after = fields.slice(birthAt + 1).filter((f) => words.includes(f) && f !== name);
  const address = after.reduce((a, f) => (f.length > a.length ? f : a), '');
  return {
    ok: true,
    card: {
      idNumber,
      oldIdNumber: oldIds[0] ?? null,
      name: name.replace(/\s+/g, ' '),
      birth,
      sex: sexField ? SEX[sexField.toLowerCase()]! : null,
      address,
      issued,
    },
  };
}

const cmp = (a: { year: number; month: number; day: number }, b: { year: number; month: number; day: number }) =>
  a.year - b.year || a.month - b.month || a.day - b.day;

/** Age in whole years on `today`. */
export function ageOn(birth: { year: number; month: number; day: number }, today: { year: number; month: number; day: number }): number {
  return today.year - birth.year - (today.month < birth.month || (today.month === birth.month && today.day < birth.day) ? 1 : 0);
}
