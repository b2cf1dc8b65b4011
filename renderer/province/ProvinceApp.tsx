import { useCallback, useEffect, useState } from 'react';
import type { HubMe } from '../../shared/hubBoard';
import { AdminPage } from './AdminPage';
import { BoardPage } from './BoardPage';
import { hubApi, HubError } from './hubApi';
import { go } from './nav';
import { InPageLink } from './InPageLink';
import { OfficeDetailPage } from './OfficeDetailPage';
import { ReportsPage } from './ReportsPage';
import { SetupPage, SignInPage } from './SignInPage';
import { fmt } from '../i18n';
import { useProvince } from './useProvince';

type Page = 'board' | 'office' | 'reports' | 'admin';

function pageOf(path: string): Page | 'setup' {
  const p = path.replace(/\/+$/, '');
  if (p === '/hub/setup') return 'setup';
  if (p === '/hub/office') return 'office';
  if (p === '/hub/reports') return 'reports';
  if (p === '/hub/admin') return 'admin';
  return 'board';
}

export function ProvinceApp() {
  const { p, lang, setLang, errorText } = useProvince();
  const [path, setPath] = useState(location.pathname + location.search);
  const [me, setMe] = useState<HubMe | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const onPop = () => setPath(location.pathname + location.search);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const load = useCallback(() => {
    hubApi<HubMe>('me').then(setMe, (e: unknown) => {
      if (e instanceof HubError && e.code === 'UNAUTHORIZED') setMe(null);
      else setError(errorText(e));
    });
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    document.title = p.title;
  }, [p.title]);

  const page = pageOf(location.pathname);
  const langButton = (
    <button type="button" className="btn-secondary hub-small" data-testid="lang" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
      {p.language}
    </button>
  );
  if (page === 'setup') {
    return (
      <SetupPage
        langButton={langButton}
        onDone={(u) => {
          setMe(u);
          go('/hub/');
        }}
      />
    );
  }
  if (error) return <div className="hub-center" role="alert">{error}</div>;
  if (me === undefined) return <div className="hub-center">{p.loading}</div>;
  if (me === null) return <SignInPage langButton={langButton} onDone={setMe} />;

  const tabs: [Page, string, string][] = [
    ['board', p.tabBoard, '/hub/'],
    ['office', p.tabOffice, me.officeId ? `/hub/office?id=${me.officeId}` : '/hub/office'],
    ['reports', p.tabReports, '/hub/reports'],
    ...(me.role === 'province_admin' ? ([['admin', p.tabAdmin, '/hub/admin']] as [Page, string, string][]) : []),
  ];
  const signOut = async () => {
    await hubApi('sign-out', {}).catch(() => undefined);
    setMe(null);
  };
  return (
    <div className="hub-app" data-screen="province" data-page={page}>
      <header className="hub-topbar">
        <h1>{p.title}</h1>
        <nav className="hub-tabs">
          {tabs.map(([key, label, href]) => (
            <InPageLink key={key} href={href} data-tab={key} aria-current={page === key ? 'page' : undefined}>
              {label}
            </InPageLink>
          ))}
        </nav>
        <div className="hub-user">
          <span data-testid="signed-in">
            {fmt(p.signedInAs, { name: me.name })} · {me.role === 'province_admin' ? p.roleAdmin : p.roleViewer}
          </span>
          {langButton}
          <button type="button" className="btn-secondary hub-small" data-action="sign-out" onClick={() => void signOut()}>
            {p.signOut}
          </button>
        </div>
      </header>
      <main className="hub-main" key={path}>
        {page === 'board' && <BoardPage />}
        {page === 'office' && <OfficeDetailPage me={me} officeId={new URLSearchParams(location.search).get('id')} />}
        {page === 'reports' && <ReportsPage />}
        {page === 'admin' && me.role === 'province_admin' && <AdminPage />}
      </main>
    </div>
  );
}
