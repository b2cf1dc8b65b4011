import { useState } from 'react';
import type { OutputOf } from '../../shared/api/contract';
import { useLang } from '../i18n';
import { deviceText } from '../i18nDevices';
import { PairForm } from './PairForm';

type Device = OutputOf<'pairDevice'>['device'];
const HOME: Record<Device['role'], (d: Device) => string> = {
  kiosk: () => '/kiosk',
  display: () => '/display',
  counter: () => '/counter',
  rating: (d) => `/rating?counter=${d.counterId ?? 1}`,
  admin: () => '/admin',
};

/** /pair?code=…: a new kiosk, counter PC, tablet or display enrolls itself once. */
export function PairApp() {
  const { lang } = useLang();
  const d = deviceText(lang);
  const params = new URLSearchParams(location.search);
  const [paired, setPaired] = useState<Device | null>(null);
  return (
    <main className="login">
      <h2>{d.pairTitle}</h2>
      {paired ? (
        <div aria-live="polite">
          <p>
            {d.pairedAs}: <strong>{d.roles[paired.role]}</strong>
            {paired.counterId !== null ? ` · ${d.counter} ${paired.counterId}` : ''}
          </p>
          <a className="btn-primary link-button" href={params.get('next') ?? HOME[paired.role](paired)} data-testid="pair-continue">
            OK
          </a>
        </div>
      ) : (
        <PairForm initialCode={params.get('code') ?? ''} onPaired={setPaired} />
      )}
    </main>
  );
}
