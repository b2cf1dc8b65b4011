import { useState } from 'react';
import { useLang } from '../i18n';
import { CheckField, Field, FileInput } from './FormField';
import { SettingForm, useSettingSave } from './SettingForm';

/** Download a backup now; restore one (checked by the host, applied at the next start). */
export function BackupPanel() {
  const { t } = useLang();
  const [file, setFile] = useState<File | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const saving = useSettingSave();
  const restore = async () => {
    const res = await fetch('/api/admin/restore?confirm=KHOI-PHUC', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: file });
    const body = (await res.json()) as { message?: string; error?: { message: string } };
    if (!res.ok) throw new Error(body.error?.message ?? t.error);
  };
  return (
    <div className="admin-two">
      <section className="panel admin-form">
        <h2>{t.bakTitle}</h2>
        <p className="form-intro">{t.bakHelp}</p>
        <div className="form-footer">
          <a className="btn-primary link-button" href="/api/admin/backup">
            {t.bakDownload}
          </a>
        </div>
      </section>
      <SettingForm
        title={t.bakRestoreTitle}
        intro={t.bakRestoreHelp}
        form="restore"
        saving={saving}
        saveLabel={t.bakRestore}
        onSubmit={() => void saving.run([...(file ? [] : [t.bakErrFile]), ...(confirmed ? [] : [t.bakErrConfirm])], restore, t.bakRestored)}
      >
        <Field label={t.bakFile} help={t.bakFileHelp}>
          <FileInput accept=".sqlite" onFile={setFile} />
        </Field>
        <CheckField label={t.bakConfirm} checked={confirmed} onChange={setConfirmed} />
      </SettingForm>
    </div>
  );
}
