import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { OfficeConfig } from '../../shared/domain';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { errorText, useLang } from '../i18n';

// The one layout of every admin form: title, help, labelled fields (FormField.tsx), a footer row
// with the form's buttons and Save, and under it what the save did. Forms that edit the office
// settings keep a draft that follows the stored value (useOfficeFields).

type Status = { ok: true; text?: string } | { ok: false; errors: string[] } | null;

/** Save with the screen's own checks first; the host's refusal is shown in the screen's language. */
export function useSettingSave() {
  const { t, lang } = useLang();
  const [status, setStatus] = useState<Status>(null);
  const box = useRef<HTMLDivElement>(null);
  // The result appears under the Save button, which may be at the bottom of the screen.
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
  }, [status]);
  /** True when it saved. */
  const run = async (errors: string[], fn: () => Promise<unknown>, okText?: string): Promise<boolean> => {
    if (errors.length) {
      setStatus({ ok: false, errors });
      return false;
    }
    try {
      await fn();
      setStatus({ ok: true, text: okText });
      return true;
    } catch (e) {
      setStatus({ ok: false, errors: [errorText(e, lang)] });
      return false;
    }
  };
  const view =
    status === null ? null : status.ok ? (
      <div ref={box} className="stat" role="status" data-testid="save-message">
        {status.text ?? t.saved}
      </div>
    ) : (
      <div ref={box} className="error-banner" role="alert" data-testid="save-errors">
        {t.notSaved}
        <ul>
          {status.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      </div>
    );
  return { run, view, clear: () => setStatus(null) };
}
export type SettingSave = ReturnType<typeof useSettingSave>;

/** An admin form: fields, then one footer row (extra buttons, Save, "unsaved changes"), then the save's result. */
export function SettingForm(props: {
  title: ReactNode;
  intro?: ReactNode;
  saving: SettingSave;
  onSubmit: () => void;
  children: ReactNode;
  dirty?: boolean;
  saveLabel?: string;
  /** Buttons beside Save (add a row, restore defaults, print a test page). */
  actions?: ReactNode;
  /** Hooks for tests and screenshots: data-form / data-list. */
  form?: string;
  list?: string;
  testId?: string;
  className?: string;
}) {
  const { t } = useLang();
  return (
    <form
      className={`panel admin-form${props.className ? ` ${props.className}` : ''}`}
      data-form={props.form}
      data-list={props.list}
      data-testid={props.testId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <h2>{props.title}</h2>
      {props.intro && <p className="form-intro">{props.intro}</p>}
      {props.children}
      <div className="form-footer">
        {props.actions}
        <button type="submit" className="btn-primary">
          {props.saveLabel ?? t.save}
        </button>
        {props.dirty && <span className="stat">{t.unsavedChanges}</span>}
      </div>
      {props.saving.view}
    </form>
  );
}

/**
 * The list on the left (scrolling on its own, so every row is reachable at 1366×768) and the
 * form on the right, for services, counters and officers.
 */
export function ListAndForm<T extends { id: number }>(props: { title: string; items: T[]; label: (item: T) => ReactNode; onEdit: (item: T) => void; onNew: () => void; editingId?: number; children: ReactNode }) {
  const { t } = useLang();
  return (
    <div className="admin-list-form">
      <section className="panel admin-list-panel">
        <div className="admin-list-head">
          <h2>{props.title}</h2>
          <button type="button" className="btn-secondary" onClick={props.onNew}>
            {t.addNew}
          </button>
        </div>
        <ul className="list admin-list" aria-label={props.title}>
          {props.items.map((item) => (
            <li key={item.id} className={item.id === props.editingId ? 'editing' : undefined}>
              <span>{props.label(item)}</span>
              <button type="button" className="btn-secondary" onClick={() => props.onEdit(item)}>
                {t.edit}
              </button>
            </li>
          ))}
        </ul>
      </section>
      {props.children}
    </div>
  );
}

const pickOf = <K extends keyof OfficeConfig>(o: OfficeConfig, keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<OfficeConfig, K>;

/**
 * Office settings edited together: the draft follows the stored value whenever that changes (this
 * screen's save, another admin's, a restore) unless something was typed since, and a save sends
 * only the fields that differ from what is stored, so the host logs exactly what changed and an
 * edit of one field never writes back another admin's older value of the next.
 */
export function useOfficeFields<K extends keyof OfficeConfig>(fields: readonly K[]) {
  const office = useQuery('officeSettings', {}, (m) => m.type === 'config.changed');
  const storedJson = office.data ? JSON.stringify(pickOf(office.data, fields)) : null;
  const [draft, setDraft] = useState<Pick<OfficeConfig, K> | null>(null);
  const previousStored = useRef<string | null>(null);
  useEffect(() => {
    if (storedJson === null) return;
    // The screen re-reads the settings after every save: that must not throw away an edit typed
    // since. Take the stored value only while the draft still shows the previous stored value
    // (nothing typed), or already equals the new one. Decided in an updater, against the draft
    // as it is then: a click that lands between the re-read's render and this effect has queued
    // its edit already, and a draft read at render time would not have it (the edit was lost so,
    // on a loaded machine).
    const before = previousStored.current;
    previousStored.current = storedJson;
    setDraft((current) => {
      const now = current === null ? null : JSON.stringify(current);
      return now === null || now === before || now === storedJson ? (JSON.parse(storedJson) as Pick<OfficeConfig, K>) : current;
    });
  }, [storedJson]);
  const dirty = draft !== null && JSON.stringify(draft) !== storedJson;
  const save = (value: Pick<OfficeConfig, K>) => {
    const stored = storedJson ? (JSON.parse(storedJson) as Pick<OfficeConfig, K>) : null;
    const body = Object.fromEntries(Object.entries(value).filter(([k, v]) => !stored || JSON.stringify(v) !== JSON.stringify(stored[k as K]))) as Partial<OfficeConfig>;
    return call('setOfficeSettings', { body });
  };
  return { office: office.data, draft, setDraft, dirty, save };
}

/** One office setting edited on its own (a list, the ticket template, the public address). */
export function useOfficeField<K extends keyof OfficeConfig>(field: K) {
  const f = useOfficeFields([field]);
  return {
    office: f.office,
    draft: f.draft ? f.draft[field] : null,
    setDraft: (v: OfficeConfig[K]) => f.setDraft({ [field]: v } as Pick<OfficeConfig, K>),
    dirty: f.dirty,
    save: (v: OfficeConfig[K]) => call('setOfficeSettings', { body: { [field]: v } as Partial<OfficeConfig> }),
  };
}
