import CodepageEncoder from '@point-of-sale/codepage-encoder';

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/;
const cp1258 = new Set(CodepageEncoder.getCodepoints('windows1258', true));

/**
 * Rewrites NFC Vietnamese into what Windows-1258 can hold: letters the code page has precomposed
 * stay as they are (á, ơ, ư, ă…); any other toned letter becomes its base letter (recomposed, so
 * ê, ơ, ư, ă stay single characters) followed by the combining tone mark. This is exactly what glibc
 * `iconv -t CP1258` produces; the encoder's real code-page table then maps each to its byte.
 */
export function toCp1258Form(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (cp1258.has(ch.codePointAt(0) as number)) {
      out += ch;
      continue;
    }
    const parts = [...ch.normalize('NFD')];
    const tone = parts.find((p) => TONES.test(p)) ?? '';
    const base = parts.filter((p) => !TONES.test(p)).join('').normalize('NFC');
    out += base + tone;
  }
  return out;
}

/** Last resort for printers with no Vietnamese code page: "Hộ tịch" → "Ho tich", "Đ" → "D". */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/** The user-perceived letters of a text: a base letter with its tone and vowel marks is one. */
export function graphemesOf(text: string): string[] {
  return Array.from(graphemes.segment(text), (g) => g.segment);
}

/** Columns a string takes on paper: one per grapheme, since combining marks print over their letter. */
export function printWidth(text: string): number {
  let n = 0;
  for (const _ of graphemes.segment(text)) n++;
  return n;
}
