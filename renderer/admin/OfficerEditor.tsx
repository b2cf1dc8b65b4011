import { useState } from 'react';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { useLang } from '../i18n';
import { CheckField, Field } from './FormField';
import { ListAndForm, SettingForm, useSettingSave } from './SettingForm';

export function OfficerEditor() {
  const { t } = useLang();
  const officers = useQuery('adminOfficers', {}, (m) => m.type === 'config.changed');
  const [id, setId] = useState<number | undefined>();
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [pin, setPin] = useState('');
  const [active, setActive] = useState(true);
  const saving = useSettingSave();
  const errors = () => [...(name.trim() ? [] : [t.offErrName]), ...((!id && !pin) || (pin && pin.length < 4) ? [t.offErrPin] : [])];
  return (
    <ListAndForm
      title={t.offTitle}
      items={officers.data ?? []}
      editingId={id}
      label={(o) => (
        <>
          <span className="n">{o.name}</span> {o.title} {o.active ? '' : `(${t.offInactive})`}
        </>
      )}
      onEdit={(o) => {
        saving.clear();
        setId(o.id);
        setName(o.name);
        setTitle(o.title);
        setActive(o.active);
        setPin('');
      }}
      onNew={() => {
        saving.clear();
        setId(undefined);
        setName('');
        setTitle('');
        setActive(true);
        setPin('');
      }}
    >
      <SettingForm
        title={id ? t.offEdit : t.offNew}
        saving={saving}
        saveLabel={t.offSave}
        form="officer"
        onSubmit={() =>
          void saving.run(errors(), () =>
            call('saveOfficer', { body: { id, name: name.trim(), title: title.trim(), active, pin: pin || undefined } }).then((o) => {
              setId(o.id);
              setPin('');
              officers.reload();
            }),
          )
        }
      >
        <Field label={t.offName}>
          <input value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t.offJob} help={t.offJobHelp}>
          <input value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <Field label={id ? t.offNewPin : t.offPin} help={id ? t.offNewPinHelp : t.offPinHelp}>
          <input type="password" autoComplete="new-password" inputMode="numeric" value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))} />
        </Field>
        <CheckField label={t.offActive} help={t.offActiveHelp} checked={active} onChange={setActive} />
      </SettingForm>
    </ListAndForm>
  );
}
