// An office language pack (issue #31): DATA/lang/<code>/ holds messages.json (any subset of the
// Vietnamese catalog's keys, ICU messages) and meta.json (the language's name in its own script,
// its direction, its font). This judges a pack's two files against the Vietnamese source: every
// refusal names its reason, in Vietnamese (the admin's language) — the host adds the error code.
// Pure: no I/O.
import { z } from 'zod';
import { messageArguments } from './icuMessage';

export const LANG_PACK_LIMITS = {
  /** The zip an admin uploads. */
  zipBytes: 2 * 1024 * 1024,
  /** messages.json: the whole Vietnamese catalog is ≈ 100 kB; five times that is room for any script. */
  messagesBytes: 512 * 1024,
  metaBytes: 4 * 1024,
  /** One message: the longest Vietnamese one is under 500 characters. */
  messageChars: 2000,
  /** Packs one office may hold. */
  packs: 20,
} as const;

/** BCP 47-like: 'km', 'hmn', 'tdd-Latn'. 'vi' and 'en' are built in and cannot be a pack. */
export const LangPackCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/, 'mã ngôn ngữ không hợp lệ (ví dụ: km, hmn, tdd-Latn)')
  .refine((c) => c !== 'vi' && c !== 'en', 'tiếng Việt và tiếng Anh có sẵn, không thay bằng gói');

/** The fonts the screens and the printer carry; a pack names one of them. */
export const PACK_FONTS = ['Be Vietnam Pro', 'Noto Sans Khmer'] as const;

export const LangPackMeta = z.strictObject({
  code: LangPackCode,
  /** The language's own name in its own script, as the toggle shows it: "ភាសាខ្មែរ". */
  name: z.string().trim().min(1).max(60),
  /** Its name in Vietnamese, for the admin's list. */
  nameVi: z.string().trim().max(60).default(''),
  dir: z.enum(['ltr', 'rtl']).default('ltr'),
  font: z.enum(PACK_FONTS).default('Be Vietnam Pro'),
  /** A test or sample pack says so; the admin's list shows it. */
  sample: z.boolean().default(false),
});
export type LangPackMeta = z.infer<typeof LangPackMeta>;

/** display: the hall display's second line reads the pack instead of English (or, with `?lang=`, its first). */
export const PACK_SCREENS = ['kiosk', 'track', 'rating', 'display'] as const;
export type PackScreen = (typeof PACK_SCREENS)[number];

export interface CheckedPack {
  meta: LangPackMeta;
  messages: Record<string, string>;
  /** Catalog keys the pack leaves to Vietnamese. */
  missing: string[];
}

export class LangPackProblem extends Error {}

const bad = (why: string): never => {
  throw new LangPackProblem(why);
};

function parseJson(bytes: Uint8Array, file: string, limit: number): unknown {
  if (bytes.length > limit) bad(`${file} lớn ${(bytes.length / 1024).toFixed(0)} kB, quá giới hạn ${(limit / 1024).toFixed(0)} kB`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bad(`${file} không phải văn bản UTF-8`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (e) {
    return bad(`${file} không phải JSON hợp lệ (${(e as Error).message.slice(0, 120)})`);
  }
}

/** Flattens `{ "a": { "b": "x" } }` to `{ "a.b": "x" }`, the way the catalog's keys are named. */
export function flattenCatalog(tree: object): Record<string, string> {
  return flatten(tree as Record<string, unknown>) as Record<string, string>;
}

function flatten(tree: Record<string, unknown>, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [k, v] of Object.entries(tree)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v as Record<string, unknown>, `${prefix}${k}.`, out);
    else out[`${prefix}${k}`] = v;
  }
  return out;
}

const few = (keys: string[]) => keys.slice(0, 5).map((k) => `"${k.slice(0, 60)}"`).join(', ') + (keys.length > 5 ? ` và ${keys.length - 5} khóa khác` : '');

/**
 * Judges a pack: meta.json's fields, then every message of messages.json — a key the Vietnamese
 * catalog does not have, a text that is not valid ICU, an argument missing or added (`{number}`),
 * or one too long refuses the whole pack. Empty strings count as missing (they read Vietnamese).
 */
export function checkLangPack(source: Record<string, unknown>, messagesFile: Uint8Array, metaFile: Uint8Array): CheckedPack {
  const rawMeta = parseJson(metaFile, 'meta.json', LANG_PACK_LIMITS.metaBytes);
  const meta = LangPackMeta.safeParse(rawMeta);
  if (!meta.success) bad(`meta.json: ${meta.error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`).join('; ').slice(0, 300)}`);
  const raw = parseJson(messagesFile, 'messages.json', LANG_PACK_LIMITS.messagesBytes);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) bad('messages.json phải là một đối tượng { "khóa": "câu" }');
  const flatSource = flatten(source);
  const given = flatten(raw as Record<string, unknown>);
  const unknown = Object.keys(given).filter((k) => !(k in flatSource));
  if (unknown.length) bad(`messages.json có khóa không có trong bản tiếng Việt: ${few(unknown)}`);
  const messages: Record<string, string> = {};
  for (const [key, value] of Object.entries(given)) {
    if (typeof value !== 'string') bad(`"${key}" phải là một chuỗi`);
    const text = value as string;
    if (text.length > LANG_PACK_LIMITS.messageChars) bad(`"${key}" dài ${text.length} ký tự, quá giới hạn ${LANG_PACK_LIMITS.messageChars}`);
    if (!text.trim()) continue;
    let args: string[];
    try {
      args = messageArguments(text);
    } catch (e) {
      return bad(`"${key}" không đúng cú pháp ICU (${(e as Error).message.slice(0, 80)})`);
    }
    const want = messageArguments(String(flatSource[key]));
    const lost = want.filter((a) => !args.includes(a));
    const extra = args.filter((a) => !want.includes(a));
    if (lost.length) bad(`"${key}" thiếu chỗ điền ${lost.map((a) => `{${a}}`).join(', ')} có trong bản tiếng Việt`);
    if (extra.length) bad(`"${key}" có chỗ điền ${extra.map((a) => `{${a}}`).join(', ')} mà bản tiếng Việt không có`);
    messages[key] = text;
  }
  const missing = Object.keys(flatSource).filter((k) => !(k in messages));
  return { meta: meta.data as LangPackMeta, messages, missing };
}
