// The screens' strings live in ICU catalogs (shared/locales/<lang>.json, Vietnamese the source)
// held by i18next; office language packs are added to the same store. Screens still read
// `t.someKey`: for each language this builds one plain object shaped like vi.json, so call sites
// did not change when the strings moved here and a missing English key is a compile error.
// Adding or moving strings: docs/i18n.md.
import i18next from 'i18next';
import ICU from 'i18next-icu';
import IntlMessageFormat from 'intl-messageformat';
import { hasArguments } from '../shared/i18n/icuMessage';
import viCatalog from '../shared/locales/vi.json';
import enCatalog from '../shared/locales/en.json';

type Catalog = typeof viCatalog;
/** The strings screens read as `t.key`: the catalog's top-level messages. */
export type Dict = { [K in keyof Catalog as Catalog[K] extends string ? K : never]: Catalog[K] };
/** A moved module's strings, kept under one key (`voice`, `kioskPrinters`): read with `sectionFor`. */
export type Sections = { [K in keyof Catalog as Catalog[K] extends string ? never : K]: Catalog[K] };
type Leaves<T, P extends string = ''> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[keyof T & string];
/** Every catalog key, nested ones dotted ('kioskPrinters.title'): vi.json is the list. */
export type CatalogKey = Leaves<Catalog>;

// `en` typed from `vi`: a key missing from en.json does not compile.
const enTyped: Catalog = enCatalog;

const catalog = i18next.createInstance();
void catalog.use(ICU).init({
  resources: { vi: { translation: viCatalog }, en: { translation: enTyped } },
  lng: 'vi',
  // Whatever a pack leaves out reads Vietnamese, never the raw key.
  fallbackLng: 'vi',
  returnEmptyString: false,
  nsSeparator: false,
  initAsync: false,
  interpolation: { escapeValue: false },
});

const builtIn = new Set(['vi', 'en']);
const dicts = new Map<string, Dict>();
/** Which language each message text was handed out for, so `formatMessage` picks its plural rules. */
const localeOfText = new Map<string, string>();

function leafKeys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (v && typeof v === 'object' ? leafKeys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
const KEYS = leafKeys(viCatalog);
const KEY_SET = new Set(KEYS);

function setPath(tree: Record<string, unknown>, key: string, value: string): void {
  const parts = key.split('.');
  let node = tree;
  for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1] as string] = value;
}

function rawMessage(lang: string, key: string): string {
  const own = catalog.getResource(lang, 'translation', key) as unknown;
  if (typeof own === 'string' && own !== '') return own;
  return catalog.getResource('vi', 'translation', key) as string;
}

/**
 * The strings of one language as `t`: a message with arguments stays ICU text for `fmt` to fill,
 * one without is already formatted (its quotes resolved), so `{t.key}` shows what it says.
 */
export function dictFor(lang: string): Dict {
  const known = dicts.get(lang);
  if (known) return known;
  const code = catalog.hasResourceBundle(lang, 'translation') ? lang : 'vi';
  const fixed = catalog.getFixedT(code);
  const out: Record<string, unknown> = {};
  for (const key of KEYS) {
    const raw = rawMessage(code, key);
    const text = raw.includes('{') || raw.includes("'") ? (hasArguments(raw) ? raw : fixed(key)) : raw;
    if (text.includes('{')) localeOfText.set(text, code);
    setPath(out, key, text);
  }
  const dict = out as Dict;
  if (code === lang) dicts.set(lang, dict);
  return dict;
}

/** One section of the strings of a language (a moved module's), as `t` is for the rest. */
export function sectionFor<S extends keyof Sections>(lang: string, section: S): Sections[S] {
  return (dictFor(lang) as unknown as Sections)[section];
}

export interface LanguagePackStrings {
  code: string;
  messages: Record<string, string>;
  /** Right-to-left scripts turn the page around (meta.json's dir). */
  dir?: 'ltr' | 'rtl';
}

const directions = new Map<string, 'ltr' | 'rtl'>();
/** The writing direction of a language: built-in ones and packs that did not say are left to right. */
export const directionOf = (lang: string): 'ltr' | 'rtl' => directions.get(lang) ?? 'ltr';

/**
 * Adds (or replaces) an office pack's strings. Only catalog keys are kept: the host already
 * refused a pack with unknown keys or changed arguments, and a screen must never show a raw key.
 */
export function addLanguagePack(pack: LanguagePackStrings): void {
  if (builtIn.has(pack.code)) return;
  const tree: Record<string, unknown> = {};
  for (const [key, text] of Object.entries(pack.messages)) if (KEY_SET.has(key) && typeof text === 'string') setPath(tree, key, text);
  catalog.addResourceBundle(pack.code, 'translation', tree, false, true);
  directions.set(pack.code, pack.dir ?? 'ltr');
  dicts.delete(pack.code);
  for (const listener of listeners) listener();
}

const listeners = new Set<() => void>();
/** Called after a pack's strings change, so a screen showing that language reads them again. */
export function onCatalogChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** One message by key, formatted: for new code that need not go through `t`. */
export function translate(lang: string, key: CatalogKey, values?: Record<string, string | number>): string {
  const code = catalog.hasResourceBundle(lang, 'translation') ? lang : 'vi';
  return catalog.getFixedT(code)(key, values ?? {});
}

// Compiled messages, bounded: catalog texts are a few thousand at most, so a full cache is a sign
// of texts built at run time, and starting again costs only re-parsing.
const COMPILED_MAX = 4000;
const compiled = new Map<string, IntlMessageFormat | null>();

function compile(text: string, locale: string): IntlMessageFormat | null {
  const id = `${locale}\u0000${text}`;
  if (compiled.has(id)) return compiled.get(id) ?? null;
  if (compiled.size >= COMPILED_MAX) compiled.clear();
  let mf: IntlMessageFormat | null = null;
  try {
    mf = new IntlMessageFormat(text, locale, undefined, { ignoreTag: true });
  } catch {
    mf = null;
  }
  compiled.set(id, mf);
  return mf;
}

/** The old `fmt` contract for texts that are not ICU (a module not moved yet): fill known slots only. */
function fillSlots(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/**
 * Fill a message's arguments: fmt(t.searchFound, { n: 3 }). ICU plurals use the language the text
 * came from; a text ICU cannot read, or one missing a value, falls back to filling `{name}` slots.
 */
export function formatMessage(text: string, values: Record<string, string | number>, lang?: string): string {
  if (!text.includes('{')) return text;
  const mf = compile(text, lang ?? localeOfText.get(text) ?? 'vi');
  if (!mf) return fillSlots(text, values);
  try {
    const out = mf.format(values);
    return typeof out === 'string' ? out : String(out);
  } catch {
    return fillSlots(text, values);
  }
}
