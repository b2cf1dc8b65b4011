import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';

const MAX_BUFFERED = 1024 * 1024;
const HEARTBEAT_MS = 30_000;

/**
 * Fan-out of queue events to every connected screen. A slow or dead client is dropped rather than
 * allowed to buffer without bound; screens reconnect and resync from GET /api/display.
 */
/** Who is listening on a socket: an enrolled device (staff detail) or anyone (public view). */
export interface Audience {
  deviceId: number | null;
  /**
   * A phone's tracking page (/t/:id): it hears only what is pushed for its own ticket (see
   * trackingFeed.ts), never the hall's broadcast — 300 phones refetching on every call of their
   * service was most of a busy morning's load.
   */
  trackTicketId?: string;
}

export class EventHub {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  private readonly alive = new WeakMap<WebSocket, boolean>();
  private readonly audience = new WeakMap<WebSocket, Audience>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly taps = new Set<(message: unknown) => void>();
  private readonly trackers = new Map<string, Set<WebSocket>>();
  private readonly trackListeners = new Set<(ticketId: string, listening: boolean) => void>();

  /**
   * `redact` turns a message into what an anonymous listener (a phone) may see: numbers, states
   * and counts, never ticket ids, officer ids or dossier codes. Null: not for anonymous ears.
   */
  constructor(
    private readonly hello: () => unknown,
    private readonly redact: (message: unknown) => unknown = () => null,
  ) {
    this.heartbeat = setInterval(() => this.sweep(), HEARTBEAT_MS);
    this.heartbeat.unref();
    this.wss.on('connection', (ws) => {
      this.alive.set(ws, true);
      ws.on('pong', () => this.alive.set(ws, true));
      // Screens only listen; anything they send is ignored.
      ws.on('message', () => undefined);
      ws.on('error', () => ws.terminate());
      ws.send(JSON.stringify(this.hello()));
    });
  }

  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer, audience: Audience = { deviceId: null }): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.audience.set(ws, audience);
      const id = audience.trackTicketId;
      if (id !== undefined) {
        let set = this.trackers.get(id);
        if (!set) {
          this.trackers.set(id, (set = new Set()));
          for (const l of this.trackListeners) l(id, true);
        }
        set.add(ws);
        ws.on('close', () => {
          set.delete(ws);
          if (set.size === 0 && this.trackers.get(id) === set) {
            this.trackers.delete(id);
            for (const l of this.trackListeners) l(id, false);
          }
        });
      }
      this.wss.emit('connection', ws, req);
    });
  }

  /** Told when the first tracking page of a ticket connects and when the last one goes. */
  onTracking(listener: (ticketId: string, listening: boolean) => void): () => void {
    this.trackListeners.add(listener);
    return () => this.trackListeners.delete(listener);
  }

  /** Tickets some phone is following now (the id in its /t/ address). */
  trackedTickets(): string[] {
    return [...this.trackers.keys()];
  }

  /** A message for the pages following one ticket only. */
  sendToTracking(ticketId: string, message: unknown): void {
    const set = this.trackers.get(ticketId);
    if (!set) return;
    const text = JSON.stringify(message);
    for (const ws of set) {
      if (ws.readyState !== ws.OPEN) continue;
      if (ws.bufferedAmount > MAX_BUFFERED) ws.terminate();
      else ws.send(text);
    }
  }

  /** A revoked device hears nothing more: its open sockets close now. */
  closeDevice(deviceId: number): number {
    let n = 0;
    for (const ws of this.wss.clients) {
      if (this.audience.get(ws)?.deviceId === deviceId) {
        ws.close(4403, 'device revoked');
        n++;
      }
    }
    return n;
  }

  /**
   * Enrolled devices with an event stream open now: every paired screen keeps one while its page is
   * up, so this is what "online" means on the admin's device list (the heartbeat drops dead ones).
   */
  connectedDevices(): Set<number> {
    const ids = new Set<number>();
    for (const ws of this.wss.clients) {
      const id = this.audience.get(ws)?.deviceId ?? null;
      if (id !== null && ws.readyState === ws.OPEN) ids.add(id);
    }
    return ids;
  }

  get clientCount(): number {
    return this.wss.clients.size;
  }

  /** Also deliver every broadcast in-process (the Electron shell forwards them over IPC). */
  tap(listener: (message: unknown) => void): () => void {
    this.taps.add(listener);
    return () => this.taps.delete(listener);
  }

  broadcast(message: unknown): void {
    for (const t of this.taps) t(message);
    const full = JSON.stringify(message);
    let publicText: string | null | undefined;
    for (const ws of this.wss.clients) {
      if (ws.readyState !== ws.OPEN) continue;
      if (ws.bufferedAmount > MAX_BUFFERED) {
        ws.terminate();
        continue;
      }
      const audience = this.audience.get(ws);
      if (audience?.trackTicketId !== undefined) continue;
      if ((audience?.deviceId ?? null) !== null) {
        ws.send(full);
        continue;
      }
      if (publicText === undefined) {
        const r = this.redact(message);
        publicText = r === null ? null : JSON.stringify(r);
      }
      if (publicText !== null) ws.send(publicText);
    }
  }

  private sweep(): void {
    for (const ws of this.wss.clients) {
      if (!this.alive.get(ws)) {
        ws.terminate();
        continue;
      }
      this.alive.set(ws, false);
      ws.ping();
    }
  }

  close(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const ws of this.wss.clients) ws.terminate();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }
}
