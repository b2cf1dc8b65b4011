// Reading numbers aloud in standard (northern) Vietnamese: mười / mươi, mốt, lăm, tư, linh,
// "không trăm" inside a larger number, nghìn.

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** A group of three digits; `inner` when a higher group precedes it (so 0 hundreds is read). */
function group(n: number, inner: boolean): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const out: string[] = [];
  if (h > 0 || inner) out.push(DIGITS[h] as string, 'trăm');
  if (t === 0) {
    if (u > 0 && (h > 0 || inner)) out.push('linh', DIGITS[u] as string);
    else if (u > 0) out.push(DIGITS[u] as string);
    return out;
  }
  if (t === 1) out.push('mười');
  else out.push(DIGITS[t] as string, 'mươi');
  if (u === 0) return out;
  if (u === 1) out.push(t >= 2 ? 'mốt' : 'một');
  else if (u === 4) out.push(t >= 2 ? 'tư' : 'bốn');
  else if (u === 5) out.push('lăm');
  else out.push(DIGITS[u] as string);
  return out;
}

/** The words of n (0 ≤ n ≤ 999 999), each a separate syllable, e.g. 21 → ['hai', 'mươi', 'mốt']. */
export function numberWords(n: number): string[] {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) throw new RangeError(`numberToVietnamese: ${n} is outside 0–999999`);
  if (n === 0) return ['không'];
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const out: string[] = [];
  if (thousands > 0) out.push(...group(thousands, false), 'nghìn');
  if (rest > 0) out.push(...group(rest, thousands > 0));
  return out;
}

export function numberToVietnamese(n: number): string {
  return numberWords(n).join(' ');
}

/** Vietnamese names of the letters used as ticket prefixes. */
export const LETTER_NAMES: Record<string, string> = {
  A: 'a', B: 'bê', C: 'xê', D: 'dê', Đ: 'đê', E: 'e', F: 'ép', G: 'giê', H: 'hát', I: 'i', J: 'gi', K: 'ca', L: 'e lờ',
  M: 'em mờ', N: 'en nờ', O: 'o', P: 'pê', Q: 'quy', R: 'e rờ', S: 'ét sì', T: 'tê', U: 'u', V: 'vê', W: 'vê kép', X: 'ích xì', Y: 'i dài', Z: 'dét',
};
