import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { useLang } from '../i18n';
import { formatTime } from '../time';
import { Field } from './FormField';
import { ProvinceCataloguePanel } from './ProvinceCataloguePanel';
import { SettingForm, useSettingSave } from './SettingForm';

/** How often the tab re-reads the link: pushes are not events on the office's own stream. */
const REFRESH_MS = 3000;

/** Quản trị → Kết nối tỉnh (#29): join the province hub with its code; see what has been sent and what has not. */
export function ProvinceLinkPanel() {
  const { t, lang } = useLang();
  const link = useQuery('provinceLink', {}, (m) => m.type.startsWith('ticket.'));
  const { reload } = link;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const [hubUrl, setHubUrl] = useState('');
  const [code, setCode] = useState('');
  const saving = useSettingSave();
  const join = () =>
    void saving.run(
      [...(hubUrl.trim() ? [] : [t.provErrHub]), ...(code.trim() ? [] : [t.provErrCode])],
      async () => {
        link.push(await call('provinceJoin', { body: { hubUrl, code } }));
        setCode('');
      },
      t.provJoined,
    );
  const v = link.data;
  const form = (
    <SettingForm title={v?.joined ? t.provRejoinTitle : t.provTitle} intro={v?.joined ? t.provRejoinIntro : t.provIntro} form="province-join" saving={saving} saveLabel={t.provJoin} onSubmit={join}>
      <Field label={t.provHubUrl} help={t.provHubUrlHelp}>
        <input type="url" value={hubUrl} onChange={(e) => setHubUrl(e.target.value)} placeholder="https://" autoComplete="off" data-field="hubUrl" />
      </Field>
      <Field label={t.provCode} help={t.provCodeHelp}>
        <input value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} autoComplete="off" spellCheck={false} data-field="code" />
      </Field>
    </SettingForm>
  );
  return (
    <div className="admin-stack">
    <div className="admin-two">
      <section className="panel admin-form" data-testid="province-status">
        <h2>{t.provStatus}</h2>
        {!v ? null : !v.joined ? (
          <p className="form-intro" data-state="not-joined">
            {t.provNotJoined}
          </p>
        ) : (
          <>
            <p className={`province-state ${v.lastError ? 'bad' : 'good'}`} data-state={v.lastError ? 'failing' : 'ok'}>
              {v.lastError ? `⚠ ${t.provFailing}` : `● ${t.provJoined}`}
            </p>
            <dl className="province-facts">
              <dt>{t.provOffice}</dt>
              <dd data-fact="office">{v.officeName}</dd>
              <dt>{t.provHub}</dt>
              <dd data-fact="hub">{v.hubUrl}</dd>
              <dt>{t.provLastPush}</dt>
              <dd data-fact="last-push">{v.lastPushAt ? formatTime(v.lastPushAt, lang) : t.provNever}</dd>
              <dt>{t.provPending}</dt>
              <dd data-fact="pending">{v.pendingEvents}</dd>
              <dt>{t.provLastError}</dt>
              <dd data-fact="error">{v.lastError ?? t.provNoError}</dd>
            </dl>
            {v.generationReason && <p className="form-intro">{t.provRestored}</p>}
            <div className="form-footer">
              <button type="button" className="btn-secondary" data-action="push-now" onClick={() => void call('provincePushNow').then(link.push)}>
                {t.provPushNow}
              </button>
            </div>
          </>
        )}
      </section>
      {form}
    </div>
    {v?.joined && <ProvinceCataloguePanel pulled={v.cataloguePulled} pullError={v.catalogueError} />}
    </div>
  );
}
