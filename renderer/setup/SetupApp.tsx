import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { ApiError, call } from '../api/client';
import type { OutputOf } from '../../shared/api/contract';
import { MIN_PASSWORD, pinMinLength } from '../../shared/passwordPolicy';
import { PRINTER_PROFILES } from '../../shared/printerConfig';
import type { PrinterProfileId } from '../../shared/printerConfig';
import { SetupProblems, pinField, setupProblems } from '../../shared/setupForm';
import type { SetupFieldProblem, SetupPrinterChoice } from '../../shared/setupForm';
import { errorText, fmt, useLang } from '../i18n';
import { deviceText } from '../i18nDevices';
import type { DeviceDict } from '../i18nDevices';

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
  const [printer, setPrinter] = useState<'none' | 'printer' | null>(null);
  const [profile, setProfile] = useState<PrinterProfileId>('epson-tm-t20iii');
  const [showPassword, setShowPassword] = useState(false);
  const [showPins, setShowPins] = useState(false);
  const [tried, setTried] = useState(false);
  // What the host refused, field by field, until the person edits something.
  const [serverProblems, setServerProblems] = useState<SetupFieldProblem[] | null>(null);
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

  const officerIds = status.officers.map((o) => o.id);
  const answers = { password, passwordAgain: again, allowShortPins: allowShort, pins: status.officers.map((o) => ({ officerId: o.id, pin: pins[o.id] ?? '' })), printer: printerChoice(printer, profile) };
  // Until the first try, nothing is marked red; after it, every field is re-checked as it is typed.
  const shown = serverProblems ?? (tried ? setupProblems(answers, { name: status.officeName, nameEn: status.officeNameEn }, officerIds) : []);
  const problemAt = (field: string) => {
    const p = shown.find((x) => x.field === field);
    return p ? fmt(d.setupFault[p.fault], { min: MIN_PASSWORD, pinMin: pinMinLength(allowShort) }) : null;
  };
  const edit = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setServerProblems(null);
  };

  const submit = () => {
    setTried(true);
    setError(null);
    const found = setupProblems(answers, { name: status.officeName, nameEn: status.officeNameEn }, officerIds);
    if (found[0]) return focusField(found[0].field);
    setBusy(true);
    call('completeSetup', { body: { token, password, allowShortPins: allowShort, pins: answers.pins, printer: answers.printer } })
      .then(() => setDone(true))
      .catch((e: unknown) => {
        const fields = e instanceof ApiError && e.code === 'SETUP_INVALID' ? SetupProblems.safeParse(e.details) : null;
        if (fields?.success) {
          setServerProblems(fields.data.fields);
          if (fields.data.fields[0]) focusField(fields.data.fields[0].field);
        } else setError(errorText(e, lang));
      })
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
        noValidate
      >
        <SetupField field="password" label={d.adminPassword} help={d.adminPasswordHelp} error={problemAt('password')}>
          {(aria) => (
            <span className="secret-row">
              <input {...aria} type={showPassword ? 'text' : 'password'} autoComplete="new-password" value={password} onChange={(e) => edit(setPassword)(e.target.value)} data-testid="setup-password" />
              <button type="button" className="btn-secondary" aria-pressed={showPassword} onClick={() => setShowPassword(!showPassword)} data-testid="setup-show-password">
                {showPassword ? d.hideSecret : d.showSecret}
              </button>
            </span>
          )}
        </SetupField>
        <SetupField field="passwordAgain" label={d.passwordAgain} error={problemAt('passwordAgain')}>
          {(aria) => <input {...aria} type={showPassword ? 'text' : 'password'} autoComplete="new-password" value={again} onChange={(e) => edit(setAgain)(e.target.value)} data-testid="setup-password-again" />}
        </SetupField>
        <fieldset className="field">
          <legend>{d.officerPins}</legend>
          <div className="setup-pins-head">
            <small>{d.pinHelp}</small>
            <button type="button" className="btn-secondary" aria-pressed={showPins} onClick={() => setShowPins(!showPins)} data-testid="setup-show-pins">
              {showPins ? d.hidePins : d.showPins}
            </button>
          </div>
          {status.officers.map((o) => (
            <SetupField key={o.id} field={pinField(o.id)} inline label={`${o.name}${o.title ? ` — ${o.title}` : ''}`} error={problemAt(pinField(o.id))}>
              {(aria) => (
                <input
                  {...aria}
                  type={showPins ? 'text' : 'password'}
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={8}
                  value={pins[o.id] ?? ''}
                  onChange={(e) => edit(setPins)({ ...pins, [o.id]: e.target.value.replace(/\D/g, '') })}
                  data-testid={`setup-pin-${o.id}`}
                />
              )}
            </SetupField>
          ))}
          <label className="check-label">
            <input type="checkbox" checked={allowShort} onChange={(e) => edit(setAllowShort)(e.target.checked)} />
            <span>{d.allowShortPins}</span>
          </label>
        </fieldset>
        <PrinterQuestion d={d} printer={printer} profile={profile} error={problemAt('printer')} onPrinter={edit(setPrinter)} onProfile={edit(setProfile)} />
        {shown.length > 0 && (
          <div className="error-banner" role="alert" data-testid="setup-summary">
            {fmt(d.fixFields, { n: shown.length })}
          </div>
        )}
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

type Aria = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

const fieldId = (field: string) => `setup-${field.replace(/\W/g, '-')}`;

/** Moves the cursor to the first field that needs attention, as a person fixing the form would. */
function focusField(field: string): void {
  requestAnimationFrame(() => document.getElementById(fieldId(field))?.focus());
}

/** One field of the form with its own message, tied to it for screen readers. */
function SetupField(props: { field: string; label: string; help?: string; error: string | null; inline?: boolean; children: (aria: Aria) => ReactNode }) {
  const id = fieldId(props.field);
  const describedBy = [props.help ? `${id}-help` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${props.inline ? ' field-pin' : ''}${props.error ? ' has-error' : ''}`}>
      <div className={props.inline ? 'field-inline' : 'field'}>
        <label htmlFor={id}>{props.label}</label>
        {props.children({ id, ...(props.error ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      </div>
      {props.help && <small id={`${id}-help`}>{props.help}</small>}
      {props.error && (
        <div className="form-error" id={`${id}-error`} data-testid={`${id}-error`}>
          {props.error}
        </div>
      )}
    </div>
  );
}

const PROFILE_IDS = Object.keys(PRINTER_PROFILES) as PrinterProfileId[];

function printerChoice(printer: 'none' | 'printer' | null, profile: PrinterProfileId): SetupPrinterChoice | null {
  return printer === 'none' ? { kind: 'none' } : printer === 'printer' ? { kind: 'printer', profile } : null;
}

/** Whether the office hands out paper tickets: asked, not assumed, so the kiosk never promises paper it cannot print. */
function PrinterQuestion(props: { d: DeviceDict; printer: 'none' | 'printer' | null; profile: PrinterProfileId; error: string | null; onPrinter: (p: 'none' | 'printer') => void; onProfile: (p: PrinterProfileId) => void }) {
  const { d } = props;
  const id = fieldId('printer');
  return (
    <fieldset role="radiogroup" className={`field${props.error ? ' has-error' : ''}`} aria-describedby={`${id}-help${props.error ? ` ${id}-error` : ''}`} aria-invalid={props.error ? true : undefined} data-testid="setup-printer">
      <legend>{d.printerQuestion}</legend>
      <small id={`${id}-help`}>{d.printerHelp}</small>
      <label className="check-label">
        <input id={id} type="radio" name="printer" checked={props.printer === 'printer'} onChange={() => props.onPrinter('printer')} data-testid="setup-printer-yes" />
        <span>{d.printerYes}</span>
      </label>
      {props.printer === 'printer' && (
        <label className="field field-indent">
          <span>{d.printerModel}</span>
          <select value={props.profile} onChange={(e) => props.onProfile(e.target.value as PrinterProfileId)} data-testid="setup-printer-model">
            {PROFILE_IDS.map((p) => (
              <option key={p} value={p}>
                {PRINTER_PROFILES[p].name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="check-label">
        <input type="radio" name="printer" checked={props.printer === 'none'} onChange={() => props.onPrinter('none')} data-testid="setup-printer-no" />
        <span>{d.printerNo}</span>
      </label>
      {props.error && (
        <div className="form-error" id={`${id}-error`} data-testid={`${id}-error`}>
          {props.error}
        </div>
      )}
    </fieldset>
  );
}
