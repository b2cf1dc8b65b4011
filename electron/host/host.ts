import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type Database from 'better-sqlite3';
import { AuthService } from './auth/authService';
import { startBackupSchedule } from './db/backupScheduler';
import { openDatabase } from './db/openDatabase';
import { seedIfEmpty } from './db/seed';
import type { Log } from './logger';
import { QueueService } from './queue/queueService';
import { createHandlers } from './server/apiHandlers';
import type { Handlers } from './server/apiHandlers';
import { EventHub } from './server/eventHub';
import { OfficeAdmin } from './admin/officeAdmin';
import { CallOutputs } from './devices/callOutputs';
import { ReportQueries } from './reports/reportQuery';
import { startReportWarmup } from './reports/reportWarmup';
import { TicketPrinting } from './devices/ticketPrinting';
import { createApiHandler, sendError } from './server/httpApi';
import { createReportDownloads } from './server/reportDownloads';
import { applyPendingRestore, createAdminFiles } from './server/adminFiles';
import { RateLimiter } from './server/rateLimiter';
import { PLACEHOLDER_PAGE, safeResolve, sendFile, serveMounted } from './server/staticFiles';
import type { StaticMount } from './server/staticFiles';
import { TimeWatch } from './timeWatch';

/** Opening hours flip on the minute: the kiosk is at most this late; wait alerts well inside 30 s. */
const TIME_TICK_MS = 10_000;

export interface HostOptions {
  dataDir: string;
  port: number;
  /** Interface to listen on; default all interfaces so LAN screens can reach the host. */
  host?: string;
  log: Log;
  version: string;
  /** Built renderer (dist/renderer). */
  staticDir: string;
  /** Shipped resources (audio clips, fonts…). */
  resourcesDir: string;
  now?: () => number;
  adminPassword?: string;
  seedAlwaysOpen?: boolean;
  backups?: boolean;
  /** Tickets per minute one LAN client may take (burst of half that); 0 disables. Default 30. */
  issueRatePerMinute?: number;
  /** How often time-driven state (close of day, opening hours, wait alerts) is re-evaluated; default 10 s. */
  timeTickMs?: number;
  /** A better_sqlite3.node to load instead of the one under node_modules (MOTCUA_SQLITE_ADDON). */
  sqliteAddon?: string;
}

/** A device or service started alongside the host (printer, LED boards, announcer). */
export type HostExtension = (host: Host) => Promise<(() => Promise<void>) | void> | (() => Promise<void>) | void;

export interface Host {
  db: Database.Database;
  queue: QueueService;
  auth: AuthService;
  handlers: Handlers;
  hub: EventHub;
  printing: TicketPrinting;
  server: http.Server;
  port: number;
  dataDir: string;
  log: Log;
  /** Send any JSON message (e.g. an announcement) to every connected screen. */
  broadcast(message: unknown): void;
  use(extension: HostExtension): Promise<void>;
  close(): Promise<void>;
}

/**
 * The forecast is redone right after each change, once the answer to the request that made it
 * has gone out: kiosks and phones refetching on the event then read it from the cache.
 */
function refreshEtaAfterChanges(queue: QueueService, log: Log): () => void {
  let pending: NodeJS.Immediate | null = null;
  const stop = queue.onEvent(() => {
    pending ??= setImmediate(() => {
      pending = null;
      try {
        queue.eta.refresh(queue.now());
      } catch (e) {
        log({ level: 'error', msg: 'ETA refresh failed', error: String(e) });
      }
    });
  });
  return () => {
    stop();
    if (pending) clearImmediate(pending);
  };
}

function lanAddress(): string {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return 'localhost';
}

export async function startHost(o: HostOptions): Promise<Host> {
  fs.mkdirSync(o.dataDir, { recursive: true });
  const backupDir = path.join(o.dataDir, 'backups');
  const restoredFrom = applyPendingRestore(o.dataDir, undefined, (o.now ?? Date.now)());
  if (restoredFrom) o.log({ level: 'warn', msg: 'restored the database from an uploaded backup', previousKeptAt: restoredFrom });
  const db = openDatabase({ file: path.join(o.dataDir, 'motcua.sqlite'), backupDir, sqliteAddon: o.sqliteAddon });
  if (seedIfEmpty(db, { adminPassword: o.adminPassword ?? 'motcua-admin', alwaysOpen: o.seedAlwaysOpen })) {
    o.log({ level: 'info', msg: 'first run: seeded the sample ward office', dataDir: o.dataDir });
  }
  const queue = new QueueService({ db, now: o.now });
  const auth = new AuthService(db, queue);
  let port = o.port;
  const trackUrl = (id: string) => `${(queue.settings.get().publicBaseUrl || `http://${lanAddress()}:${port}`).replace(/\/$/, '')}/t/${id}`;
  const hub = new EventHub(() => ({ type: 'hello', lastEventSeq: queue.views.display().lastEventSeq }));
  const printing = new TicketPrinting(queue, queue.settings, trackUrl, (m) => hub.broadcast(m), o.log);
  const outputs = new CallOutputs(queue, (m) => hub.broadcast(m), o.log);
  const reports = new ReportQueries(db, () => queue.settings.get(), queue.now);
  const admin = new OfficeAdmin(queue);
  const handlers = createHandlers({ queue, auth, version: o.version, trackUrl, printing, outputs, admin, reports });
  queue.onEvent((e) => {
    hub.broadcast(e);
    o.log({ level: 'info', msg: e.type, seq: e.seq, ticket: e.ticket?.number, counter: e.counter?.number });
  });
  // Before the server listens: a host that was off at midnight closes the day before anyone is served.
  const stopTimeWatch = new TimeWatch({ queue, alerts: (now) => admin.alerts(now), broadcast: (m) => hub.broadcast(m), log: o.log }).start(o.timeTickMs ?? TIME_TICK_MS);
  for (const r of queue.counterRepairs) o.log({ level: 'warn', msg: 'running counter disagreed with the tickets; recounted', ...r });
  const stopEtaRefresh = refreshEtaAfterChanges(queue, o.log);
  const perMinute = o.issueRatePerMinute ?? 30;
  const downloads = createReportDownloads(auth, reports, () => queue.settings.get());
  const adminFiles = createAdminFiles(auth, db, o.dataDir, { keep: () => queue.settings.get().backupKeep, timeZone: () => queue.settings.get().timeZone, now: queue.now });
  const api = createApiHandler(handlers, auth, o.log, new RateLimiter(perMinute, Math.max(1, Math.ceil(perMinute / 2))));
  const mounts: StaticMount[] = [{ prefix: '/audio/', dirs: [path.join(o.dataDir, 'audio'), path.join(o.resourcesDir, 'audio')] }];

  const server = http.createServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://host');
    } catch {
      return sendError(res, 'BAD_REQUEST');
    }
    if (url.pathname.startsWith('/api/')) {
      void downloads(req, res, url)
        .then(async (handled) => handled || (await adminFiles(req, res, url)))
        .then((handled) => (handled ? undefined : api(req, res, url)))
        .catch((e: unknown) => {
          o.log({ level: 'error', msg: 'request failed', path: url.pathname, error: String(e) });
          if (!res.headersSent) sendError(res, 'INTERNAL');
        });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 'METHOD_NOT_ALLOWED');
    if (serveMounted(mounts, url.pathname, req.method, res)) return;
    const file = safeResolve(o.staticDir, url.pathname);
    if (file === null) return sendError(res, 'NOT_FOUND');
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data: blob:; media-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'",
    );
    if (sendFile(res, file, req.method)) return;
    // Single-page app: unknown non-file paths get the app shell; missing assets are real 404s.
    if (!path.extname(url.pathname) && sendFile(res, path.join(o.staticDir, 'index.html'), req.method)) return;
    if (!path.extname(url.pathname)) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(PLACEHOLDER_PAGE);
      return;
    }
    sendError(res, 'NOT_FOUND');
  });
  server.on('upgrade', (req, socket, head) => {
    const pathname = (req.url ?? '').split('?')[0];
    if (pathname === '/api/events') hub.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 70_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host ?? '0.0.0.0', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  const stopBackups = o.backups === false
    ? () => undefined
    : startBackupSchedule({
        db,
        dir: backupDir,
        hour: () => queue.settings.get().backupHour,
        keep: () => queue.settings.get().backupKeep,
        timeZone: () => queue.settings.get().timeZone,
        now: queue.now,
        log: o.log,
      });

  const stopWarmup = o.backups === false ? () => undefined : startReportWarmup(reports, () => queue.settings.get(), queue.now);
  const closers: (() => Promise<void>)[] = [];
  let closed = false;
  const host: Host = {
    db,
    queue,
    auth,
    handlers,
    hub,
    printing,
    server,
    port,
    dataDir: o.dataDir,
    log: o.log,
    broadcast: (m) => hub.broadcast(m),
    async use(ext) {
      const closer = await ext(host);
      if (closer) closers.push(closer);
    },
    async close() {
      if (closed) return;
      closed = true;
      stopTimeWatch();
      stopBackups();
      stopWarmup();
      stopEtaRefresh();
      for (const c of closers.reverse()) await c().catch((e) => o.log({ level: 'error', msg: 'extension close failed', error: String(e) }));
      await printing.close();
      await outputs.close();
      await hub.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      db.close();
    },
  };
  return host;
}
