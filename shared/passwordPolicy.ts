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

/** Why this password is refused (Vietnamese), or null. */
export function passwordProblem(password: string, officeWords: readonly string[] = []): string | null {
  if (password.length < MIN_PASSWORD) return `Mật khẩu cần ít nhất ${MIN_PASSWORD} ký tự`;
  const folded = foldForCompare(password);
  if (new Set(folded).size < 4) return 'Mật khẩu quá đơn giản (lặp lại ít ký tự)';
  // Strip digits and years people append ("ubnd2026") before comparing with known words.
  const core = folded.replace(/\d+$/g, '').replace(/^\d+/g, '');
  for (const w of [...COMMON, ...officeWords.map(foldForCompare)]) {
    if (w.length >= 4 && (core === w || folded === w || (core.length > 0 && w.includes(core) && core.length >= 4) || (folded.includes(w) && folded.length - w.length < 4))) {
      return 'Mật khẩu quá dễ đoán (trùng tên cơ quan hoặc từ thông dụng)';
    }
  }
  return null;
}

/** Why this PIN is refused, or null. 6 digits unless the office allowed 4 explicitly. */
export function pinProblem(pin: string, allowShort: boolean): string | null {
  const min = allowShort ? 4 : 6;
  if (!new RegExp(`^\\d{${min},8}$`).test(pin)) return `Mã PIN gồm ${min}–8 chữ số`;
  if (new Set(pin).size === 1) return 'Mã PIN không được lặp một chữ số';
  const asc = '01234567890';
  const desc = '09876543210';
  if (asc.includes(pin) || desc.includes(pin)) return 'Mã PIN không được là dãy số liên tiếp';
  return null;
}
