import { useCallback, useEffect, useRef, useState } from 'react';
import type { OutputOf, RouteName } from '../../shared/api/contract';
import { call, events } from './client';
import type { CallInput, ConnectionState, ServerMessage } from './client';

/** Subscribe to host events for the component's lifetime. */
export function useEvents(listener: (m: ServerMessage) => void, onResync?: () => void): void {
  const l = useRef(listener);
  const r = useRef(onResync);
  l.current = listener;
  r.current = onResync;
  useEffect(() => events.subscribe((m) => l.current(m), () => r.current?.()), []);
}

export function useConnection(): ConnectionState {
  const [s, setS] = useState<ConnectionState>(events.state);
  useEffect(() => events.onState(setS), []);
  return s;
}

/**
 * Whether the host answers: false from the moment the event stream is lost until it is back.
 * The 'connecting' between retries does not count as back, so a screen does not flicker live.
 */
export function useHostReachable(): boolean {
  const [up, setUp] = useState(events.state !== 'offline');
  useEffect(
    () =>
      events.onState((s) => {
        if (s === 'online') setUp(true);
        else if (s === 'offline') setUp(false);
      }),
    [],
  );
  return up;
}

/**
 * Data from one query, refetched on (re)connect and whenever `refetchOn` says an event matters.
 * Refetches are coalesced so a burst of events costs one request. `push` shows a value the host
 * sent on the event stream: newer than any read already asked for, whose answer is then dropped.
 */
export function useQuery<K extends RouteName>(
  name: K,
  input: CallInput<K>,
  refetchOn: (m: ServerMessage) => boolean = () => true,
): { data: OutputOf<K> | null; error: string | null; reload: () => void; push: (value: OutputOf<K>) => void } {
  const [data, setData] = useState<OutputOf<K> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(input);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Reads in flight can come back in any order, and after a push: the one asked for (or pushed) last wins.
  const asked = useRef(0);
  const shown = useRef(0);
  const load = useCallback(() => {
    const n = ++asked.current;
    call(name, JSON.parse(key) as CallInput<K>)
      .then((d) => {
        if (n < shown.current) return;
        shown.current = n;
        setData(d);
        setError(null);
      })
      .catch((e: Error) => n >= shown.current && setError(e.message));
  }, [name, key]);
  const push = useCallback((value: OutputOf<K>) => {
    shown.current = ++asked.current;
    setData(value);
    setError(null);
  }, []);
  // The timer reads the latest load: an event just before the input changed (another day picked)
  // must not fetch the old input after the new one and show it as newest.
  const latestLoad = useRef(load);
  latestLoad.current = load;
  const schedule = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      latestLoad.current();
    }, 60);
  }, []);
  useEffect(() => {
    load();
  }, [load]);
  useEvents((m) => {
    if (m.type !== 'hello' && refetchOn(m)) schedule();
  }, schedule);
  return { data, error, reload: load, push };
}

export interface ActionFailure {
  code: string;
  message: string;
}

/**
 * The error of the last action a person took on this screen. "Lost connection" clears itself as
 * soon as the host is reachable again, so the screen does not go on saying so after it is back.
 */
export function useActionError(): { error: ActionFailure | null; show: (e: unknown) => void; clear: () => void } {
  const [error, setError] = useState<ActionFailure | null>(null);
  const connection = useConnection();
  useEffect(() => {
    if (connection === 'online') setError((e) => (e?.code === 'NETWORK' ? null : e));
  }, [connection]);
  const show = useCallback((e: unknown) => {
    const err = e as { code?: string; message?: string };
    setError({ code: err.code ?? 'INTERNAL', message: err.message ?? String(e) });
  }, []);
  const clear = useCallback(() => setError(null), []);
  return { error, show, clear };
}
