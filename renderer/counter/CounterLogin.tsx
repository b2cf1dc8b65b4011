import { useEffect, useState } from 'react';
import type { SessionInfo } from '../../shared/api/schemas';
import { call } from '../api/client';
import type { ApiError } from '../api/client';
import { useActionError, useQuery } from '../api/hooks';
import { Keypad } from '../components/Keypad';
import { LangToggle } from '../components/LangToggle';
import { errorText, fmt, useLang } from '../i18n';

/** Who is at the counter now, asked for the take-over question (the list on screen may be old). */
async function holderOf(counterId: number): Promise<{ officer: string; counter: string }> {
  const [counters, officers] = await Promise.all([call('listCounters'), call('listOfficers')]);
  const c = counters.find((x) => x.id === counterId);
  return { officer: officers.find((o) => o.id === c?.officerId)?.name ?? '', counter: c?.name ?? '' };
}

export function CounterLogin({ onSignedIn, notice }: { onSignedIn: (s: SessionInfo) => void; notice?: string | null }) {
  const { t, lang } = useLang();
  const counters = useQuery('listCounters', {}, (m) => m.type.startsWith('counter.'));
  const officers = useQuery('listOfficers', {}, () => false);
  // A counter PC is paired for one counter: the host knows which, so the PC offers no other. Only
  // the host's own window (no device) still chooses. `undefined` while the host has not said.
  const [ownCounter, setOwnCounter] = useState<number | null | undefined>(window.motcua ? null : undefined);
  useEffect(() => {
    if (window.motcua) return;
    call('thisDevice')
      .then((d) => setOwnCounter(d?.role === 'counter' ? d.counterId : null))
      .catch(() => setOwnCounter(null));
  }, []);
  const [chosen, setCounterId] = useState<number | null>(null);
  const counterId = ownCounter ?? chosen;
  const own = ownCounter ? counters.data?.find((c) => c.id === ownCounter) : undefined;
  const [officerId, setOfficerId] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const failure = useActionError();
  const [takeOver, setTakeOver] = useState<{ officer: string; counter: string } | null>(null);
  // The host checks one PIN per PC at a time (PIN_CHECK_BUSY): a double tap must not send two.
  const [checking, setChecking] = useState(false);

  const key = (k: string) => {
    failure.clear();
    if (pin.length < 8) setPin(pin + k);
  };
  const submit = async (confirmed = false) => {
    if (!counterId || !officerId || checking) return;
    setTakeOver(null);
    setChecking(true);
    try {
      onSignedIn(await call('login', { body: { counterId, officerId, pin, ...(confirmed ? { takeOver: true } : {}) } }));
    } catch (e) {
      // Taking over a colleague's counter ends their session: ask first, keep the PIN for the answer.
      if ((e as ApiError).code === 'COUNTER_TAKEN') return setTakeOver(await holderOf(counterId).catch(() => ({ officer: '', counter: '' })));
      failure.show(e);
      setPin('');
    } finally {
      setChecking(false);
    }
  };

  return (
    <div className="login counter-login">
      <div className="login-head">
        <h2>{t.signIn}</h2>
        <LangToggle />
      </div>
      {notice && (
        <div className="error-banner" role="status" data-testid="taken-over">
          {notice}
        </div>
      )}
      <div className="login-columns">
        <div className="login-who">
          {ownCounter ? (
            <div className="own-counter" data-own-counter={own?.number ?? ''}>
              {own?.name ?? ''}
            </div>
          ) : ownCounter === null ? (
            <>
              <div className="field-label">{t.chooseCounter}</div>
              <div className="chips">
                {(counters.data ?? []).map((c) => (
                  <button type="button" key={c.id} className={counterId === c.id ? 'on' : ''} onClick={() => setCounterId(c.id)} data-counter={c.number}>
                    {c.name}
                  </button>
                ))}
              </div>
            </>
          ) : null}
          <div className="field-label">{t.chooseOfficer}</div>
          <div className="chips">
            {(officers.data ?? []).map((o) => (
              <button type="button" key={o.id} className={officerId === o.id ? 'on' : ''} onClick={() => setOfficerId(o.id)} data-officer={o.id}>
                {o.name}
              </button>
            ))}
          </div>
        </div>
        <form
          className="login-pin"
          onSubmit={(e) => {
            e.preventDefault();
            void submit(false);
          }}
        >
          <div className="field-label">{t.pin}</div>
          <input
            type="password"
            inputMode="numeric"
            autoComplete="off"
            aria-label={t.pin}
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))}
          />
          {failure.error && <div className="error-banner">{errorText(failure.error, lang)}</div>}
          <Keypad
            groups={[{ keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'], columns: 3 }]}
            onKey={key}
            onBackspace={() => setPin(pin.slice(0, -1))}
            onClear={() => setPin('')}
          />
          <button type="submit" className="btn-primary" disabled={!counterId || !officerId || pin.length < 4 || checking}>
            {t.signIn}
          </button>
        </form>
      </div>
      {takeOver && (
        <div className="modal-back" role="dialog" aria-modal="true" data-testid="take-over">
          <div className="modal">
            <h3>{t.takeOverTitle}</h3>
            <p className="modal-text">{fmt(t.takeOverText, takeOver)}</p>
            <div className="modal-actions">
              <button type="button" className="btn-danger" onClick={() => void submit(true)} data-action="take-over">
                {t.takeOverConfirm}
              </button>
              <button
                type="button"
                className="btn-secondary"
                onClick={() => {
                  setTakeOver(null);
                  setPin('');
                }}
              >
                {t.cancel}
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
