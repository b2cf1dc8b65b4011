// The screens' strings: ICU catalogs in shared/locales/ (Vietnamese the source, English typed
// from it, office language packs on top), read by screens as `t.someKey` (renderer/i18nCatalog.ts).
import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { errorCatalog, isErrorCode } from '../shared/errors';
import { dictFor, directionOf, formatMessage, onCatalogChange } from './i18nCatalog';
import type { Dict } from './i18nCatalog';

export type { Dict } from './i18nCatalog';
export { addLanguagePack, dictFor, translate } from './i18nCatalog';

export const vi: Dict = dictFor('vi');
export const en: Dict = dictFor('en');

/** 'vi' and 'en' are built in; an office pack adds its own code (e.g. 'km'). */
export type Lang = 'vi' | 'en' | (string & {});
/** The office's data (service names, documents) is written in Vietnamese and English only: a pack reads the Vietnamese. */
export const dataLang = (lang: Lang): 'vi' | 'en' => (lang === 'en' ? 'en' : 'vi');

interface LangCtx {
  lang: Lang;
  t: Dict;
  setLang: (l: Lang) => void;
  /** Pick the Vietnamese or English variant of a data field. */
  pick: (viText: string, enText: string) => string;
}

const Ctx = createContext<LangCtx>({ lang: 'vi', t: vi, setLang: () => undefined, pick: (v) => v });

export function LangProvider({ children, initial = 'vi' }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLang] = useState<Lang>(initial);
  const [packs, setPacks] = useState(0);
  useEffect(() => onCatalogChange(() => setPacks((n) => n + 1)), []);
  // The page's language and direction follow the choice: screen readers, hyphenation and fonts read them.
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = directionOf(lang);
  }, [lang, packs]);
  // packs: a pack's strings may arrive after its language was chosen.
  const value = useMemo(() => ({ lang, t: dictFor(lang), setLang, pick: (v: string, e: string) => (lang === 'en' && e ? e : v), packs }), [lang, packs]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export const useLang = () => useContext(Ctx);

/** Fill a message's arguments (ICU: `{n}`, `{n, plural, …}`): fmt(t.searchFound, { n: 3 }). */
export function fmt(text: string, values: Record<string, string | number>): string {
  return formatMessage(text, values);
}

export function stateLabel(t: Dict, state: string): string {
  const key = `state${state.charAt(0).toUpperCase()}${state.slice(1)}` as keyof Dict;
  const label = t[key];
  return typeof label === 'string' ? label : state;
}

/**
 * An error from the host in the screen's language: the catalogue's text for its typed code (the
 * host's own Vietnamese message may be more specific, so Vietnamese keeps it). A lost connection is
 * the screen's own words, not the host's.
 */
export function errorText(e: unknown, lang: Lang): string {
  const err = e as { code?: unknown; message?: unknown } | null;
  const code = err?.code;
  const message = typeof err?.message === 'string' ? err.message : String(e);
  if (code === 'NETWORK') return dictFor(lang).networkError;
  if (typeof code !== 'string' || !isErrorCode(code)) return message;
  return lang === 'en' ? errorCatalog[code].en : message || errorCatalog[code].vi;
}

/**
 * The printer's state in the screen's language. Vietnamese keeps the host's own message (it names
 * the port or the error); English is written from the state flags.
 */
export function printerStatusText(t: Dict, lang: Lang, s: { configured: boolean; ready: boolean; message: string; paperEnd: boolean | null; paperNearEnd: boolean | null; coverOpen: boolean | null }): string {
  if (lang === 'vi' && s.message) return s.message;
  if (!s.configured) return t.prnNotConfigured;
  if (s.paperEnd) return t.prnPaperEnd;
  if (s.coverOpen) return t.prnCoverOpen;
  if (!s.ready) return t.prnOffline;
  if (s.paperNearEnd) return t.prnPaperLow;
  return t.prnReady;
}
