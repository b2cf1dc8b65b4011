import { useState } from 'react';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { errorText, fmt, useLang } from '../i18n';
import { CheckField, FileInput } from './FormField';
import { toBase64 } from './voice/micRecorder';
import type { OutputOf } from '../../shared/api/contract';
import type { PackScreen } from '../../shared/i18n/langPack';

type Pack = OutputOf<'langPacks'>['packs'][number];

// Quản trị → Đơn vị (issue #31): the office's language packs. Import a zip, see how much is
// translated and which messages are not, turn a pack on per public screen, delete it. The host
// judges every pack; a refusal comes back with its reason and nothing running changes.
export function LangPacksPanel() {
  const { t, lang } = useLang();
  const packs = useQuery('langPacks', {});
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setNote({ ok: true, text: await work() });
      packs.reload();
    } catch (e) {
      setNote({ ok: false, text: errorText(e, lang) });
    } finally {
      setBusy(false);
    }
  };
  const nameOf = (p: Pack) => (p.meta ? `${p.meta.name}${p.meta.nameVi ? ` (${p.meta.nameVi})` : ''}` : p.code);
  const importPack = (f: File) =>
    void run(async () => {
      const v = await call('importLangPack', { body: { zip: await toBase64(f) } });
      return fmt(t.lpImported, { name: nameOf(v), translated: v.translated, total: v.total });
    });
  const toggle = (p: Pack, screen: PackScreen, on: boolean) =>
    void run(async () => {
      const v = await call('setLangPackScreens', { body: { code: p.code, screens: { ...p.screens, [screen]: on } } });
      return fmt(t.lpSaved, { name: nameOf(v) });
    });
  const remove = (p: Pack) => {
    if (!confirm(fmt(t.lpDeleteAsk, { name: nameOf(p) }))) return;
    void run(async () => {
      await call('deleteLangPack', { body: { code: p.code } });
      return fmt(t.lpDeleted, { name: nameOf(p) });
    });
  };
  const screens: [PackScreen, string][] = [
    ['kiosk', t.lpOnKiosk],
    ['track', t.lpOnTrack],
    ['rating', t.lpOnRating],
    ['display', t.lpOnDisplay],
  ];

  return (
    <section className="panel admin-form" aria-labelledby="lang-packs-title" data-testid="lang-packs">
      <h2 id="lang-packs-title">{t.lpTitle}</h2>
      <p className="form-intro">{t.lpIntro}</p>
      <label className="voice-import">
        {t.lpImport}
        <FileInput accept=".zip,application/zip" testId="lang-pack-file" onFile={(f) => f && importPack(f)} />
      </label>
      {note && (
        <div className={note.ok ? 'stat' : 'error-banner'} role={note.ok ? 'status' : 'alert'} data-testid="lang-pack-note">
          {note.text}
        </div>
      )}
      {(packs.data?.packs ?? []).length === 0 && <p className="form-help">{t.lpNone}</p>}
      {(packs.data?.packs ?? []).map((p) => (
        <fieldset key={p.code} className="lang-pack" data-testid={`lang-pack-${p.code}`}>
          <legend lang={p.code}>{nameOf(p)}</legend>
          {p.meta?.sample && <p className="form-help">{t.lpSample}</p>}
          {p.problem ? (
            <p className="form-error">{fmt(t.lpBroken, { why: p.problem })}</p>
          ) : (
            <p data-testid={`lang-pack-count-${p.code}`}>{fmt(t.lpCount, { translated: p.translated, total: p.total, missing: p.missing.length })}</p>
          )}
          {p.missing.length > 0 && !p.problem && (
            <details>
              <summary>{t.lpMissingShow}</summary>
              <p className="form-help lang-pack-missing">{p.missing.join(', ')}</p>
            </details>
          )}
          {screens.map(([screen, label]) => (
            <CheckField key={screen} label={label} checked={p.screens[screen]} testId={`lang-pack-${p.code}-${screen}`} onChange={(on) => !busy && !p.problem && toggle(p, screen, on)} />
          ))}
          <button type="button" className="btn-secondary" disabled={busy} onClick={() => remove(p)}>
            {t.lpDelete}
          </button>
        </fieldset>
      ))}
    </section>
  );
}
