import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { fmt, useLang } from '../i18n';
import { formatDate } from '../time';
import { useSettingSave } from './SettingForm';

/** How many items of one kind are listed; a province adding hundreds of procedures is summed up past this. */
const LISTED = 40;

type FieldName = 'nameVi' | 'nameEn' | 'documents' | 'documentsEn';
type Value = string | string[];

/**
 * Quản trị → Kết nối tỉnh → the province's catalogue (#29): the version the province published and
 * the one this office runs, what applying would add, change and leave, and for each procedure both
 * the office and the province changed, both values with the admin's pick. Nothing changes here
 * until "Áp dụng".
 */
export function ProvinceCataloguePanel({ pulled, pullError }: { pulled: number | null; pullError: string | null }) {
  const { t, lang } = useLang();
  const cat = useQuery('provinceCatalogue', {}, (m) => m.type === 'config.changed');
  const { reload } = cat;
  useEffect(() => {
    // A pull is not an event on the office's stream: the link's view (read every few seconds) says
    // when a new version has arrived, and only then is the diff — ~0.1 s of the host's time with a
    // province's whole list — worked out again.
    reload();
  }, [reload, pulled]);
  const [choices, setChoices] = useState<Record<string, 'local' | 'province'>>({});
  const saving = useSettingSave();
  const v = cat.data;
  const publishedVersion = v?.published?.version;
  const { clear } = saving;
  // "Applied version 1" under the button for version 2 would mislead: a new version starts clean.
  useEffect(() => clear(), [publishedVersion]);
  if (!v) return null;
  const fieldName = (f: FieldName) => ({ nameVi: t.catFieldName, nameEn: t.catFieldNameEn, documents: t.catFieldDocs, documentsEn: t.catFieldDocsEn })[f];
  const show = (x: Value) => (Array.isArray(x) ? (x.length ? x.join('; ') : t.catNone) : x || t.catNone);
  const diff = v.diff;
  const pending = diff ? diff.added.length + diff.changed.length + diff.conflicts.length + diff.removed.length : 0;
  const upToDate = v.published && v.applied?.version === v.published.version && pending === 0;
  const apply = () => {
    if (!v.published || !diff) return;
    const version = v.published.version;
    const open = diff.conflicts.filter((c) => !choices[c.code]);
    void saving.run(open.length ? [fmt(t.catChooseAll, { n: open.length })] : [], async () => {
      const r = await call('provinceCatalogueApply', { body: { version, choices } });
      cat.push(r.view);
      setChoices({});
    }, fmt(t.catApplied, { n: version }));
  };
  const more = (n: number) => (n > LISTED ? <li className="muted">{fmt(t.catMore, { n: n - LISTED })}</li> : null);

  return (
    <section className="panel admin-form province-catalogue" data-testid="province-catalogue">
      <h2>{t.catTitle}</h2>
      {!v.published ? (
        <p className="form-intro" data-state="none">
          {t.catNonePublished}
        </p>
      ) : (
        <>
          <p className="province-versions">
            <span data-fact="published">{fmt(t.catPublished, { n: v.published.version, procedures: v.published.procedures, date: formatDate(v.published.publishedAt, lang) })}</span>
            <span className="sep"> / </span>
            <span data-fact="applied">{v.applied ? fmt(t.catRunning, { n: v.applied.version }) : t.catNoneApplied}</span>
          </p>
          {upToDate ? (
            <p className="province-state good" data-state="up-to-date">
              ● {t.catUpToDate}
            </p>
          ) : diff ? (
            <>
              <p className="catalogue-summary" data-fact="summary">
                {fmt(t.catSummary, { added: diff.added.length, changed: diff.changed.length, conflicts: diff.conflicts.length, removed: diff.removed.length })}
              </p>
              {diff.conflicts.length > 0 && (
                <div className="catalogue-group" data-list="conflicts">
                  <h3>{t.catConflicts}</h3>
                  <p className="form-intro">{t.catConflictsIntro}</p>
                  {diff.conflicts.map((c) => (
                    <div key={c.code} className="catalogue-conflict" data-code={c.code}>
                      <div className="catalogue-conflict-head">
                        <b>{c.code}</b> {c.serviceName}
                        {c.newLink && <span className="muted"> · {t.catNewLink}</span>}
                      </div>
                      <table className="catalogue-values">
                        <thead>
                          <tr>
                            <th />
                            <th>{t.catLocal}</th>
                            <th>{t.catProvince}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {c.conflicts.map((f) => (
                            <tr key={f.field}>
                              <th>{fieldName(f.field)}</th>
                              <td>{show(f.local)}</td>
                              <td>{show(f.province)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                      {c.updates.length > 0 && <p className="muted">{fmt(t.catAlsoTaken, { fields: c.updates.map((f) => fieldName(f.field)).join(', ') })}</p>}
                      <div className="catalogue-choice" role="radiogroup" aria-label={c.code}>
                        {(['local', 'province'] as const).map((side) => (
                          <label key={side} className={choices[c.code] === side ? 'chosen' : ''}>
                            <input type="radio" name={`choice-${c.code}`} data-choice={side} checked={choices[c.code] === side} onChange={() => setChoices((x) => ({ ...x, [c.code]: side }))} />
                            {side === 'local' ? t.catKeepLocal : t.catTakeProvince}
                          </label>
                        ))}
                      </div>
                    </div>
                  ))}
                </div>
              )}
              {diff.added.length > 0 && (
                <div className="catalogue-group" data-list="added">
                  <h3>{t.catAdded}</h3>
                  <p className="form-intro">{t.catAddedIntro}</p>
                  <ul>
                    {diff.added.slice(0, LISTED).map((a) => (
                      <li key={a.code}>
                        <b>{a.code}</b> {a.nameVi} <span className="muted">· {a.field}</span>
                      </li>
                    ))}
                    {more(diff.added.length)}
                  </ul>
                </div>
              )}
              {diff.changed.length > 0 && (
                <div className="catalogue-group" data-list="changed">
                  <h3>{t.catChanged}</h3>
                  <ul>
                    {diff.changed.slice(0, LISTED).map((c) => (
                      <li key={c.code}>
                        <b>{c.code}</b> {c.serviceName}
                        {c.newLink && <span className="muted"> · {t.catNewLink}</span>}
                        {c.updates.map((f) => (
                          <div key={f.field} className="catalogue-change">
                            {fieldName(f.field)}: <s>{show(f.local)}</s> → {show(f.province)}
                          </div>
                        ))}
                      </li>
                    ))}
                    {more(diff.changed.length)}
                  </ul>
                </div>
              )}
              {diff.removed.length > 0 && (
                <div className="catalogue-group" data-list="removed">
                  <h3>{t.catRemoved}</h3>
                  <p className="form-intro">{t.catRemovedIntro}</p>
                  <ul>
                    {diff.removed.slice(0, LISTED).map((r) => (
                      <li key={r.code}>
                        <b>{r.code}</b> {r.serviceName}
                      </li>
                    ))}
                    {more(diff.removed.length)}
                  </ul>
                </div>
              )}
              <div className="form-footer">
                <button type="button" className="btn-primary" data-action="apply-catalogue" onClick={apply}>
                  {fmt(t.catApply, { n: v.published.version })}
                </button>
              </div>
            </>
          ) : null}
          {saving.view}
        </>
      )}
      {pullError && (
        <p className="province-state bad" data-fact="pull-error">
          ⚠ {pullError}
        </p>
      )}
    </section>
  );
}
