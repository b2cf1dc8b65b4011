import { useEffect, useState } from 'react';
import type { SessionInfo } from '../../shared/api/schemas';
import { call } from '../api/client';
import { CounterDesk } from './CounterDesk';
import { CounterLogin } from './CounterLogin';

/** The staff screen; the session cookie survives a reload, so a refresh keeps the officer signed in. */
export function CounterApp() {
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    call('session')
      .then(setSession)
      .catch(() => setSession(null));
  }, []);
  if (session === undefined) return null;
  if (session?.kind === 'staff')
    return (
      <CounterDesk
        session={session}
        onSignOut={(why) => {
          setNotice((prev) => why ?? prev);
          setSession(null);
        }}
      />
    );
  return (
    <CounterLogin
      notice={notice}
      onSignedIn={(s) => {
        setNotice(null);
        setSession(s);
      }}
    />
  );
}
