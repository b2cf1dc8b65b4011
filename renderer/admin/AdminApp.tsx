import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { useQuery } from '../api/hooks';
import { AdminLogin, ChangePassword } from './AdminLogin';
import { OfficeForm } from './OfficeForm';
import { LangPacksPanel } from './LangPacksPanel';
import { ServiceEditor } from './ServiceEditor';
import { CounterEditor } from './CounterEditor';
import { OfficerEditor } from './OfficerEditor';
import { BackupPanel } from './BackupPanel';
import { CataloguePanel } from './CataloguePanel';
import { DevicesPanel } from './DevicesPanel';
import { VoicePanel } from './VoicePanel';
import { EnrolledDevicesPanel } from './EnrolledDevicesPanel';
import { deviceText } from '../i18nDevices';
import { ListsPanel } from './ListsPanel';
import { TicketPanel } from './TicketPanel';
import { HealthStatus } from './HealthStatus';
import { OverviewPanel } from './OverviewPanel';
import { ProvinceLinkPanel } from './ProvinceLinkPanel';
import { AppointmentsPanel } from './AppointmentsPanel';
import { appointmentsText } from '../i18nAppointments';
import { fmt, useLang } from '../i18n';
import type { Dict } from '../i18n';

type Tab = 'overview' | 'office' | 'services' | 'catalogue' | 'counters' | 'officers' | 'lists' | 'ticket' | 'devices' | 'voice' | 'enrolled' | 'backup' | 'province' | 'appointments';
const TABS: [Tab, keyof Dict][] = [
  ['overview', 'tabOverview'],
  ['office', 'tabOffice'],
  ['services', 'tabServices'],
  ['catalogue', 'tabCatalogue'],
  ['counters', 'tabCounters'],
  ['officers', 'tabOfficers'],
  ['lists', 'tabLists'],
  ['ticket', 'tabTicket'],
  ['devices', 'tabDevices'],
  ['voice', 'tabVoice'],
  ['backup', 'tabBackup'],
  ['province', 'tabProvince'],
];

/** The manager's live view first, then office configuration; every save applies at once on every screen. */
export function AdminApp() {
  const { t, lang, setLang } = useLang();
  const [state, setState] = useState<'loading' | 'login' | 'change' | 'ready'>('loading');
  const [tab, setTab] = useState<Tab>('overview');
  useEffect(() => {
    call('session')
      .then((s) => setState(s?.kind === 'admin' ? 'ready' : 'login'))
      .catch(() => setState('login'));
  }, []);
  if (state === 'loading') return null;
  if (state === 'login') return <AdminLogin onSignedIn={(must) => setState(must ? 'change' : 'ready')} />;
  if (state === 'change') return <ChangePassword onDone={() => setState('ready')} />;
  return (
    <div className="counter-app">
      <div className="topbar admin-topbar">
        <div className="admin-titlerow">
          <h1>{t.adminTitle}</h1>
          <div className="admin-tools">
            <a className="btn-secondary link-button" href="/reports">
              {t.reportsLink}
            </a>
            <button type="button" className="btn-secondary" data-testid="lang" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
              {t.language}
            </button>
          </div>
        </div>
        <nav className="admin-tabs">
          {TABS.map(([id, label]) => (
            <button type="button" key={id} className={tab === id ? 'btn-primary' : 'btn-secondary'} onClick={() => setTab(id)} data-tab={id} aria-pressed={tab === id}>
              {t[label]}
            </button>
          ))}
          <button type="button" className={tab === 'appointments' ? 'btn-primary' : 'btn-secondary'} onClick={() => setTab('appointments')} data-tab="appointments" aria-pressed={tab === 'appointments'}>
            {appointmentsText(lang).tab}
          </button>
          <button type="button" className={tab === 'enrolled' ? 'btn-primary' : 'btn-secondary'} onClick={() => setTab('enrolled')} data-tab="enrolled" aria-pressed={tab === 'enrolled'}>
            {deviceText(lang).enrolledTitle}
          </button>
        </nav>
      </div>
      <HealthStatus />
      {/* Under the tabs, above every tab's content: a long wait is seen whatever the manager is editing. */}
      <Alerts />
      <div className="admin-body">
        {tab === 'overview' && <OverviewPanel />}
        {tab === 'office' && (
          <>
            <OfficeForm />
            <LangPacksPanel />
          </>
        )}
        {tab === 'services' && <ServiceEditor />}
        {tab === 'catalogue' && <CataloguePanel />}
        {tab === 'counters' && <CounterEditor />}
        {tab === 'officers' && <OfficerEditor />}
        {tab === 'lists' && <ListsPanel />}
        {tab === 'ticket' && <TicketPanel />}
        {tab === 'devices' && <DevicesPanel />}
        {tab === 'voice' && <VoicePanel />}
        {tab === 'backup' && <BackupPanel />}
        {tab === 'enrolled' && <EnrolledDevicesPanel />}
        {tab === 'province' && <ProvinceLinkPanel />}
        {tab === 'appointments' && <AppointmentsPanel />}
      </div>
    </div>
  );
}

function Alerts() {
  const { t } = useLang();
  // alerts.changed: the host's timer saw a wait cross its threshold with no ticket event at all.
  const alerts = useQuery('alerts', {}, (m) => m.type.startsWith('ticket.') || m.type === 'alerts.changed');
  if (!alerts.data?.length) return null;
  return (
    <div className="admin-alerts" role="alert" data-testid="wait-alerts">
      <strong>⚠ {t.alertTitle}:</strong>
      <ul>
        {alerts.data.map((a) => (
          <li key={a.ticketId}>
            <span className="n">{a.number}</span> {fmt(t.alertLine, { waited: a.waitedMinutes, limit: a.thresholdMinutes })}
          </li>
        ))}
      </ul>
    </div>
  );
}
