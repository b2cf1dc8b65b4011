import { useState } from 'react';
import { call } from '../api/client';
import { errorText, useLang } from '../i18n';
import { Field } from './FormField';

/** Admin sign-in; on first sign-in the seeded password must be changed before anything else. */
export function AdminLogin({ onSignedIn }: { onSignedIn: (mustChange: boolean) => void }) {
  const { t, lang, setLang } = useLang();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="login"
      onSubmit={(e) => {
        e.preventDefault();
        call('adminLogin', { body: { password } })
          .then((s) => onSignedIn(s.mustChangePassword))
          .catch((err: unknown) => setError(errorText(err, lang)));
      }}
    >
      <div className="login-head">
        <h2>{t.admLoginTitle}</h2>
        <button type="button" className="btn-secondary" data-testid="lang" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
          {t.language}
        </button>
      </div>
      <Field label={t.admPassword}>
        <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </Field>
      {error && <div className="error-banner">{error}</div>}
      <button type="submit" className="btn-primary">
        {t.admSignIn}
      </button>
    </form>
  );
}

export function ChangePassword({ onDone }: { onDone: () => void }) {
  const { t, lang } = useLang();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="login"
      onSubmit={(e) => {
        e.preventDefault();
        if (password !== again) return setError(t.admPasswordMismatch);
        call('changePassword', { body: { password } })
          .then(onDone)
          .catch((err: unknown) => setError(errorText(err, lang)));
      }}
    >
      <h2>{t.admChangeTitle}</h2>
      <Field label={t.admNewPassword} help={t.admNewPasswordHelp}>
        <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </Field>
      <Field label={t.admPasswordAgain}>
        <input type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
      </Field>
      {error && <div className="error-banner">{error}</div>}
      <button type="submit" className="btn-primary">
        {t.admSavePassword}
      </button>
    </form>
  );
}
