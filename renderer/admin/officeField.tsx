import { useEffect, useRef, useState } from 'react';
import type { OfficeConfig } from '../../shared/domain';
import { errorCatalog, isErrorCode } from '../../shared/errors';
import { ApiError, call } from '../api/client';
import { useQuery } from '../api/hooks';
import { useLang } from '../i18n';

/**
 * One office setting edited on its own: the draft follows the stored value whenever that changes
 * (this screen's save, another admin's, a restore), and a save sends only this field, so the host
 * logs exactly what changed and every screen applies it at once.
 */
export function useOfficeField<K extends keyof OfficeConfig>(field: K) {
  const office = useQuery('officeSettings', {}, (m) => m.type === 'config.changed');
  const stored = office.data ? office.data[field] : null;
  const storedJson = JSON.stringify(stored);
  const [draft, setDraft] = useState<OfficeConfig[K] | null>(null);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const previousStored = useRef<string | null>(null);
  useEffect(() => {
    if (storedJson === undefined || storedJson === 'null') return;
    // The screen re-reads the settings after every save (and when another admin saves): that
    // must not throw away an edit typed since. Take the stored value only while the draft still
    // shows the previous stored value (nothing typed), or already equals the new one.
    const current = draftRef.current === null ? null : JSON.stringify(draftRef.current);
    if (current === null || current === previousStored.current || current === storedJson) setDraft(JSON.parse(storedJson) as OfficeConfig[K]);
    previousStored.current = storedJson;
  }, [storedJson]);
  const dirty = draft !== null && JSON.stringify(draft) !== storedJson;
  const save = (value: OfficeConfig[K]) => call('setOfficeSettings', { body: { [field]: value } as Partial<OfficeConfig> });
  return { office: office.data, stored, draft, setDraft, dirty, save };
}

type Status = { ok: true } | { ok: false; errors: string[] } | null;

/** Save with client-side checks first; the host's refusal is shown in the screen's language. */
export function useSettingSave() {
  const { t, lang } = useLang();
  const [status, setStatus] = useState<Status>(null);
  const box = useRef<HTMLDivElement>(null);
  // The result appears under the Save button, which may be at the bottom of the screen.
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
  }, [status]);
  const run = async (errors: string[], fn: () => Promise<unknown>) => {
    if (errors.length) return setStatus({ ok: false, errors });
    try {
      await fn();
      setStatus({ ok: true });
    } catch (e) {
      const code = e instanceof ApiError ? e.code : '';
      const text = lang === 'en' && isErrorCode(code) ? errorCatalog[code].en : (e as Error).message;
      setStatus({ ok: false, errors: [text] });
    }
  };
  const view =
    status === null ? null : status.ok ? (
      <div ref={box} className="stat" role="status" data-testid="save-message">
        {t.saved}
      </div>
    ) : (
      <div ref={box} className="error-banner" role="alert" data-testid="save-errors">
        {t.notSaved}
        <ul>
          {status.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      </div>
    );
  return { run, view, clear: () => setStatus(null) };
}
