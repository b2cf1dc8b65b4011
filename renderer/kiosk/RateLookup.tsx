import { useState } from 'react';
import type { TicketStatus } from '../../shared/api/schemas';
import { call } from '../api/client';
import type { ApiError } from '../api/client';
import { Keypad } from '../components/Keypad';
import { useLang } from '../i18n';

/** Walk-up rating: the citizen types the number printed on the ticket. */
export function RateLookup({ prefixes, onFound }: { prefixes: string[]; onFound: (s: TicketStatus) => void }) {
  const { t } = useLang();
  const [entry, setEntry] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const key = (k: string) => {
    setMessage(null);
    if (k === 'C') setEntry('');
    else if (k === '⌫') setEntry(entry.slice(0, -1));
    else if (/^[A-Z]$/.test(k)) setEntry(k + entry.replace(/^[A-Z]+/, ''));
    else if (entry.replace(/^[A-Z]+/, '').length < 6) setEntry(entry + k);
  };
  const find = async () => {
    try {
      const s = await call('lookupTicket', { query: { number: entry } });
      if (s.rated) setMessage(t.alreadyRated);
      else if (!s.canRate) setMessage(t.notRatable);
      else onFound(s);
    } catch (e) {
      setMessage((e as ApiError).code === 'TICKET_NOT_FOUND' || (e as ApiError).code === 'BAD_REQUEST' ? t.notFound : (e as Error).message);
    }
  };
  return (
    <div className="rate-lookup">
      <div className="rate-lookup-entry">
        <h2>{t.enterNumber}</h2>
        <div className="entry" data-testid="rate-entry">
          {entry || '—'}
        </div>
        <div className="hint">{t.orScan}</div>
        {message && <div className="error-banner">{message}</div>}
        <button type="button" className="btn-primary find" disabled={!/^[A-Z]{1,3}\d{1,6}$/.test(entry)} onClick={find} data-action="find">
          {t.find}
        </button>
      </div>
      <Keypad letters={prefixes} onKey={key} />
    </div>
  );
}
