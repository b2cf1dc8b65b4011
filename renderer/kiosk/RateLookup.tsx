import { useState } from 'react';
import type { TicketStatus } from '../../shared/api/schemas';
import { CHECK_CODE_ALPHABET, CHECK_CODE_LENGTH } from '../../shared/checkCode';
import { call } from '../api/client';
import type { ApiError } from '../api/client';
import { Keypad } from '../components/Keypad';
import { errorText, useLang } from '../i18n';

const CODE_KEYS = [...CHECK_CODE_ALPHABET];

/**
 * Walk-up rating (entry and its button beside the keypad on a landscape kiosk, above it on a
 * portrait one): the citizen types the check code printed on the ticket, nothing else. The code is
 * unique within the day (m019), so it opens the ticket by itself; the number would only be a
 * second thing to find on the paper. Scanning the ticket's QR works on this screen too.
 */
export function RateLookup({ onFound }: { onFound: (s: TicketStatus) => void }) {
  const { t, lang } = useLang();
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const explain = (e: unknown) => {
    const c = (e as ApiError).code;
    if (c === 'WRONG_CHECK_CODE') return t.wrongCode;
    if (c === 'CHECK_CODE_LOCKED') return t.codeLocked;
    return errorText(e, lang);
  };

  const typeCode = (k: string) => {
    setMessage(null);
    if (code.length < CHECK_CODE_LENGTH) setCode(code + k);
  };
  const find = async () => {
    setBusy(true);
    try {
      const s = await call('verifyTicket', { body: { code } });
      if (s.rated) setMessage(t.alreadyRated);
      else if (!s.canRate) setMessage(t.notRatable);
      else onFound(s);
    } catch (e) {
      setMessage(explain(e));
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="rate-lookup">
      <div className="rate-lookup-entry">
        <h2>{t.enterCode}</h2>
        <div className="hint">{t.codeWhere}</div>
        <div className="entry" data-testid="code-entry">
          {code.padEnd(CHECK_CODE_LENGTH, '·')}
        </div>
        <div className="hint">{t.orScan}</div>
        {message && <div className="error-banner" role="alert">{message}</div>}
        <button type="button" className="btn-primary big" data-testid="rate-find" disabled={busy || code.length !== CHECK_CODE_LENGTH} onClick={find}>
          {t.find}
        </button>
      </div>
      <Keypad
        groups={[{ keys: CODE_KEYS, columns: 5 }]}
        onKey={typeCode}
        onBackspace={() => {
          setMessage(null);
          setCode(code.slice(0, -1));
        }}
        onClear={() => {
          setMessage(null);
          setCode('');
        }}
      />
    </div>
  );
}
