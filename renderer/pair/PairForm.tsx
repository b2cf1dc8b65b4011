import { useState } from 'react';
import { call } from '../api/client';
import type { OutputOf } from '../../shared/api/contract';
import { errorText, useLang } from '../i18n';
import { deviceText } from '../i18nDevices';
import { formatPairingCode, normalizePairingCode, PAIRING_CODE_ALPHABET, PAIRING_CODE_LENGTH } from '../../shared/pairingCode';

/** Only the code's own signs are kept as they are typed; the dash comes back by itself. */
const typedCode = (input: string) =>
  normalizePairingCode(input)
    .split('')
    .filter((c) => PAIRING_CODE_ALPHABET.includes(c))
    .join('')
    .slice(0, PAIRING_CODE_LENGTH);

/** Enter a pairing code; the host answers with a device credential kept as an httpOnly cookie. */
export function PairForm({ initialCode = '', onPaired }: { initialCode?: string; onPaired: (d: OutputOf<'pairDevice'>['device']) => void }) {
  const { lang } = useLang();
  const d = deviceText(lang);
  const [code, setCode] = useState(typedCode(initialCode));
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
          autoComplete="one-time-code"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          maxLength={PAIRING_CODE_LENGTH + 1}
          value={formatPairingCode(code)}
          onChange={(e) => setCode(typedCode(e.target.value))}
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
      <button type="submit" className="btn-primary" disabled={code.length !== PAIRING_CODE_LENGTH} data-testid="pair-submit">
        {d.pairButton}
      </button>
    </form>
  );
}
