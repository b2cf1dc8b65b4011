import './zodWithoutEval';
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/700.css';
import '@fontsource/be-vietnam-pro/800.css';
import './styles/khmerFont.css';
import './styles/app.css';
import { lazy, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { LangProvider, useLang } from './i18n';

// One chunk per screen: the phone's tracking page never downloads the kiosk or the counter.
const KioskApp = lazy(() => import('./kiosk/KioskApp').then((m) => ({ default: m.KioskApp })));
const DisplayApp = lazy(() => import('./display/DisplayApp').then((m) => ({ default: m.DisplayApp })));
const CounterApp = lazy(() => import('./counter/CounterApp').then((m) => ({ default: m.CounterApp })));
const RatingTabletApp = lazy(() => import('./rating/RatingTabletApp').then((m) => ({ default: m.RatingTabletApp })));
const AdminApp = lazy(() => import('./admin/AdminApp').then((m) => ({ default: m.AdminApp })));
const ReportsApp = lazy(() => import('./reports/ReportsApp').then((m) => ({ default: m.ReportsApp })));
const SetupApp = lazy(() => import('./setup/SetupApp').then((m) => ({ default: m.SetupApp })));
const PairApp = lazy(() => import('./pair/PairApp').then((m) => ({ default: m.PairApp })));
const DeviceGate = lazy(() => import('./pair/DeviceGate').then((m) => ({ default: m.DeviceGate })));
const TrackApp = lazy(() => import('./track/TrackApp').then((m) => ({ default: m.TrackApp })));

function Home() {
  const { t } = useLang();
  return (
    <div className="home">
      <h1>{t.appName}</h1>
      <a href="/kiosk">{t.kiosk}</a>
      <a href="/display">{t.display}</a>
      <a href="/counter">{t.counterScreen}</a>
      <a href="/rating?counter=1">{t.ratingScreen}</a>
      <a href="/admin">Quản trị / Admin</a>
      <a href="/reports">Báo cáo / Reports</a>
    </div>
  );
}

function Route() {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const track = /^\/t\/([A-Za-z0-9]{8,32})$/.exec(path);
  if (track?.[1]) return <TrackApp ticketId={track[1]} />;
  switch (path) {
    case '/kiosk':
      return <DeviceGate roles={['kiosk']}><KioskApp /></DeviceGate>;
    case '/display':
      return <DeviceGate roles={['display', 'admin']}><DisplayApp /></DeviceGate>;
    case '/counter':
      return <DeviceGate roles={['counter']}><CounterApp /></DeviceGate>;
    case '/rating':
      return <DeviceGate roles={['rating']}><RatingTabletApp /></DeviceGate>;
    case '/admin':
      return <DeviceGate roles={['admin']}><AdminApp /></DeviceGate>;
    case '/reports':
      return <DeviceGate roles={['admin']}><ReportsApp /></DeviceGate>;
    case '/setup':
      return <SetupApp />;
    case '/pair':
      return <PairApp />;
    default:
      return <Home />;
  }
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <LangProvider>
    <Suspense fallback={null}>
      <Route />
    </Suspense>
  </LangProvider>,
);
