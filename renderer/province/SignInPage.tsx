import { useEffect, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { HubMe } from '../../shared/hubBoard';
import { hubApi } from './hubApi';
import { useProvince } from './useProvince';

/** A user name and a password; `fresh`: a password being chosen (the browser may suggest one), not typed from memory. */
function NameAndPassword(o: { name: string; onName: (v: string) => void; password: string; onPassword: (v: string) => void; fresh: boolean }) {
  const { p } = useProvince();
  return (
    <>
      <label>
        {p.userName}
        <input name="name" autoComplete="username" value={o.name} onChange={(e) => o.onName(e.target.value)} required />
      </label>
      <label>
        {p.password}
        <input name="password" type="password" autoComplete={o.fresh ? 'new-password' : 'current-password'} value={o.password} onChange={(e) => o.onPassword(e.target.value)} required />
      </label>
    </>
  );
}

export function SignInPage({ onDone, langButton }: { onDone: (me: HubMe) => void; langButton: ReactNode }) {
  const { p, errorText } = useProvince();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(await hubApi<HubMe>('sign-in', { name, password }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="hub-login" data-screen="province-sign-in">
      <form className="hub-card" onSubmit={(e) => void submit(e)}>
        <div className="hub-login-head">
          <h1>{p.signInTitle}</h1>
          {langButton}
        </div>
        <NameAndPassword name={name} onName={setName} password={password} onPassword={setPassword} fresh={false} />
        {error && <p className="hub-error" role="alert" data-testid="error">{error}</p>}
        <button type="submit" className="btn-primary" disabled={busy}>
          {p.signIn}
        </button>
      </form>
    </div>
  );
}

/** The one-time setup link: the first province admin chooses a name and a password. */
export function SetupPage({ onDone, langButton }: { onDone: (me: HubMe) => void; langButton: ReactNode }) {
  const { p, errorText } = useProvince();
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const [valid, setValid] = useState<boolean | null>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    hubApi('setup/check', { token }).then(
      () => setValid(true),
      () => setValid(false),
    );
  }, [token]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (password !== again) return setError(p.passwordsDiffer);
    setBusy(true);
    setError(null);
    try {
      onDone(await hubApi<HubMe>('setup', { token, name, password }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  if (valid === null) return <div className="hub-center">{p.loading}</div>;
  if (!valid) {
    return (
      <div className="hub-login" data-screen="province-setup-invalid">
        <div className="hub-card">
          <h1>{p.setupTitle}</h1>
          <p className="hub-error" role="alert">{p.setupInvalid}</p>
          <a className="btn-primary hub-link-button" href="/hub/">{p.goSignIn}</a>
        </div>
      </div>
    );
  }
  return (
    <div className="hub-login" data-screen="province-setup">
      <form className="hub-card" onSubmit={(e) => void submit(e)}>
        <div className="hub-login-head">
          <h1>{p.setupTitle}</h1>
          {langButton}
        </div>
        <p>{p.setupIntro}</p>
        <NameAndPassword name={name} onName={setName} password={password} onPassword={setPassword} fresh />
        <label>
          {p.passwordAgain}
          <input name="again" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} required />
        </label>
        {error && <p className="hub-error" role="alert" data-testid="error">{error}</p>}
        <button type="submit" className="btn-primary" disabled={busy}>
          {p.setupSubmit}
        </button>
      </form>
    </div>
  );
}
