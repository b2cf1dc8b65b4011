import { useState } from 'react';
import type { CSSProperties } from 'react';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { addLanguagePack, useLang } from '../i18n';
import type { PackScreen } from '../../shared/i18n/langPack';

// Packs already fetched this session: choosing a language again is instant, and a pack is fetched
// once however often citizens switch (the host refreshes the list through config.changed).
const loaded = new Set<string>();

/** Fetches an enabled pack's strings into the catalog once; false when the host no longer serves it. */
export async function loadPack(code: string, dir: 'ltr' | 'rtl'): Promise<boolean> {
  if (code === 'vi' || code === 'en' || loaded.has(code)) return true;
  try {
    addLanguagePack({ ...(await call('langPack', { params: { code } })), dir });
    loaded.add(code);
    return true;
  } catch {
    return false;
  }
}

/**
 * The public screens' language choice. Without an office pack on for this screen it is the old
 * one-button Vietnamese ⇄ English toggle; with packs, one button per language, each in its own
 * name and script, the chosen one pressed. `packsOnly`: a screen that offered no choice before
 * (the rating tablet) shows one only when a pack is on for it.
 */
export function LangChoice({ screen, className = 'btn-secondary', style, packsOnly = false }: { screen: PackScreen; className?: string; style?: CSSProperties; packsOnly?: boolean }) {
  const { t, lang, setLang } = useLang();
  const config = useQuery('config', {}, (m) => m.type === 'config.changed');
  const [busy, setBusy] = useState<string | null>(null);
  const english = (config.data?.languages ?? ['vi', 'en']).includes('en');
  const packs = (config.data?.languagePacks ?? []).filter((p) => p.screens.includes(screen));
  if (packs.length === 0) {
    if (!english || packsOnly) return null;
    return (
      <button type="button" className={className} style={style} onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')} data-testid="lang">
        {t.language}
      </button>
    );
  }
  const choose = async (code: string) => {
    setBusy(code);
    const ok = await loadPack(code, packs.find((p) => p.code === code)?.dir ?? 'ltr');
    setBusy(null);
    // A pack turned off meanwhile: stay in the current language.
    if (ok) setLang(code);
  };
  const options = [{ code: 'vi', name: t.langNameVi }, ...(english ? [{ code: 'en', name: t.langNameEn }] : []), ...packs.map((p) => ({ code: p.code, name: p.name }))];
  return (
    <div className="lang-choice" role="group" aria-label={t.langChoose} data-testid="lang-choice">
      {options.map((o) => (
        <button key={o.code} type="button" className={className} style={style} lang={o.code} aria-pressed={lang === o.code} aria-busy={busy === o.code} onClick={() => void choose(o.code)} data-testid={`lang-${o.code}`}>
          {o.name}
        </button>
      ))}
    </div>
  );
}
