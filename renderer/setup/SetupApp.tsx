import { useEffect, useState } from 'react';
import { call } from '../api/client';
import type { OutputOf } from '../../shared/api/contract';
import { passwordProblem, pinProblem } from '../../shared/passwordPolicy';
import { errorText, useLang } from '../i18n';
import { deviceText } from '../i18nDevices';

type Status = OutputOf<'setupStatus'>;

/** /setup?token=…: the one-time page that gives a new office its admin password and PINs. */
export function SetupApp() {
  const { lang, setLang } = useLang();
  const d = deviceText(lang);
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const [status, setStatus] = useState<Status | null>(null);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [pins, setPins] = useState<Record<number, string>>({});
  const [allowShort, setAllowShort] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('setupStatus', { query: { token } })
      .then(setStatus)
      .catch((e: unknown) => setError(errorText(e, lang)));
  }, [token, lang]);

  if (done)
    return (
      <main className="login" aria-live="polite">
        <h2>{d.setupTitle}</h2>
        <p className="hint-text">{d.setupDone}</p>
        <a className="btn-primary link-button" href="/admin">
          {d.openAdmin}
        </a>
      </main>
    );
  if (!status) return error ? <main className="login"><div className="error-banner">{error}</div></main> : null;
  if (!status.required) return <main className="login"><h2>{d.setupTitle}</h2><p>{d.setupAlready}</p></main>;
  if (!status.tokenValid) return <main className="login"><h2>{d.setupTitle}</h2><div className="error-banner" role="alert">{d.setupBadToken}</div></main>;

  const submit = () => {
    const problem = passwordProblem(password, [status.officeName]);
    if (problem) return setError(problem);
    if (password !== again) return setError(d.passwordsDiffer);
    for (const o of status.officers) {
      const bad = pinProblem(pins[o.id] ?? '', allowShort);
      if (bad) return setError(`${o.name}: ${bad}`);
    }
    setBusy(true);
    call('completeSetup', { body: { token, password, allowShortPins: allowShort, pins: status.officers.map((o) => ({ officerId: o.id, pin: pins[o.id] ?? '' })) } })
      .then(() => setDone(true))
      .catch((e: unknown) => setError(errorText(e, lang)))
      .finally(() => setBusy(false));
  };

  return (
    <main className="login setup-page">
      <div className="setup-head">
        <h2>{d.setupTitle}</h2>
        <button type="button" className="btn-secondary" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
          {lang === 'vi' ? 'English' : 'Tiếng Việt'}
        </button>
      </div>
      <p className="hint-text">{status.officeName}</p>
      <p>{d.setupIntro}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        className="form-stack"
      >
        <label className="field">
          <span>{d.adminPassword}</span>
          <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="setup-password" />
          <small>{d.adminPasswordHelp}</small>
        </label>
        <label className="field">
          <span>{d.passwordAgain}</span>
          <input type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} data-testid="setup-password-again" />
        </label>
        <fieldset className="field">
          <legend>{d.officerPins}</legend>
          <small>{d.pinHelp}</small>
          {status.officers.map((o) => (
            <label className="field field-inline" key={o.id}>
              <span>
                {o.name}
                {o.title ? ` — ${o.title}` : ''}
              </span>
              <input
                inputMode="numeric"
                autoComplete="off"
                maxLength={8}
                value={pins[o.id] ?? ''}
                onChange={(e) => setPins({ ...pins, [o.id]: e.target.value.replace(/\D/g, '') })}
                data-testid={`setup-pin-${o.id}`}
              />
            </label>
          ))}
          <label className="check-label">
            <input type="checkbox" checked={allowShort} onChange={(e) => setAllowShort(e.target.checked)} />
            <span>{d.allowShortPins}</span>
          </label>
        </fieldset>
        {error && (
          <div className="error-banner" role="alert">
            {error}
          </div>
        )}
        <button type="submit" className="btn-primary" disabled={busy} data-testid="setup-submit">
          {d.finishSetup}
        </button>
      </form>
    </main>
  );
}
