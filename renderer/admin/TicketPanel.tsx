import type { CSSProperties } from 'react';
import type { OfficeConfig } from '../../shared/domain';
import { isPublicBaseUrl } from '../../shared/settingsRules';
import { DEFAULT_TICKET_TEMPLATE, fillLine, withCheckCode } from '../../shared/ticketTemplate';
import type { TicketLine, TicketValues } from '../../shared/ticketTemplate';
import { useQuery } from '../api/hooks';
import { fmt, useLang } from '../i18n';
import type { Dict } from '../i18n';
import { Field } from './FormField';
import { SettingForm, useOfficeField, useSettingSave } from './SettingForm';

const LINES_MAX = 40;
const TEXT_MAX = 200;
const PLACEHOLDERS: [keyof TicketValues, keyof Dict][] = [
  ['office', 'phOffice'],
  ['service', 'phService'],
  ['serviceEn', 'phServiceEn'],
  ['number', 'phNumber'],
  ['priority', 'phPriority'],
  ['date', 'phDate'],
  ['time', 'phTime'],
  ['ahead', 'phAhead'],
  ['eta', 'phEta'],
  ['footer', 'phFooter'],
  ['code', 'phCode'],
];

export function templateErrors(t: Dict, lines: TicketLine[]): string[] {
  const errors: string[] = [];
  if (lines.length === 0) errors.push(t.errLinesMin);
  if (lines.length > LINES_MAX) errors.push(fmt(t.errLinesMax, { max: LINES_MAX }));
  lines.forEach((l, i) => {
    if (l.text.length > TEXT_MAX) errors.push(fmt(t.errLineLong, { n: i + 1, max: TEXT_MAX }));
  });
  if (!lines.some((l) => l.kind === 'text' && l.text.includes('{number}'))) errors.push(t.errNoNumber);
  return errors;
}

export function urlErrors(t: Dict, url: string): string[] {
  if (url.length > 300) return [t.errUrlLong];
  return isPublicBaseUrl(url) ? [] : [t.errUrl];
}

function PublicUrlForm() {
  const { t } = useLang();
  const { draft, setDraft, dirty, save } = useOfficeField('publicBaseUrl');
  const saving = useSettingSave();
  if (draft === null) return null;
  const url = draft.trim();
  const edit = (v: string) => {
    saving.clear();
    setDraft(v);
  };
  return (
    <SettingForm
      title={t.publicUrlTitle}
      form="publicBaseUrl"
      saving={saving}
      dirty={dirty}
      onSubmit={() => void saving.run(urlErrors(t, url), () => save(url))}
      actions={
        <button type="button" className="btn-secondary" onClick={() => edit(location.origin)}>
          {t.useThisAddress}
        </button>
      }
    >
      <Field label={t.publicUrlLabel} help={t.publicUrlHelp}>
        <input value={draft} placeholder="http://192.168.1.10:8080" inputMode="url" onChange={(e) => edit(e.target.value)} />
      </Field>
      <p className="form-help">
        {t.publicUrlExample} <code>{url ? `${url.replace(/\/$/, '')}/t/…` : `(${t.publicUrlLan})/t/…`}</code>
      </p>
    </SettingForm>
  );
}

const move = <T,>(list: T[], from: number, to: number): T[] => {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [x] = next.splice(from, 1);
  next.splice(to, 0, x as T);
  return next;
};

function TemplateForm({ field }: { field: ReturnType<typeof useOfficeField<'ticketTemplate'>> }) {
  const { t } = useLang();
  const { draft, setDraft, dirty, save } = field;
  const saving = useSettingSave();
  if (!draft) return null;
  const lines = draft;
  const edit = (next: TicketLine[]) => {
    saving.clear();
    setDraft(next);
  };
  const set = (i: number, patch: Partial<TicketLine>) => edit(lines.map((l, k) => (k === i ? { ...l, ...patch } : l)));
  const row = (i: number) => fmt(t.rowN, { n: i + 1 });
  return (
    <SettingForm
      title={t.templateTitle}
      intro={t.templateHelp}
      form="ticketTemplate"
      saving={saving}
      dirty={dirty}
      onSubmit={() => void saving.run(templateErrors(t, lines), () => save(lines))}
      actions={
        <>
          <button type="button" className="btn-secondary" disabled={lines.length >= LINES_MAX} onClick={() => edit([...lines, { kind: 'text', text: '', size: 1, align: 'center', bold: false }])}>
            {t.addLine}
          </button>
          <button type="button" className="btn-secondary" onClick={() => edit(DEFAULT_TICKET_TEMPLATE.map((l) => ({ ...l })))}>
            {t.restoreDefault}
          </button>
        </>
      }
    >
      <ul className="placeholders">
        {PLACEHOLDERS.map(([key, label]) => (
          <li key={key}>
            <code>{`{${key}}`}</code> {t[label]}
          </li>
        ))}
      </ul>
      <table className="admin-rows">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t.lineKind}</th>
            <th scope="col">{t.lineText}</th>
            <th scope="col">{t.lineSize}</th>
            <th scope="col">{t.lineAlign}</th>
            <th scope="col">{t.lineBold}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={i} data-row={i}>
              <td className="n">{i + 1}</td>
              <td>
                <select className="kind" aria-label={`${t.lineKind}, ${row(i)}`} value={l.kind} onChange={(e) => set(i, { kind: e.target.value as TicketLine['kind'] })}>
                  <option value="text">{t.kindText}</option>
                  <option value="qr">{t.kindQr}</option>
                  <option value="rule">{t.kindRule}</option>
                  <option value="feed">{t.kindFeed}</option>
                </select>
              </td>
              <td className="wide">
                {l.kind === 'text' && <input aria-label={`${t.lineText}, ${row(i)}`} value={l.text} maxLength={TEXT_MAX + 20} onChange={(e) => set(i, { text: e.target.value })} />}
              </td>
              <td>
                {l.kind === 'text' && (
                  <select aria-label={`${t.lineSize}, ${row(i)}`} value={l.size} onChange={(e) => set(i, { size: Number(e.target.value) })}>
                    {[1, 2, 3, 4].map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                )}
              </td>
              <td>
                {l.kind !== 'rule' && l.kind !== 'feed' && (
                  <select aria-label={`${t.lineAlign}, ${row(i)}`} value={l.align} onChange={(e) => set(i, { align: e.target.value as TicketLine['align'] })}>
                    <option value="left">{t.alignLeft}</option>
                    <option value="center">{t.alignCenter}</option>
                    <option value="right">{t.alignRight}</option>
                  </select>
                )}
              </td>
              <td>{l.kind === 'text' && <input type="checkbox" aria-label={`${t.lineBold}, ${row(i)}`} checked={l.bold} onChange={(e) => set(i, { bold: e.target.checked })} />}</td>
              <td className="row-actions">
                <button type="button" className="btn-secondary" aria-label={`${t.moveUp}, ${row(i)}`} title={t.moveUp} disabled={i === 0} onClick={() => edit(move(lines, i, i - 1))}>
                  ↑
                </button>
                <button type="button" className="btn-secondary" aria-label={`${t.moveDown}, ${row(i)}`} title={t.moveDown} disabled={i === lines.length - 1} onClick={() => edit(move(lines, i, i + 1))}>
                  ↓
                </button>
                <button type="button" className="btn-secondary" aria-label={`${t.remove}, ${row(i)}`} title={t.remove} onClick={() => edit(lines.filter((_, k) => k !== i))}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </SettingForm>
  );
}

const FONT_PX: Record<number, number> = { 1: 13, 2: 19, 3: 26, 4: 44 };

/** Roughly what the paper shows: the same placeholder filling as the printer, sample values. */
function TicketPreview({ lines, office }: { lines: TicketLine[]; office: OfficeConfig | null }) {
  const { t } = useLang();
  // A ticket prints in Vietnamese whatever language this screen is in: sample data from the office itself.
  const service = useQuery('listServices', {}, (m) => m.type === 'config.changed').data?.[0];
  const values: TicketValues = {
    office: office?.name ?? '',
    service: service?.nameVi ?? '',
    serviceEn: service?.nameEn ?? '',
    number: `${service?.prefix ?? 'A'}012`,
    priority: office?.priorityGroups[0]?.vi ?? '',
    date: '24/11/2026',
    time: '08:15',
    ahead: '3',
    eta: '25',
    footer: office?.ticketFooter ?? '',
    code: 'K7MPX',
  };
  return (
    <div className="panel">
      <h2>{t.preview}</h2>
      <div className="ticket-paper" data-testid="ticket-preview">
        {withCheckCode(lines).map((l, i) => {
          if (l.kind === 'rule') return <hr key={i} />;
          if (l.kind === 'feed') return <div key={i} style={{ height: 14 }} />;
          const style: CSSProperties = { textAlign: l.align };
          if (l.kind === 'qr') return <div key={i} style={style}><span className="qr-box">QR</span></div>;
          const text = fillLine(l.text, values);
          if (text === null) return null;
          return <div key={i} style={{ ...style, fontSize: FONT_PX[l.size] ?? 13, fontWeight: l.bold ? 800 : 400 }}>{text}</div>;
        })}
      </div>
    </div>
  );
}

/** The address in the ticket's QR and what the ticket prints. */
export function TicketPanel() {
  // One draft for the editor and the preview beside it.
  const template = useOfficeField('ticketTemplate');
  return (
    <div className="admin-ticket">
      <div style={{ display: 'grid', gap: 22, alignContent: 'start' }}>
        <PublicUrlForm />
        <TemplateForm field={template} />
      </div>
      <TicketPreview lines={template.draft ?? []} office={template.office} />
    </div>
  );
}
