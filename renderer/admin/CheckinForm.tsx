import { useQuery } from '../api/hooks';
import { useLang } from '../i18n';
import type { Dict } from '../i18n';
import type { CheckinConfig } from '../../shared/domain';
import { CheckField, Field } from './FormField';
import { SettingForm, useOfficeField, useSettingSave } from './SettingForm';

function checkinErrors(t: Dict, c: CheckinConfig): string[] {
  const errors: string[] = [];
  if (!Number.isInteger(c.elderlyAge) || c.elderlyAge < 50 || c.elderlyAge > 100) errors.push(t.chkErrAge);
  if (!Number.isInteger(c.nameRetentionDays) || c.nameRetentionDays < 1 || c.nameRetentionDays > 365) errors.push(t.chkErrDays);
  return errors;
}

/** Check-in by scan at the kiosk (#30): where dossier receipts go, and what an ID card scan keeps. */
export function CheckinForm() {
  const { t, pick } = useLang();
  const field = useOfficeField('checkin');
  const services = useQuery('listServices', {}, (m) => m.type === 'config.changed');
  const saving = useSettingSave();
  const c = field.draft;
  if (!c) return null;
  const set = (patch: Partial<CheckinConfig>) => {
    saving.clear();
    field.setDraft({ ...c, ...patch });
  };
  return (
    <SettingForm title={t.chkTitle} intro={t.chkIntro} form="checkin" saving={saving} dirty={field.dirty} onSubmit={() => void saving.run(checkinErrors(t, c), () => field.save(c))}>
      <Field label={t.chkDossierService} help={t.chkDossierServiceHelp}>
        <select value={c.dossierServiceId ?? ''} onChange={(e) => set({ dossierServiceId: e.target.value === '' ? null : Number(e.target.value) })} data-testid="checkin-dossier-service">
          <option value="">{t.chkDossierDefault}</option>
          {(services.data ?? []).filter((s) => s.active).map((s) => (
            <option key={s.id} value={s.id}>
              {s.prefix} · {pick(s.nameVi, s.nameEn)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t.chkElderlyAge} help={t.chkElderlyAgeHelp}>
        <input type="number" min={50} max={100} value={c.elderlyAge} onChange={(e) => set({ elderlyAge: Math.round(Number(e.target.value)) })} />
      </Field>
      <Field label={t.chkRetention} help={t.chkRetentionHelp}>
        <input type="number" min={1} max={365} value={c.nameRetentionDays} onChange={(e) => set({ nameRetentionDays: Math.round(Number(e.target.value)) })} data-testid="checkin-retention" />
      </Field>
      <CheckField label={t.chkNameOnTicket} help={t.chkNameOnTicketHelp} checked={c.nameOnTicket} onChange={(v) => set({ nameOnTicket: v })} />
    </SettingForm>
  );
}
