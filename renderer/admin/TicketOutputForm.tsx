import { useLang } from '../i18n';
import { SettingForm, useOfficeField, useSettingSave } from './SettingForm';

/**
 * Whether the office hands out paper tickets: chosen at setup, changed here when a printer arrives
 * (or leaves). The printer's own connection is the next form's business.
 */
export function TicketOutputForm() {
  const { t } = useLang();
  const f = useOfficeField('hasTicketPrinter');
  const saving = useSettingSave();
  if (f.draft === null) return null;
  const choice = f.draft;
  return (
    <SettingForm title={t.tktOutTitle} intro={t.tktOutHelp} form="ticket-output" saving={saving} dirty={f.dirty} onSubmit={() => void saving.run([], () => f.save(choice))}>
      <div className="form-field" role="radiogroup" aria-label={t.tktOutTitle}>
        <label className="form-check">
          <input type="radio" name="ticket-output" checked={choice} onChange={() => f.setDraft(true)} data-testid="ticket-output-paper" />
          <span>{t.tktOutPaper}</span>
        </label>
        <label className="form-check">
          <input type="radio" name="ticket-output" checked={!choice} onChange={() => f.setDraft(false)} data-testid="ticket-output-screen" />
          <span>{t.tktOutScreen}</span>
        </label>
      </div>
    </SettingForm>
  );
}
