import { useState } from 'react';
import type { SessionInfo } from '../../shared/api/schemas';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { Keypad } from '../components/Keypad';
import { useLang } from '../i18n';

export function CounterLogin({ onSignedIn }: { onSignedIn: (s: SessionInfo) => void }) {
  const { t } = useLang();
  const counters = useQuery('listCounters', {}, () => false);
  const officers = useQuery('listOfficers', {}, () => false);
  const [counterId, setCounterId] = useState<number | null>(null);
  const [officerId, setOfficerId] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);

  const key = (k: string) => {
    setError(null);
    if (pin.length < 8) setPin(pin + k);
  };
  const submit = async () => {
    if (!counterId || !officerId) return;
    try {
      onSignedIn(await call('login', { body: { counterId, officerId, pin } }));
    } catch (e) {
      setError((e as Error).message);
      setPin('');
    }
  };

  return (
    <div className="login">
      <h2>{t.signIn}</h2>
      <div>{t.chooseCounter}</div>
      <div className="chips">
        {(counters.data ?? []).map((c) => (
          <button type="button" key={c.id} className={counterId === c.id ? 'on' : ''} onClick={() => setCounterId(c.id)} data-counter={c.number}>
            {c.name}
          </button>
        ))}
      </div>
      <div>{t.chooseOfficer}</div>
      <div className="chips">
        {(officers.data ?? []).map((o) => (
          <button type="button" key={o.id} className={officerId === o.id ? 'on' : ''} onClick={() => setOfficerId(o.id)} data-officer={o.id}>
            {o.name}
          </button>
        ))}
      </div>
      <div>{t.pin}</div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        style={{ display: 'flex', flexDirection: 'column', gap: 14, alignItems: 'center' }}
      >
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          aria-label={t.pin}
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))}
          style={{ fontSize: 36, textAlign: 'center', width: 280 }}
        />
        {error && <div className="error-banner">{error}</div>}
        <Keypad
          groups={[{ keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'], columns: 3 }]}
          onKey={key}
          onBackspace={() => setPin(pin.slice(0, -1))}
          onClear={() => setPin('')}
        />
        <button type="submit" className="btn-primary" style={{ minWidth: 300, fontSize: 26 }} disabled={!counterId || !officerId || pin.length < 4}>
          {t.signIn}
        </button>
      </form>
    </div>
  );
}
