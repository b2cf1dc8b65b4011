// What an admin password and an officer PIN must be. Pure, so the setup page can say why a
// choice is refused before it is sent, and the host refuses the same.
export const MIN_PASSWORD = 10;

const COMMON = ['motcua', 'matkhau', 'password', 'admin', 'quantri', '123456', 'qwerty', 'abc123', 'iloveyou', 'ubnd', 'ubndxa', 'ubndphuong', 'motcuaadmin', 'tiepnhan', 'hanhchinh'];

/** Lower case, no diacritics, letters and digits only: "Phường Hòa Minh!" → "phuonghoaminh". */
export function foldForCompare(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Why a password or PIN is refused, as a code a screen can word in its own language. */
export type SecretFault = 'passwordShort' | 'passwordSimple' | 'passwordGuessable' | 'pinFormat' | 'pinRepeat' | 'pinSequence';

/** Which rule this password breaks, or null. */
export function passwordFault(password: string, officeWords: readonly string[] = []): SecretFault | null {
  if (password.length < MIN_PASSWORD) return 'passwordShort';
  const folded = foldForCompare(password);
  if (new Set(folded).size < 4) return 'passwordSimple';
  // Strip digits and years people append ("ubnd2026") before comparing with known words.
  const core = folded.replace(/\d+$/g, '').replace(/^\d+/g, '');
  for (const w of [...COMMON, ...officeWords.map(foldForCompare)]) {
    if (w.length >= 4 && (core === w || folded === w || (core.length > 0 && w.includes(core) && core.length >= 4) || (folded.includes(w) && folded.length - w.length < 4))) {
      return 'passwordGuessable';
    }
  }
  return null;
}

/** Which rule this PIN breaks, or null. 6 digits unless the office allowed 4 explicitly. */
export function pinFault(pin: string, allowShort: boolean): SecretFault | null {
  const min = pinMinLength(allowShort);
  if (!new RegExp(`^\\d{${min},8}$`).test(pin)) return 'pinFormat';
  if (new Set(pin).size === 1) return 'pinRepeat';
  const asc = '01234567890';
  const desc = '09876543210';
  if (asc.includes(pin) || desc.includes(pin)) return 'pinSequence';
  return null;
}

export const pinMinLength = (allowShort: boolean): number => (allowShort ? 4 : 6);

/** The words a password must not be built on: the office's names, whole and word by word. */
export const officeWords = (name: string, nameEn: string): string[] => [name, nameEn, ...name.split(/\s+/)];

/** The host's own wording of each fault (Vietnamese; screens word them from the code). */
export function secretFaultVi(fault: SecretFault, allowShort = false): string {
  switch (fault) {
    case 'passwordShort':
      return `Mật khẩu cần ít nhất ${MIN_PASSWORD} ký tự`;
    case 'passwordSimple':
      return 'Mật khẩu quá đơn giản (lặp lại ít ký tự)';
    case 'passwordGuessable':
      return 'Mật khẩu quá dễ đoán (trùng tên cơ quan hoặc từ thông dụng)';
    case 'pinFormat':
      return `Mã PIN gồm ${pinMinLength(allowShort)}–8 chữ số`;
    case 'pinRepeat':
      return 'Mã PIN không được lặp một chữ số';
    case 'pinSequence':
      return 'Mã PIN không được là dãy số liên tiếp';
  }
}

/** Why this password is refused (Vietnamese), or null. */
export function passwordProblem(password: string, words: readonly string[] = []): string | null {
  const fault = passwordFault(password, words);
  return fault && secretFaultVi(fault);
}

/** Why this PIN is refused (Vietnamese), or null. */
export function pinProblem(pin: string, allowShort: boolean): string | null {
  const fault = pinFault(pin, allowShort);
  return fault && secretFaultVi(fault, allowShort);
}
