import { useState } from 'react';
import { call } from '../api/client';
import type { OutputOf } from '../../shared/api/contract';
import { errorText, useLang } from '../i18n';
import { deviceText } from '../i18nDevices';

/** Enter a pairing code; the host answers with a device credential kept as an httpOnly cookie. */
export function PairForm({ initialCode = '', onPaired }: { initialCode?: string; onPaired: (d: OutputOf<'pairDevice'>['device']) => void }) {
  const { lang } = useLang();
  const d = deviceText(lang);
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="form-stack"
      onSubmit={(e) => {
        e.preventDefault();
        call('pairDevice', { body: { code, ...(name ? { name } : {}) } })
          .then((r) => onPaired(r.device))
          .catch((err: unknown) => setError(errorText(err, lang)));
      }}
    >
      <p>{d.pairIntro}</p>
      <label className="field">
        <span>{d.pairCode}</span>
        <input
          className="pair-code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
          data-testid="pair-code"
        />
      </label>
      <label className="field">
        <span>{d.deviceName}</span>
        <input value={name} maxLength={80} onChange={(e) => setName(e.target.value)} data-testid="pair-name" />
      </label>
      {error && (
        <div className="error-banner" role="alert">
          {error}
        </div>
      )}
      <button type="submit" className="btn-primary" disabled={code.length !== 6} data-testid="pair-submit">
        {d.pairButton}
      </button>
    </form>
  );
}
