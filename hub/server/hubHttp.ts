import http from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError, errorCatalog } from '../../shared/errors';
import { isTrustedProxy, trustProxies } from './clientAddress';
import { BodyTooLarge } from './httpBody';
import type { HubRouteTable, SendJson } from './hubRoutes';

export interface HubHttpDeps {
  /** Route tables from each part of the hub (office link, province screens, …); later tables may not reuse a key. */
  routes: HubRouteTable[];
  log: (e: Record<string, unknown>) => void;
  /** The province screens' files: true when it answered. */
  files?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean;
  /** WebSocket upgrades (the live board). */
  upgrade?: (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** Reverse proxies in front of the hub: their X-Forwarded-For names the caller, and their sockets are not capped per address. */
  trustedProxies?: readonly string[];
}

/** Sockets one hub process holds at most: offices push in short requests, so this is generous. */
const MAX_CONNECTIONS = 2000;
/** Sockets one address may hold: an office pushes one batch at a time; a centre behind NAT has a few hosts. */
const MAX_PER_ADDRESS = 32;

/** The hub's HTTP server: dispatch, error answers, and the caps on what one stranger may hold. */
export function createHubServer(d: HubHttpDeps): http.Server {
  const send: SendJson = (res, status, body) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
    res.end(text);
  };
  const fail = (res: http.ServerResponse, e: unknown) => {
    if (e instanceof BodyTooLarge) {
      res.setHeader('connection', 'close');
      res.on('finish', () => res.socket?.destroy());
      e = new AppError('PAYLOAD_TOO_LARGE');
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (e instanceof AppError) return send(res, errorCatalog[e.code].status, { error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } });
    d.log({ level: 'error', msg: 'hub request failed', error: String((e as Error)?.stack ?? e) });
    send(res, 500, { error: { code: 'INTERNAL', message: errorCatalog.INTERNAL.vi } });
  };

  const routes: HubRouteTable = {};
  for (const table of d.routes) {
    for (const [key, route] of Object.entries(table)) {
      if (routes[key]) throw new Error(`hub route defined twice: ${key}`);
      routes[key] = route;
    }
  }

  const server = http.createServer((req, res) => {
    const route = routes[`${req.method} ${(req.url ?? '/').split('?')[0]}`];
    if (!route && d.files?.(req, res)) return;
    if (!route) return send(res, 404, { error: { code: 'NOT_FOUND', message: errorCatalog.NOT_FOUND.vi } });
    route(req, res, send).catch((e: unknown) => fail(res, e));
  });
  server.maxConnections = MAX_CONNECTIONS;
  trustProxies(server, d.trustedProxies ?? []);
  // One stranger must not take every slot: past its share, a new socket from that address is closed at once.
  // A trusted proxy carries every office's and person's requests: it limits its own clients (say so in its config).
  const perAddress = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? '';
    if (isTrustedProxy(server, address)) return;
    const held = perAddress.get(address) ?? 0;
    if (held >= MAX_PER_ADDRESS) {
      socket.destroy();
      return;
    }
    perAddress.set(address, held + 1);
    socket.once('close', () => {
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    });
  });
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    if (d.upgrade) d.upgrade(req, socket, head);
    else socket.destroy();
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  return server;
}
