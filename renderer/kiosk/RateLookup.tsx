import { useState } from 'react';
import type { PublicTicketView, TicketStatus } from '../../shared/api/schemas';
import { CHECK_CODE_ALPHABET, CHECK_CODE_LENGTH } from '../../shared/checkCode';
import { call } from '../api/client';
import type { ApiError } from '../api/client';
import { Keypad } from '../components/Keypad';
import { errorText, useLang } from '../i18n';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];
const CODE_KEYS = [...CHECK_CODE_ALPHABET];

/**
 * Walk-up rating (entry and its button beside the keypad on a landscape kiosk, above it on a
 * portrait one): the citizen types the number printed on the ticket, then the ticket's check code.
 * The number alone is public (the display calls it), so only number + code opens the ticket.
 */
export function RateLookup({ prefixes, onFound }: { prefixes: string[]; onFound: (s: TicketStatus) => void }) {
  const { t, pick, lang } = useLang();
  const [number, setNumber] = useState('');
  const [code, setCode] = useState('');
  const [found, setFound] = useState<PublicTicketView | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const explain = (e: unknown) => {
    const c = (e as ApiError).code;
    if (c === 'TICKET_NOT_FOUND' || c === 'BAD_REQUEST') return t.notFound;
    if (c === 'WRONG_CHECK_CODE') return t.wrongCode;
    if (c === 'CHECK_CODE_LOCKED') return t.codeLocked;
    return errorText(e, lang);
  };

  const typeNumber = (k: string) => {
    setMessage(null);
    const digits = number.replace(/^[A-Z]+/, '');
    if (/^[A-Z]+$/.test(k)) setNumber(k + digits);
    else if (digits.length < 6) setNumber(number + k);
  };
  const typeCode = (k: string) => {
    setMessage(null);
    if (code.length < CHECK_CODE_LENGTH) setCode(code + k);
  };

  const next = async () => {
    setBusy(true);
    try {
      const v = await call('lookupTicket', { query: { number } });
      if (v.state !== 'done') setMessage(t.notRatable);
      else setFound(v);
    } catch (e) {
      setMessage(explain(e));
    } finally {
      setBusy(false);
    }
  };
  const find = async () => {
    setBusy(true);
    try {
      const s = await call('verifyTicket', { body: { number, code } });
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

  if (!found) {
    return (
      <div className="rate-lookup">
        <div className="rate-lookup-entry">
          <h2>{t.enterNumber}</h2>
          <div className="entry" data-testid="rate-entry">
            {number || '—'}
          </div>
          <div className="hint">{t.orScan}</div>
          {message && <div className="error-banner" role="alert">{message}</div>}
          <button type="button" className="btn-primary big" data-testid="rate-next" disabled={busy || !/^[A-Z]{1,3}\d{1,6}$/.test(number)} onClick={next}>
            {t.continue}
          </button>
        </div>
        <Keypad
          groups={[{ keys: prefixes, columns: 6 }, { keys: DIGITS, columns: 3 }]}
          onKey={typeNumber}
          onBackspace={() => {
            setMessage(null);
            setNumber(number.slice(0, -1));
          }}
          onClear={() => {
            setMessage(null);
            setNumber('');
          }}
        />
      </div>
    );
  }
  return (
    <div className="rate-lookup">
      <div className="rate-lookup-entry">
        <h2>{t.enterCode}</h2>
        <div className="hint">
          {t.number} <b>{found.number}</b> · {pick(found.serviceNameVi, found.serviceNameEn)}{' '}
          <button
            type="button"
            className="btn-secondary"
            onClick={() => {
              setFound(null);
              setCode('');
              setMessage(null);
            }}
          >
            {t.changeNumber}
          </button>
        </div>
        <div className="entry" data-testid="code-entry">
          {code.padEnd(CHECK_CODE_LENGTH, '·')}
        </div>
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
