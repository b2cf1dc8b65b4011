import { cloneElement, isValidElement, useId, useRef, useState } from 'react';
import { useLang } from '../i18n';
import type { ReactElement, ReactNode } from 'react';

/**
 * One labelled control of an admin form: the label above it, the help (unit, what empty means)
 * under it and tied to it for screen readers, and the field's own error. The control is the one
 * child; it gets the label's id, so a click on the label focuses it and axe finds its name.
 */
export function Field(props: { label: ReactNode; help?: ReactNode; error?: string | null; children: ReactElement<{ id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }>; wide?: boolean }) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [props.help ? helpId : '', props.error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const control = isValidElement(props.children) ? cloneElement(props.children, { id, 'aria-describedby': describedBy, 'aria-invalid': props.error ? true : undefined }) : props.children;
  return (
    <div className={`form-field${props.wide ? ' wide' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {control}
      {props.help && (
        <div id={helpId} className="form-help">
          {props.help}
        </div>
      )}
      {props.error && (
        <div id={errorId} className="form-error">
          {props.error}
        </div>
      )}
    </div>
  );
}

/** A checkbox with its label beside it, on one line, the whole line clickable. */
export function CheckField(props: { label: ReactNode; help?: ReactNode; checked: boolean; onChange: (checked: boolean) => void; testId?: string }) {
  const id = useId();
  return (
    <div className="form-field">
      <label className="form-check">
        <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} aria-describedby={props.help ? `${id}-help` : undefined} data-testid={props.testId} />
        <span>{props.label}</span>
      </label>
      {props.help && (
        <div id={`${id}-help`} className="form-help">
          {props.help}
        </div>
      )}
    </div>
  );
}

/** Several controls that make one value (a number range, a day's sessions): a legend over them. */
export function FieldGroup(props: { legend: ReactNode; help?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <fieldset className="form-group" data-testid={props.testId}>
      <legend>{props.legend}</legend>
      {props.children}
      {props.help && <div className="form-help">{props.help}</div>}
    </fieldset>
  );
}

/** Fields side by side on a wide screen (code and prefix, from and to), stacked when narrow. */
export function FieldRow({ children }: { children: ReactNode }) {
  return <div className="form-row">{children}</div>;
}

/** "730", "0730", "7:30" → "07:30"; anything else is left as typed (the form's check names it). */
export function normalizeTime(v: string): string {
  const m = /^(\d{1,2}):?(\d{2})$/.exec(v.trim());
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : v.trim();
}

/**
 * A 24-hour HH:MM field. Not `type="time"`: Chromium draws that in the browser's locale, so an
 * office PC set to English shows 01:30 PM where the office writes 13:30.
 */
export function TimeInput(props: { value: string; onChange: (v: string) => void; id?: string; 'aria-label'?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) {
  const { value, onChange, ...rest } = props;
  return (
    <input
      {...rest}
      className="time-input"
      inputMode="numeric"
      placeholder="HH:MM"
      maxLength={5}
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/[^\d:]/g, ''))}
      onBlur={(e) => onChange(normalizeTime(e.target.value))}
    />
  );
}

/** "31/08/2026" (as offices write dates) ↔ "2026-08-31" (as stored); null when not a date. */
export function parseDayMonthYear(v: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v.trim());
  if (!m) return null;
  return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

/**
 * A file picker in the screen's language: the browser's own button says "Choose File / No file
 * chosen" in the PC's locale, so it is hidden (still focusable, still named by the field's label)
 * and a button of ours opens it.
 */
export function FileInput(props: { accept: string; onFile: (f: File | null) => void; id?: string; 'aria-describedby'?: string; testId?: string }) {
  const { t } = useLang();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  return (
    <span className="file-input">
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        id={props.id}
        aria-describedby={props['aria-describedby']}
        accept={props.accept}
        data-testid={props.testId}
        onChange={(e) => {
          const f = e.target.files?.[0] ?? null;
          setName(f?.name ?? '');
          props.onFile(f);
        }}
      />
      <button type="button" className="btn-secondary" aria-hidden="true" tabIndex={-1} onClick={() => input.current?.click()}>
        {t.chooseFile}
      </button>
      <span className="form-help">{name || t.noFileChosen}</span>
    </span>
  );
}
