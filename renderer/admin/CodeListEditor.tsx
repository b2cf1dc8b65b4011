import type { PriorityGroupDef } from '../../shared/domain';
import { codeFromLabel } from '../../shared/settingsRules';
import { fmt, useLang } from '../i18n';
import type { Dict } from '../i18n';
import { SettingForm, useOfficeField, useSettingSave } from './SettingForm';

type Item = PriorityGroupDef;
const LABEL_MAX = 80;

/** Problems with a list as typed, in the screen's language; empty when it can be saved. */
export function codeListErrors(t: Dict, items: Item[], min: number, max: number): string[] {
  const errors: string[] = [];
  if (items.length < min) errors.push(fmt(t.errListMin, { min }));
  if (items.length > max) errors.push(fmt(t.errListMax, { max }));
  const seen = new Map<string, number>();
  items.forEach((it, i) => {
    const n = i + 1;
    const vi = it.vi.trim();
    if (!vi) errors.push(fmt(t.errViRequired, { n }));
    if (!it.en.trim()) errors.push(fmt(t.errEnRequired, { n }));
    if (vi.length > LABEL_MAX || it.en.trim().length > LABEL_MAX) errors.push(fmt(t.errLabelLong, { n, max: LABEL_MAX }));
    const key = vi.toLocaleLowerCase('vi');
    if (vi && seen.has(key)) errors.push(fmt(t.errLabelDuplicate, { n, m: seen.get(key) as number }));
    else seen.set(key, n);
  });
  return errors;
}

/** Labels trimmed; a new row gets a code made from its Vietnamese label, an existing one keeps its code. */
function finished(items: Item[]): Item[] {
  const taken = new Set(items.map((i) => i.code).filter(Boolean));
  return items.map((i) => {
    const code = i.code || codeFromLabel(i.vi, taken);
    taken.add(code);
    return { code, vi: i.vi.trim(), en: i.en.trim() };
  });
}

const move = <T,>(list: T[], from: number, to: number): T[] => {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [x] = next.splice(from, 1);
  next.splice(to, 0, x as T);
  return next;
};

/** Add, relabel, remove and reorder the items of one {code, vi, en} list of the office settings. */
export function CodeListEditor(props: { field: 'ratingReasons' | 'priorityGroups' | 'pauseReasons'; title: string; help: string; min: number; max: number }) {
  const { t } = useLang();
  const { draft, setDraft: setStored, dirty, save } = useOfficeField(props.field);
  const saving = useSettingSave();
  const setDraft = (next: Item[]) => {
    saving.clear();
    setStored(next);
  };
  if (!draft) return null;
  const items = draft;
  const set = (i: number, patch: Partial<Item>) => setDraft(items.map((it, k) => (k === i ? { ...it, ...patch } : it)));
  const row = (i: number) => fmt(t.rowN, { n: i + 1 });
  return (
    <SettingForm
      title={props.title}
      intro={props.help}
      list={props.field}
      saving={saving}
      dirty={dirty}
      onSubmit={() => void saving.run(codeListErrors(t, items, props.min, props.max), () => save(finished(items)))}
      actions={
        <button type="button" className="btn-secondary" disabled={items.length >= props.max} onClick={() => setDraft([...items, { code: '', vi: '', en: '' }])}>
          {t.addItem}
        </button>
      }
    >
      {items.length === 0 ? (
        <p className="stat">{t.emptyList}</p>
      ) : (
        <table className="admin-rows">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t.fieldVi}</th>
              <th scope="col">{t.fieldEn}</th>
              <th scope="col">{t.fieldCode}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {items.map((it, i) => (
              <tr key={i} data-row={i}>
                <td className="n">{i + 1}</td>
                <td className="label">
                  <input aria-label={`${t.fieldVi}, ${row(i)}`} value={it.vi} maxLength={LABEL_MAX + 20} onChange={(e) => set(i, { vi: e.target.value })} />
                </td>
                <td className="label">
                  <input aria-label={`${t.fieldEn}, ${row(i)}`} value={it.en} maxLength={LABEL_MAX + 20} onChange={(e) => set(i, { en: e.target.value })} />
                </td>
                <td className="code">{it.code || t.codeAuto}</td>
                <td className="row-actions">
                  <button type="button" className="btn-secondary" aria-label={`${t.moveUp}, ${row(i)}`} title={t.moveUp} disabled={i === 0} onClick={() => setDraft(move(items, i, i - 1))}>
                    ↑
                  </button>
                  <button type="button" className="btn-secondary" aria-label={`${t.moveDown}, ${row(i)}`} title={t.moveDown} disabled={i === items.length - 1} onClick={() => setDraft(move(items, i, i + 1))}>
                    ↓
                  </button>
                  <button type="button" className="btn-secondary" aria-label={`${t.remove}, ${row(i)}`} title={t.remove} onClick={() => setDraft(items.filter((_, k) => k !== i))}>
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </SettingForm>
  );
}
