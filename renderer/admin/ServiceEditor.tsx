import { useState } from 'react';
import type { ServiceStatus } from '../../shared/api/schemas';
import type { OpeningWindow } from '../../shared/domain';
import { fromWeek, sameHours, toWeek } from '../../shared/openingHours';
import type { WeekHours } from '../../shared/openingHours';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { fmt, useLang } from '../i18n';
import type { Dict } from '../i18n';
import { CheckField, Field, FieldGroup, FieldRow } from './FormField';
import { HoursEditor, STANDARD_DAY, hoursProblemTexts } from './HoursEditor';
import { ListAndForm, SettingForm, useSettingSave } from './SettingForm';

/** Own hours ticked for a service: they start as the office's (or Monday to Friday, morning and afternoon). */
const newWeek = (office: OpeningWindow[] = []): WeekHours =>
  office.length > 0 ? toWeek(office) : [0, 1, 2, 3, 4, 5, 6].map((i) => (i < 5 ? STANDARD_DAY.map((s) => ({ ...s })) : []));

// A new service follows the office's hours (#28 point 4) until given its own.
const blank = { id: undefined as number | undefined, code: '', nameVi: '', nameEn: '', prefix: '', rangeStart: '1', rangeEnd: '999', dailyQuota: '', active: true, sortOrder: 0, alertMinutes: '45', limitHours: false, week: newWeek() };
type Form = typeof blank;

/** "T2–T6 07:30–11:30, 13:30–17:00 · T7 07:30–11:30": what the office set. */
export function hoursText(t: Dict, hours: OpeningWindow[]): string {
  if (hours.length === 0) return t.hoursAlways;
  const names = t.weekdaysShort.split(',');
  const week = toWeek(hours);
  // Consecutive days with the same sessions are written once: "T2–T6".
  const parts: string[] = [];
  for (let i = 0; i < 7; ) {
    const key = JSON.stringify(week[i]);
    let j = i;
    while (j + 1 < 7 && JSON.stringify(week[j + 1]) === key) j++;
    const sessions = week[i] ?? [];
    if (sessions.length) parts.push(`${names[i]}${j > i ? `–${names[j]}` : ''} ${sessions.map((s) => `${s.from}–${s.to}`).join(', ')}`);
    i = j + 1;
  }
  return parts.join(' · ');
}

const toForm = (s: ServiceStatus, office: OpeningWindow[] = []): Form => ({
  id: s.id,
  code: s.code,
  nameVi: s.nameVi,
  nameEn: s.nameEn,
  prefix: s.prefix,
  rangeStart: String(s.rangeStart),
  rangeEnd: String(s.rangeEnd),
  dailyQuota: s.dailyQuota ? String(s.dailyQuota) : '',
  active: s.active,
  sortOrder: s.sortOrder,
  alertMinutes: s.alertMinutes ? String(s.alertMinutes) : '',
  limitHours: s.hours.length > 0,
  week: s.hours.length > 0 ? toWeek(s.hours) : newWeek(office),
});

const bodyFields = (x: Form) => ({
  code: x.code.trim().toUpperCase(),
  nameVi: x.nameVi.trim(),
  nameEn: x.nameEn.trim(),
  prefix: x.prefix.trim().toUpperCase(),
  rangeStart: Number(x.rangeStart),
  rangeEnd: Number(x.rangeEnd),
  dailyQuota: x.dailyQuota ? Number(x.dailyQuota) : null,
  active: x.active,
  sortOrder: x.sortOrder,
  alertMinutes: x.alertMinutes ? Number(x.alertMinutes) : null,
});

const hoursOf = (x: Form): OpeningWindow[] => (x.limitHours ? fromWeek(x.week) : []);

export function serviceErrors(t: Dict, x: Form): string[] {
  const b = bodyFields(x);
  const errors: string[] = [];
  if (!/^[A-Z0-9_]{1,16}$/.test(b.code)) errors.push(t.svcErrCode);
  if (!/^[A-Z]{1,3}$/.test(b.prefix)) errors.push(t.svcErrPrefix);
  if (!b.nameVi) errors.push(t.svcErrName);
  if (!Number.isInteger(b.rangeStart) || !Number.isInteger(b.rangeEnd) || b.rangeStart < 0 || b.rangeEnd < 1 || b.rangeEnd < b.rangeStart || b.rangeEnd > 999_999) errors.push(t.svcErrRange);
  if (b.alertMinutes !== null && (b.alertMinutes < 1 || b.alertMinutes > 600)) errors.push(t.svcErrAlert);
  if (x.limitHours) {
    if (x.week.every((d) => d.length === 0)) errors.push(t.hoursErrNoDay);
    errors.push(...hoursProblemTexts(t, x.week));
  }
  return errors;
}

export function ServiceEditor() {
  const { t, pick } = useLang();
  const services = useQuery('listServices', {}, (m) => m.type === 'config.changed');
  const office = useQuery('officeSettings', {}, (m) => m.type === 'config.changed');
  const officeHours = office.data?.hours ?? [];
  const [f, setF] = useState(blank);
  // The service as loaded: an edit sends only what differs from it, so what this form did not
  // change (the icon, hours it shows but nobody touched) stays exactly as stored.
  const [orig, setOrig] = useState<ServiceStatus | null>(null);
  const saving = useSettingSave();
  const set = (patch: Partial<Form>) => {
    saving.clear();
    setF({ ...f, ...patch });
  };
  const edit = (s: ServiceStatus) => {
    saving.clear();
    setOrig(s);
    setF(toForm(s, officeHours));
  };
  const editing = orig && f.id === orig.id ? orig : null;
  const body = (): Record<string, unknown> => {
    const fields = bodyFields(f);
    if (!editing) return { ...fields, hours: hoursOf(f) };
    const out: Record<string, unknown> = { id: editing.id };
    const was = bodyFields(toForm(editing));
    for (const [k, v] of Object.entries(fields)) if (JSON.stringify(v) !== JSON.stringify(was[k as keyof typeof was])) out[k] = v;
    if (!sameHours(hoursOf(f), editing.hours)) out.hours = hoursOf(f);
    return out;
  };
  const dirty = editing ? Object.keys(body()).length > 1 : JSON.stringify(f) !== JSON.stringify(blank);
  const submit = () =>
    void saving.run(serviceErrors(t, f), () =>
      call('saveService', { body: body() }).then((s) => {
        services.reload();
        // Stay on the service just saved, showing what is stored now.
        const stored = { ...editing, ...s } as ServiceStatus;
        setOrig(stored);
        setF(toForm(stored, officeHours));
      }),
    );
  const num = (v: string) => v.replace(/\D/g, '');
  return (
    <ListAndForm
      title={t.svcTitle}
      items={services.data ?? []}
      editingId={f.id}
      label={(s) => (
        <>
          <span className="n">{s.prefix}</span> {pick(s.nameVi, s.nameEn)} {s.active ? '' : `(${t.svcPaused})`}
        </>
      )}
      onEdit={edit}
      onNew={() => {
        saving.clear();
        setOrig(null);
        setF({ ...blank, week: newWeek(officeHours) });
      }}
    >
      <SettingForm title={f.id ? t.svcEdit : t.svcNew} saving={saving} onSubmit={submit} dirty={dirty} saveLabel={t.svcSave} form="service">
        <FieldRow>
          <Field label={t.svcCode} help={t.svcCodeHelp}>
            <input value={f.code} maxLength={16} onChange={(e) => set({ code: e.target.value.toUpperCase() })} />
          </Field>
          <Field label={t.svcPrefix} help={t.svcPrefixHelp}>
            <input value={f.prefix} maxLength={3} onChange={(e) => set({ prefix: e.target.value.toUpperCase() })} />
          </Field>
        </FieldRow>
        <Field label={t.fieldVi}>
          <input value={f.nameVi} maxLength={120} onChange={(e) => set({ nameVi: e.target.value })} />
        </Field>
        <Field label={t.fieldEn} help={t.svcNameEnHelp}>
          <input value={f.nameEn} maxLength={120} onChange={(e) => set({ nameEn: e.target.value })} />
        </Field>
        <FieldRow>
          <Field label={t.svcRangeStart} help={t.svcRangeHelp}>
            <input inputMode="numeric" value={f.rangeStart} onChange={(e) => set({ rangeStart: num(e.target.value) })} />
          </Field>
          <Field label={t.svcRangeEnd}>
            <input inputMode="numeric" value={f.rangeEnd} onChange={(e) => set({ rangeEnd: num(e.target.value) })} />
          </Field>
        </FieldRow>
        <FieldRow>
          <Field label={t.svcQuota} help={t.svcQuotaHelp}>
            <input inputMode="numeric" value={f.dailyQuota} onChange={(e) => set({ dailyQuota: num(e.target.value) })} />
          </Field>
          <Field label={t.svcAlert} help={t.svcAlertHelp}>
            <input inputMode="numeric" value={f.alertMinutes} onChange={(e) => set({ alertMinutes: num(e.target.value) })} />
          </Field>
        </FieldRow>
        <FieldGroup legend={t.hoursTitle} testId="hours">
          {editing && (
            <div className="form-help" data-testid="service-hours">
              {t.hoursNow} {editing.hours.length > 0 ? hoursText(t, editing.hours) : fmt(t.hoursFollowsOffice, { hours: hoursText(t, officeHours) })}
            </div>
          )}
          <CheckField label={t.hoursLimit} help={t.hoursLimitHelp} checked={f.limitHours} onChange={(v) => set({ limitHours: v })} testId="limit-hours" />
          {f.limitHours && <HoursEditor week={f.week} onChange={(week) => set({ week })} />}
        </FieldGroup>
        <CheckField label={t.svcActive} help={t.svcActiveHelp} checked={f.active} onChange={(v) => set({ active: v })} />
      </SettingForm>
    </ListAndForm>
  );
}
