import type http from 'node:http';
import type { Socket } from 'node:net';
import type { SocketLimits } from './socketLimits';

type Kind = 'anonymous' | 'probation' | 'device';

interface Held {
  address: string;
  kind: Kind;
  timer?: NodeJS.Timeout;
}

/**
 * Caps the TCP connections strangers can hold, while an enrolled device still gets in (issue #27).
 *
 * At 'connection' nobody has said who they are: a kiosk's new connection and a phone's look the
 * same. So every newcomer joins the anonymous budget (capped overall and per address). When that
 * budget is spent, a newcomer is not refused outright but let into the headroom on probation: its
 * first request must carry an enrolled device's credential (checked then, from the headers), or
 * it is answered 503 and closed. Probation is short and small; when it is full the oldest newcomer
 * is dropped for the new one, because a real device sends its request within milliseconds of
 * connecting while a flood's sockets sit silent — a flood would have to out-connect a kiosk's
 * round trip, over and over, to keep it out. A connection that has shown a device credential
 * counts only against the overall limit, which stays below the process's open-file limit.
 */
export class ConnectionGate {
  private readonly held = new Map<Socket, Held>();
  private readonly anonymousAt = new Map<string, number>();
  private readonly probationAt = new Map<string, number>();
  /** In arrival order: the first is the oldest, dropped first. */
  private readonly probation = new Set<Socket>();
  private anonymousCount = 0;
  private refusedSince = 0;

  constructor(
    private readonly limits: SocketLimits,
    /** True when the request carries a live enrolled device's credential. */
    private readonly isDevice: (req: http.IncomingMessage) => boolean,
    private readonly onRefused: (count: number) => void = () => undefined,
  ) {}

  attach(server: http.Server): void {
    // Node's own ceiling too: past it, Node closes a connection before any listener sees it.
    server.maxConnections = this.limits.sockets;
    server.on('connection', (socket: Socket) => this.arrive(socket));
  }

  /**
   * At each request and upgrade, before anything else: false means "answer 503 and close"
   * (a newcomer on probation that turned out not to be an enrolled device, with no room for it).
   */
  admit(req: http.IncomingMessage): boolean {
    const socket = req.socket as Socket;
    const h = this.held.get(socket);
    if (!h || h.kind === 'device') return true;
    if (this.isDevice(req)) {
      this.become(socket, h, 'device');
      return true;
    }
    if (h.kind === 'anonymous') return true;
    // Room may have opened since it arrived.
    if (this.anonymousRoom(h.address)) {
      this.become(socket, h, 'anonymous');
      return true;
    }
    this.refused();
    return false;
  }

  private arrive(socket: Socket): void {
    const address = socket.remoteAddress ?? '?';
    if (this.held.size >= this.limits.sockets) return this.refuse(socket);
    if (this.anonymousRoom(address)) {
      this.hold(socket, { address, kind: 'anonymous' });
      return;
    }
    if ((this.probationAt.get(address) ?? 0) >= this.limits.probationPerAddress) return this.refuse(socket);
    if (this.probation.size >= this.limits.probation) {
      const oldest = this.probation.values().next().value as Socket;
      this.drop(oldest);
      oldest.destroy();
      this.refused();
    }
    const h: Held = { address, kind: 'probation' };
    h.timer = setTimeout(() => {
      if (h.kind === 'probation') socket.destroy();
    }, this.limits.probationMs);
    h.timer.unref();
    this.hold(socket, h);
  }

  private anonymousRoom(address: string): boolean {
    return this.anonymousCount < this.limits.anonymous && (this.anonymousAt.get(address) ?? 0) < this.limits.anonymousPerAddress;
  }

  private hold(socket: Socket, h: Held): void {
    this.held.set(socket, h);
    this.count(socket, h, 1);
    socket.once('close', () => this.drop(socket));
  }

  private become(socket: Socket, h: Held, kind: Kind): void {
    this.count(socket, h, -1);
    clearTimeout(h.timer);
    h.kind = kind;
    this.count(socket, h, 1);
  }

  private drop(socket: Socket): void {
    const h = this.held.get(socket);
    if (!h) return;
    clearTimeout(h.timer);
    this.count(socket, h, -1);
    this.held.delete(socket);
  }

  private count(socket: Socket, h: Held, d: 1 | -1): void {
    if (h.kind === 'anonymous') {
      this.anonymousCount += d;
      bump(this.anonymousAt, h.address, d);
    } else if (h.kind === 'probation') {
      bump(this.probationAt, h.address, d);
      if (d > 0) this.probation.add(socket);
      else this.probation.delete(socket);
    }
  }

  private refuse(socket: Socket): void {
    socket.destroy();
    this.refused();
  }

  /** Told at most once a minute how many were turned away: a flood must not flood the log too. */
  private refused(): void {
    this.refusedSince++;
    if (this.refusedSince === 1) {
      setTimeout(() => {
        this.onRefused(this.refusedSince);
        this.refusedSince = 0;
      }, 60_000).unref();
    }
  }
}

function bump(map: Map<string, number>, key: string, d: 1 | -1): void {
  const n = (map.get(key) ?? 0) + d;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}
