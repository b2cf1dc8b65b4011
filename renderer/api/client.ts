// The one client of the shared contract: the Electron preload's IPC when `window.motcua` exists,
// HTTP + WebSocket otherwise. Screens never compute queue state; they call and listen.
import { vi } from '../i18n';
import type { InputOf, OutputOf, RouteName } from '../../shared/api/contract';
import type { AnnounceMessage } from '../../shared/announcementConfig';
import type { QueueEvent, TimeEvent } from '../../shared/api/events';
import type { ServiceCall, TicketStatus } from '../../shared/api/schemas';
import { routePaths } from '../../shared/api/routePaths';

export type ServerMessage =
  | QueueEvent
  | TimeEvent
  | { type: 'hello'; lastEventSeq: number }
  | AnnounceMessage
  | { type: 'printer.status'; status: unknown }
  | { type: 'boards.status'; at: number }
  | { type: 'print.job'; jobId: number; ticketNumber: string | null; state: 'queued' | 'printing' | 'done' | 'failed' }
  // Only on a tracking page's stream (/api/events?track=ID): its own ticket, its service's call.
  | { type: 'track.status'; status: TicketStatus }
  | { type: 'track.calling'; serviceId: number; nowCalling: ServiceCall | null; at: number };

export interface MotcuaBridge {
  invoke(name: string, input: { params?: unknown; query?: unknown; body?: unknown }): Promise<unknown>;
  onEvent(cb: (msg: ServerMessage) => void): () => void;
  exitApp?(): Promise<boolean>;
}

declare global {
  interface Window {
    motcua?: MotcuaBridge;
  }
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    /** What the host said beyond the code, e.g. which fields of a form are wrong. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type CallInput<K extends RouteName> = { [P in keyof InputOf<K>]?: Partial<InputOf<K>[P]> };

function buildUrl(path: string, params: Record<string, unknown> | undefined, query: Record<string, unknown> | undefined): string {
  let url = path.replace(/:(\w+)/g, (_, k: string) => encodeURIComponent(String(params?.[k] ?? '')));
  const q = Object.entries(query ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== '');
  if (q.length) url += '?' + new URLSearchParams(q.map(([k, v]) => [k, String(v)])).toString();
  return url;
}

export async function call<K extends RouteName>(name: K, input: CallInput<K> = {}): Promise<OutputOf<K>> {
  const raw = input as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
  if (window.motcua) {
    try {
      return (await window.motcua.invoke(name, raw)) as OutputOf<K>;
    } catch (e) {
      const err = e as { code?: string; message?: string; status?: number; details?: unknown };
      throw new ApiError(err.code ?? 'INTERNAL', err.message ?? String(e), err.status ?? 500, err.details);
    }
  }
  const route = routePaths[name];
  let res: Response;
  try {
    res = await fetch(buildUrl(route.path, raw.params, raw.query), {
      method: route.method,
      credentials: 'same-origin',
      headers: raw.body === undefined ? {} : { 'content-type': 'application/json' },
      body: raw.body === undefined ? undefined : JSON.stringify(raw.body),
    });
  } catch {
    throw new ApiError('NETWORK', vi.networkError, 0);
  }
  const text = await res.text();
  const json = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) {
    const err = (json as { error?: { code: string; message: string; details?: unknown } } | null)?.error;
    throw new ApiError(err?.code ?? 'INTERNAL', err?.message ?? res.statusText, res.status, err?.details);
  }
  return json as OutputOf<K>;
}

export type ConnectionState = 'connecting' | 'online' | 'offline';

/**
 * One shared event stream per page. Reconnects with exponential backoff (0.5 s → 10 s, jittered),
 * and asks every subscriber to resync from the host on each (re)connect and on any gap in the
 * event sequence, so no screen shows stale state after a network blip.
 */
class EventStream {
  private listeners = new Set<(m: ServerMessage) => void>();
  private resyncers = new Set<() => void>();
  private stateListeners = new Set<(s: ConnectionState) => void>();
  private ws: WebSocket | null = null;
  private attempts = 0;
  private lastSeq = 0;
  private started = false;
  private query = '';
  state: ConnectionState = 'connecting';

  /**
   * A phone's tracking page hears only its own ticket (pushed by the host) and its service's "now
   * calling", not every event of the hall. Set before the first subscriber starts the stream.
   */
  follow(ticketId: string): void {
    if (!this.started) this.query = `?track=${encodeURIComponent(ticketId)}`;
  }

  subscribe(listener: (m: ServerMessage) => void, onResync?: () => void): () => void {
    this.listeners.add(listener);
    if (onResync) this.resyncers.add(onResync);
    this.start();
    return () => {
      this.listeners.delete(listener);
      if (onResync) this.resyncers.delete(onResync);
    };
  }

  onState(listener: (s: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    listener(this.state);
    return () => this.stateListeners.delete(listener);
  }

  private setState(s: ConnectionState) {
    this.state = s;
    for (const l of this.stateListeners) l(s);
  }

  private start() {
    if (this.started) return;
    this.started = true;
    if (window.motcua) {
      this.setState('online');
      window.motcua.onEvent((m) => this.dispatch(m));
      return;
    }
    this.connect();
  }

  private connect() {
    const proto = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${proto}://${location.host}/api/events${this.query}`);
    this.ws = ws;
    this.setState('connecting');
    ws.onopen = () => {
      this.attempts = 0;
      this.setState('online');
    };
    ws.onmessage = (e) => {
      try {
        this.dispatch(JSON.parse(String(e.data)) as ServerMessage);
      } catch {
        // ignore a malformed frame
      }
    };
    ws.onclose = (e) => {
      this.ws = null;
      // 4403: this device was revoked by the admin. Reload so the screen shows why, instead of
      // quietly reconnecting as an anonymous listener.
      if (e.code === 4403) {
        location.reload();
        return;
      }
      this.setState('offline');
      const delay = Math.min(10_000, 500 * 2 ** this.attempts) * (0.75 + Math.random() * 0.5);
      this.attempts++;
      setTimeout(() => this.connect(), delay);
    };
    ws.onerror = () => ws.close();
  }

  private resync() {
    for (const r of this.resyncers) r();
  }

  private dispatch(m: ServerMessage) {
    if (m.type === 'hello') {
      this.lastSeq = m.lastEventSeq;
      this.resync();
      return;
    }
    if ('seq' in m && typeof m.seq === 'number') {
      if (this.lastSeq && m.seq > this.lastSeq + 1) this.resync();
      this.lastSeq = Math.max(this.lastSeq, m.seq);
    }
    for (const l of this.listeners) l(m);
  }
}

export const events = new EventStream();
