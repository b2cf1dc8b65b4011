import en from './locales/en.json';
import vi from './locales/vi.json';
import { LETTER_NAMES, numberWords } from './vietnameseNumbers';

export interface AnnouncementOptions {
  lang: 'vi' | 'en';
  /** Read the service prefix letter ("a", "bê"…) before the number. */
  readPrefix: boolean;
  template?: string;
}

// The wording is the catalog's, as on the screens; an office's own template (announcement settings)
// may name its slots {số}/{quầy} or {number}/{counter}.
export const DEFAULT_TEMPLATES = {
  vi: vi.announce.call,
  en: en.announce.call,
  resumeVi: vi.announce.resume,
  resumeEn: en.announce.resume,
};

function splitTicket(ticket: string): { prefix: string; value: number } {
  const m = /^([A-Z]*)(\d+)$/.exec(ticket.toUpperCase());
  return { prefix: m?.[1] ?? '', value: Number(m?.[2] ?? 0) };
}

/** What the announcer needs to know of a service to tell its numbers from the others'. */
export interface ServiceNumbers {
  prefix: string;
  rangeStart: number;
  rangeEnd: number;
}

/**
 * Whether a call speaks the ticket's letter. Always when the office asks for it (`readPrefix`);
 * otherwise whenever another service's numbers can be the same, since A001 and B001 waiting at
 * once would both be "số một". So an office may leave letters unspoken only where that is safe:
 * one service, or services with separate number ranges (A 1–499, B 500–999). A letter nobody
 * configured (a service since deleted) is spoken.
 */
export function speaksPrefix(ticket: string, readPrefix: boolean, services: readonly ServiceNumbers[]): boolean {
  if (readPrefix) return true;
  const { prefix } = splitTicket(ticket);
  const own = services.filter((s) => s.prefix === prefix);
  if (own.length === 0) return true;
  return services.some((o) => o.prefix !== prefix && own.some((s) => o.rangeStart <= s.rangeEnd && s.rangeStart <= o.rangeEnd));
}

/** The spoken form of a ticket number: "A012" → "a mười hai" (prefix optional). */
export function spokenTicket(ticket: string, lang: 'vi' | 'en', readPrefix: boolean): string {
  const { prefix, value } = splitTicket(ticket);
  if (lang === 'en') return `${readPrefix ? prefix.split('').join(' ') + ' ' : ''}${value}`.trim();
  const letters = readPrefix ? prefix.split('').map((l) => LETTER_NAMES[l] ?? l) : [];
  return [...letters, ...numberWords(value)].join(' ');
}

export function announcementText(ticket: string, counter: number, o: AnnouncementOptions): string {
  const tpl = o.template ?? (o.lang === 'vi' ? DEFAULT_TEMPLATES.vi : DEFAULT_TEMPLATES.en);
  const num = spokenTicket(ticket, o.lang, o.readPrefix);
  const cnt = o.lang === 'vi' ? numberWords(counter).join(' ') : String(counter);
  return tpl.replace(/\{(số|number)\}/g, num).replace(/\{(quầy|counter)\}/g, cnt);
}

export function resumeText(counter: number, lang: 'vi' | 'en'): string {
  const tpl = lang === 'vi' ? DEFAULT_TEMPLATES.resumeVi : DEFAULT_TEMPLATES.resumeEn;
  return tpl.replace(/\{(quầy|counter)\}/g, lang === 'vi' ? numberWords(counter).join(' ') : String(counter));
}

// Clip ids are ASCII file names under resources/audio/<lang>/ (<id>.ogg). Number syllables that
// differ only by tone get distinct ids.
const WORD_CLIPS: Record<string, string> = {
  không: 'khong', một: 'mot', hai: 'hai', ba: 'ba', bốn: 'bon', năm: 'nam', sáu: 'sau', bảy: 'bay', tám: 'tam', chín: 'chin',
  mười: 'muoi', mươi: 'muoi2', mốt: 'mot2', lăm: 'lam', tư: 'tu', linh: 'linh', trăm: 'tram', nghìn: 'nghin',
};

export const VI_WORD_CLIP_IDS = Object.values(WORD_CLIPS);
export const LETTER_CLIP_IDS = Object.keys(LETTER_NAMES).filter((l) => /^[A-Z]$/.test(l)).map((l) => `letter_${l}`);
export const PHRASE_CLIPS = { vi: { before: 'moi_cong_dan', middle: 'den_quay_so' }, en: { before: 'ticket_number', middle: 'please_come_to_counter' } };

/**
 * The ordered clips of a call: chime, "Mời công dân có số thứ tự", [letter], number words,
 * "đến quầy số", counter words. Played gapless by the display; any missing clip falls back to
 * speech synthesis of the whole text.
 */
export function announcementClips(ticket: string, counter: number, o: AnnouncementOptions): string[] {
  const { prefix, value } = splitTicket(ticket);
  const letters = o.readPrefix ? prefix.split('').map((l) => `letter_${l}`) : [];
  if (o.lang === 'en') {
    const digits = (n: number) => String(n).split('').map((d) => `digit_${d}`);
    return ['chime', PHRASE_CLIPS.en.before, ...letters, ...digits(value), PHRASE_CLIPS.en.middle, ...digits(counter)];
  }
  const words = (n: number) => numberWords(n).map((w) => WORD_CLIPS[w] as string);
  return ['chime', PHRASE_CLIPS.vi.before, ...letters, ...words(value), PHRASE_CLIPS.vi.middle, ...words(counter)];
}

/** Clips for "Quầy số N tiếp tục phục vụ" / "Counter N is open again". */
export function resumeClips(counter: number, lang: 'vi' | 'en'): string[] {
  if (lang === 'en') return ['chime', 'counter', ...String(counter).split('').map((d) => `digit_${d}`), 'is_open_again'];
  return ['chime', 'quay_so', ...numberWords(counter).map((w) => WORD_CLIPS[w] as string), 'tiep_tuc_phuc_vu'];
}
