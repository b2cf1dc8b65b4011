import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { call } from '../api/client';
import type { DeviceRole } from '../../shared/api/access';
import type { OutputOf } from '../../shared/api/contract';
import { useLang } from '../i18n';
import { deviceText } from '../i18nDevices';
import { PairForm } from './PairForm';

type Device = OutputOf<'thisDevice'>;

/**
 * Staff screens run only on enrolled devices of their kind. An unenrolled browser sees why and
 * can pair on the spot; the Electron shell's own windows are the host's devices and pass.
 */
export function DeviceGate({ roles, children }: { roles: readonly DeviceRole[]; children: ReactNode }) {
  const { lang } = useLang();
  const d = deviceText(lang);
  const [device, setDevice] = useState<Device | 'loading'>(window.motcua ? null : 'loading');
  useEffect(() => {
    if (window.motcua) return;
    call('thisDevice')
      .then(setDevice)
      .catch(() => setDevice(null));
  }, []);
  if (window.motcua) return <>{children}</>;
  if (device === 'loading') return null;
  if (device && roles.includes(device.role)) return <>{children}</>;
  return (
    <main className="login" data-testid="device-gate">
      <h2>{device ? d.wrongRole : d.notEnrolled}</h2>
      {device ? (
        <p>
          {d.roles[device.role]}
          {device.counterId !== null ? ` · ${d.counter} ${device.counterId}` : ''}
        </p>
      ) : (
        <>
          <p className="hint-text">{d.notEnrolledHelp}</p>
          <PairForm onPaired={(p) => (roles.includes(p.role) ? location.reload() : setDevice(p))} />
        </>
      )}
    </main>
  );
}
