import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { fmt, useLang } from '../i18n';
import { Field, FieldGroup, FieldRow } from './FormField';
import { ListAndForm, SettingForm, useSettingSave } from './SettingForm';

export function CounterEditor() {
  const { t, pick } = useLang();
  const counters = useQuery('adminCounters', {}, (m) => m.type === 'config.changed');
  const services = useQuery('listServices', {}, (m) => m.type === 'config.changed');
  const [id, setId] = useState<number | undefined>();
  const [number, setNumber] = useState('1');
  const [name, setName] = useState('');
  const [serviceIds, setServiceIds] = useState<number[]>([]);
  const saving = useSettingSave();
  const nextNumber = String((counters.data ?? []).reduce((m, c) => Math.max(m, c.number), 0) + 1);
  // A new counter starts on the first free number, not on one that is taken.
  useEffect(() => {
    if (id === undefined && !name && serviceIds.length === 0) setNumber(nextNumber);
  }, [nextNumber]);
  const toggle = (sid: number) => {
    saving.clear();
    setServiceIds(serviceIds.includes(sid) ? serviceIds.filter((x) => x !== sid) : [...serviceIds, sid]);
  };
  const n = Number(number);
  const errors = () => [...(Number.isInteger(n) && n >= 1 && n <= 999 ? [] : [t.ctrErrNumber]), ...(serviceIds.length ? [] : [t.ctrErrServices])];
  return (
    <ListAndForm
      title={t.ctrTitle}
      items={counters.data ?? []}
      editingId={id}
      label={(c) => (
        <>
          <span className="n">{c.name}</span> {c.serviceIds.map((s) => services.data?.find((x) => x.id === s)?.prefix).join(' → ')}
        </>
      )}
      onEdit={(c) => {
        saving.clear();
        setId(c.id);
        setNumber(String(c.number));
        setName(c.name);
        setServiceIds(c.serviceIds);
      }}
      onNew={() => {
        saving.clear();
        setId(undefined);
        setNumber(nextNumber);
        setName('');
        setServiceIds([]);
      }}
    >
      <SettingForm
        title={id ? t.ctrEdit : t.ctrNew}
        saving={saving}
        saveLabel={t.ctrSave}
        form="counter"
        onSubmit={() =>
          void saving.run(errors(), () =>
            call('saveCounter', { body: { id, number: n, name: name.trim() || fmt(t.ctrDefaultName, { n }), serviceIds } }).then((c) => {
              setId(c.id);
              counters.reload();
            }),
          )
        }
      >
        <FieldRow>
          <Field label={t.ctrNumber} help={t.ctrNumberHelp}>
            <input inputMode="numeric" value={number} onChange={(e) => setNumber(e.target.value.replace(/\D/g, '').slice(0, 3))} />
          </Field>
          <Field label={t.ctrName} help={fmt(t.ctrNameHelp, { name: fmt(t.ctrDefaultName, { n: number || 1 }) })}>
            <input value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
          </Field>
        </FieldRow>
        <FieldGroup legend={t.ctrServices} help={t.ctrServicesHelp}>
          <div className="chips">
            {(services.data ?? []).map((s) => (
              <button type="button" key={s.id} className={serviceIds.includes(s.id) ? 'on' : ''} aria-pressed={serviceIds.includes(s.id)} onClick={() => toggle(s.id)} data-service-pick={s.code}>
                {serviceIds.includes(s.id) ? `${serviceIds.indexOf(s.id) + 1}. ` : ''}
                {pick(s.nameVi, s.nameEn)}
              </button>
            ))}
          </div>
        </FieldGroup>
      </SettingForm>
    </ListAndForm>
  );
}
