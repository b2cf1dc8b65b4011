// Typing Vietnamese on a touchscreen without a system keyboard: the citizen types the letter
// (with ă â đ ê ô ơ ư keys) and then taps a tone; the tone goes on the vowel the orthography puts it
// on, wherever in the word that is. Pure: used by the on-screen keyboard and tested alone.

export type Tone = 'sac' | 'huyen' | 'hoi' | 'nga' | 'nang' | 'none';

const TONE_MARK: Record<Exclude<Tone, 'none'>, string> = {
  sac: '\u0301',
  huyen: '\u0300',
  hoi: '\u0309',
  nga: '\u0303',
  nang: '\u0323',
};
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
// Circumflex, breve and horn make a vowel "marked": the tone prefers it (ê in tiến, ơ in người).
const SHAPE_MARKS = /[\u0302\u0306\u031B]/;
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

interface Letter {
  text: string;
  base: string;
  shaped: boolean;
}

function letters(word: string): Letter[] {
  const out: Letter[] = [];
  for (const ch of word.normalize('NFD').replace(TONE_MARKS, '')) {
    if (/\p{M}/u.test(ch) && out.length) {
      const last = out[out.length - 1] as Letter;
      last.text += ch;
      if (SHAPE_MARKS.test(ch)) last.shaped = true;
    } else {
      out.push({ text: ch, base: ch.toLowerCase(), shaped: false });
    }
  }
  return out;
}

/** Index of the letter that carries the tone, or -1 when the word has no vowel. */
export function toneIndex(word: string): number {
  const ls = letters(word);
  const isV = (i: number) => VOWELS.has(ls[i]?.base ?? '');
  let start = ls.findIndex((_, i) => isV(i));
  if (start < 0) return -1;
  // "qu" and "gi" before another vowel: the u / i belongs to the consonant.
  const prev = ls[start - 1]?.base;
  if (((prev === 'q' && ls[start]?.base === 'u') || (prev === 'g' && ls[start]?.base === 'i')) && isV(start + 1)) start++;
  let end = start;
  while (isV(end + 1)) end++;
  const nucleus = Array.from({ length: end - start + 1 }, (_, k) => start + k);
  const shaped = nucleus.filter((i) => ls[i]?.shaped);
  if (shaped.length) return shaped[shaped.length - 1] as number;
  if (nucleus.length === 1) return start;
  const closed = end < ls.length - 1;
  if (closed) return end;
  return nucleus.length === 2 ? start : (nucleus[1] as number);
}

/** Put `tone` on the right vowel of `word` (replacing any tone it had); NFC out. */
export function applyTone(word: string, tone: Tone): string {
  const ls = letters(word);
  const idx = toneIndex(word);
  if (idx < 0 || tone === 'none') return ls.map((l) => l.text).join('').normalize('NFC');
  return ls
    .map((l, i) => (i === idx ? l.text + TONE_MARK[tone] : l.text))
    .join('')
    .normalize('NFC');
}

/** Apply a tone to the last word of a text (what the on-screen keyboard's tone keys do). */
export function toneLastWord(text: string, tone: Tone): string {
  const m = /(\p{L}+)$/u.exec(text);
  if (!m) return text;
  return text.slice(0, m.index) + applyTone(m[1] as string, tone);
}

/** Letters with a circumflex, breve or horn, plus đ: the extra keys of the on-screen keyboard. */
export const EXTRA_LETTERS = ['ă', 'â', 'đ', 'ê', 'ô', 'ơ', 'ư'] as const;
