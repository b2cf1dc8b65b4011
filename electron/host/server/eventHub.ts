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
export class EventHub {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  private readonly alive = new WeakMap<WebSocket, boolean>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly taps = new Set<(message: unknown) => void>();

  constructor(private readonly hello: () => unknown) {
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

  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
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
    const text = JSON.stringify(message);
    for (const ws of this.wss.clients) {
      if (ws.readyState !== ws.OPEN) continue;
      if (ws.bufferedAmount > MAX_BUFFERED) {
        ws.terminate();
        continue;
      }
      ws.send(text);
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
