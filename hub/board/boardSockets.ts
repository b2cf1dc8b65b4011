import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { BoardMessage, BoardRow, HubMe } from '../../shared/hubBoard';
import { maySeeOffice, officeScope, sameOrigin } from '../auth/hubAccess';
import type { HubAccess } from '../auth/hubAccess';

export const BOARD_SOCKET_PATH = '/hub/api/board/live';
/** Board sockets one hub process holds: a province has a few dozen people watching. */
export const MAX_BOARD_SOCKETS = 500;
/** A socket that lets this much pile up unread is a stalled browser: it is closed, not fed. */
export const MAX_BOARD_BUFFERED_BYTES = 2 << 20;
/** Pushes from one office within this long after a row was sent become one more row at its end. */
export const BOARD_DEBOUNCE_MS = 250;

interface Watcher {
  ws: WebSocket;
  me: HubMe;
}

export interface BoardSocketsDeps {
  access: HubAccess;
  rows: (offices: string[] | null) => Promise<BoardRow[]>;
  now: () => number;
  /** When the board calls an office stale (HUB_STALE_MS unless the hub was told otherwise). */
  staleMs: number;
  /** Caps other than the defaults (tests of the caps). */
  limits?: { sockets?: number; bufferedBytes?: number };
  log: (e: Record<string, unknown>) => void;
}

/**
 * The live board's sockets: only signed-in users, each sent only the offices it may see. A batch
 * landing in any hub process (NOTIFY) makes a query of that office's row, at most one per quarter
 * second per office, whose fresh row goes to every socket allowed to see it.
 */
export class BoardSockets {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  private readonly watchers = new Set<Watcher>();
  private opening = 0;
  private readonly pending = new Map<string, { timer: NodeJS.Timeout; again: boolean }>();

  constructor(private readonly d: BoardSocketsDeps) {}

  get count(): number {
    return this.watchers.size;
  }

  /** The HTTP server's upgrade: anything but the board's path, a foreign page, or no session is refused. */
  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if ((req.url ?? '').split('?')[0] !== BOARD_SOCKET_PATH) return refuse('404 Not Found');
    if (!sameOrigin(req)) return refuse('403 Forbidden');
    if (this.watchers.size + this.opening >= (this.d.limits?.sockets ?? MAX_BOARD_SOCKETS)) return refuse('503 Service Unavailable');
    socket.on('error', () => undefined);
    // Counted from the first byte, so sockets still being signed in cannot slip past the cap together.
    this.opening++;
    this.d.access.user(req).then(
      (me) => {
        if (socket.destroyed) return void this.opening--;
        this.wss.handleUpgrade(req, socket, head, (ws) => {
          this.opening--;
          this.welcome(ws, me);
        });
      },
      () => {
        this.opening--;
        refuse('401 Unauthorized');
      },
    );
  }

  private welcome(ws: WebSocket, me: HubMe): void {
    const w: Watcher = { ws, me };
    this.watchers.add(w);
    ws.on('close', () => this.watchers.delete(w));
    ws.on('error', () => ws.terminate());
    // The board only listens; anything a browser sends is ignored (maxPayload bounds it).
    ws.on('message', () => undefined);
    this.d.rows(officeScope(me)).then(
      (rows) => this.send(w, { type: 'rows', now: this.d.now(), staleMs: this.d.staleMs, rows }),
      (e: unknown) => {
        this.d.log({ level: 'error', msg: 'board rows failed', error: String(e) });
        ws.close(1011);
      },
    );
  }

  /**
   * An office's batch landed: its fresh row goes out at once, and a burst of further pushes within
   * the next quarter second becomes one more row at its end, so a busy office costs at most four
   * queries a second however often it pushes.
   */
  officeChanged(officeId: string): void {
    if (this.watchers.size === 0) return;
    const held = this.pending.get(officeId);
    if (held) {
      held.again = true;
      return;
    }
    const entry = { timer: setTimeout(() => this.cooled(officeId), BOARD_DEBOUNCE_MS), again: false };
    this.pending.set(officeId, entry);
    void this.pushRow(officeId);
  }

  private cooled(officeId: string): void {
    const entry = this.pending.get(officeId);
    this.pending.delete(officeId);
    if (entry?.again) this.officeChanged(officeId);
  }

  /** After the listener lost PostgreSQL: every socket gets every row it may see again. */
  refreshAll(): void {
    for (const w of this.watchers) {
      void this.d.rows(officeScope(w.me)).then((rows) => this.send(w, { type: 'rows', now: this.d.now(), staleMs: this.d.staleMs, rows }), () => undefined);
    }
  }

  /** A signed-out session's or reset account's sockets stop at once. */
  closeUser(userId: number): void {
    for (const w of this.watchers) if (w.me.id === userId) w.ws.close(4001, 'signed out');
  }

  private async pushRow(officeId: string): Promise<void> {
    const audience = [...this.watchers].filter((w) => maySeeOffice(w.me, officeId));
    if (audience.length === 0) return;
    try {
      const row = (await this.d.rows([officeId]))[0];
      const msg: BoardMessage = row ? { type: 'row', now: this.d.now(), staleMs: this.d.staleMs, row } : { type: 'gone', now: this.d.now(), staleMs: this.d.staleMs, officeId };
      for (const w of audience) this.send(w, msg);
    } catch (e) {
      this.d.log({ level: 'error', msg: 'board row failed', office: officeId, error: String(e) });
    }
  }

  private send(w: Watcher, msg: BoardMessage): void {
    if (w.ws.readyState !== w.ws.OPEN) return;
    if (w.ws.bufferedAmount > (this.d.limits?.bufferedBytes ?? MAX_BOARD_BUFFERED_BYTES)) {
      w.ws.terminate();
      return;
    }
    w.ws.send(JSON.stringify(msg));
  }

  async close(): Promise<void> {
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
    for (const w of this.watchers) w.ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
