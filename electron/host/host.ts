import { NamePurge } from './checkin/namePurge';
import { Appointments } from './appointments/appointments';
import { BookingOfferSource } from './appointments/bookingOffer';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type Database from 'better-sqlite3';
import { AuthService } from './auth/authService';
import { startBackupSchedule } from './db/backupScheduler';
import { openDatabase } from './db/openDatabase';
import { latestBackup } from './db/backup';
import { startWalCheckpointer } from './db/walCheckpointer';
import { lockDataDir } from './db/dataDirLock';
import { seedIfEmpty } from './db/seed';
import type { Log } from './logger';
import { QueueService } from './queue/queueService';
import { createHandlers } from './server/apiHandlers';
import type { Handlers } from './server/apiHandlers';
import { EventHub } from './server/eventHub';
import type { Audience } from './server/eventHub';
import { OfficeAdmin } from './admin/officeAdmin';
import { CallOutputs } from './devices/callOutputs';
import { ReportQueries } from './reports/reportQuery';
import { verifyRecentRollups } from './reports/rollupCheck';
import type { TicketPrinting } from './devices/ticketPrinting';
import { PrinterFleet } from './devices/printerFleet';
import { PrintAgentHub } from './devices/printAgentHub';
import { PRINT_AGENT_PATH } from '../../shared/printAgentProtocol';
import { createApiHandler, deviceToken, refuseEarly, sendError } from './server/httpApi';
import { DeviceRegistry } from './auth/deviceRegistry';
import { PairingGuard } from './auth/pairingGuard';
import { SecurityAlerts } from './auth/securityAlerts';
import { OfficeSetup } from './auth/officeSetup';
import { PinHasher } from './auth/pinHasher';
import { publicMessage } from '../../shared/api/publicViews';
import { ownHostNames } from './server/hostNames';
import { judgeOrigin } from './server/requestOrigin';
import { resolveSpoolPath, SPOOL_DIR, transportProblem } from './printer/transportPolicy';
import { AppError } from '../../shared/errors';
import { createReportDownloads } from './server/reportDownloads';
import { applyPendingRestore, createAdminFiles } from './server/adminFiles';
import { createFileRouteAccess } from './server/fileRouteAccess';
import { RateLimiter } from '../../shared/rateLimiter';
import { PLACEHOLDER_PAGE, safeResolve, sendFile, serveMounted } from './server/staticFiles';
import { VoiceStore } from './announcer/voiceStore';
import { LangStore } from './lang/langStore';
import { VOICE_PREFIX, serveVoice } from './server/voiceFiles';
import type { StaticMount } from './server/staticFiles';
import { TimeWatch } from './timeWatch';
import { OutboxReader } from './province/outboxReader';
import { ProvinceLinkFile } from './province/provinceLinkFile';
import { ProvinceAdmin } from './province/provinceAdmin';
import { CatalogueApply } from './province/catalogueApply';
import { CatalogueCopy } from './province/catalogueCopy';
import { officeExtras } from './province/officeExtras';
import { startProvinceSync } from './province/provinceSync';
import { ticketTrackUrl } from './province/ticketTrackUrl';
import { SpeakerStatus } from './health/speakerStatus';
import { HelpDesk } from './admin/helpDesk';
import { OfficeDirectorySource } from './province/officeDirectory';
import type { ProvinceSync } from './province/provinceSync';
import { playEtaInBackground } from './etaSchedule';
import { TrackingFeed } from './server/trackingFeed';
import { cachedLanAddress, linkAddress } from './server/lanAddress';
import { warmContract } from './server/warmContract';
import { newCheckCode } from './queue/ticketId';
import { ConnectionGate } from './server/connectionGate';
import { AnonymousStreams } from './server/anonymousStreams';
import { socketLimits } from './server/socketLimits';
import type { SocketLimits } from './server/socketLimits';
import { openFileLimit } from './server/openFileLimit';
import { NumberRecovery, recordRestore, recoveryDirs } from './recovery/numberRecovery';
import { HealthReport } from './health/healthReport';

const TICKET_ID = /^[A-Za-z0-9]{8,32}$/;

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
  /** Scripted installs and tests: the admin password set at first start (otherwise: the setup page). */
  adminPassword?: string;
  /** Scripted installs, tests and benches: the sample officers' PINs at first start. */
  officerPins?: readonly string[];
  seedAlwaysOpen?: boolean;
  /** Which sample a fresh data folder is seeded with (MOTCUA_SEED): the ward office by default. */
  seedSample?: 'ward' | 'centre';
  backups?: boolean;
  /** Tickets per minute one LAN client may take (burst of half that); 0 disables. Default 30. */
  issueRatePerMinute?: number;
  /** How often time-driven state (close of day, opening hours, wait alerts) is re-evaluated; default 10 s. */
  timeTickMs?: number;
  /** How often an idle province link looks for new events to push (ms); 1 s by default. */
  provinceIdleMs?: number;
  /** How long an idle province link waits before pushing its health alone (ms); a minute by default. */
  provinceHeartbeatMs?: number;
  /** How often the province's catalogue is asked for when no push answer says it changed (ms); 5 minutes by default. */
  provinceCataloguePollMs?: number;
  /** A better_sqlite3.node to load instead of the one under node_modules (MOTCUA_SQLITE_ADDON). */
  sqliteAddon?: string;
  /** Tests and benches: socket caps other than those cut from the open-file limit. */
  socketLimits?: Partial<SocketLimits>;
  /** Health calls the data folder's disk low below this many free bytes (MOTCUA_DISK_LOW_MB). */
  diskLowBytes?: number;
  /** How often an idle Modbus LED board is asked whether it is there; default 15 s. */
  boardProbeMs?: number;
}

/** A device or service started alongside the host (printer, LED boards, announcer). */
export type HostExtension = (host: Host) => Promise<(() => Promise<void>) | void> | (() => Promise<void>) | void;

export interface Host {
  db: Database.Database;
  queue: QueueService;
  auth: AuthService;
  devices: DeviceRegistry;
  setup: OfficeSetup;
  /** Before first-time setup: the one-time setup link to print (and open on the host PC). */
  setupUrl: string | null;
  handlers: Handlers;
  hub: EventHub;
  printing: TicketPrinting;
  printers: PrinterFleet;
  /** The push to the province hub (#29): `kick()` sends now instead of after the backoff. */
  province: ProvinceSync;
  appointments: Appointments;
  server: http.Server;
  port: number;
  dataDir: string;
  log: Log;
  /** The office's own recorded voice (#31): the Electron shell serves its clips too. */
  voice: VoiceStore;
  /** Send any JSON message (e.g. an announcement) to every connected screen. */
  broadcast(message: unknown): void;
  use(extension: HostExtension): Promise<void>;
  close(): Promise<void>;
}

// Real time, not the queue's clock: a test that moves the office's day has not moved the LAN.
const lanAddress = cachedLanAddress();

export async function startHost(o: HostOptions): Promise<Host> {
  fs.mkdirSync(o.dataDir, { recursive: true });
  const unlock = lockDataDir(o.dataDir);
  try {
    return await startLockedHost(o, unlock);
  } catch (e) {
    unlock();
    throw e;
  }
}

async function startLockedHost(o: HostOptions, unlock: () => void): Promise<Host> {
  const backupDir = path.join(o.dataDir, 'backups');
  const restoredFrom = applyPendingRestore(o.dataDir, undefined, (o.now ?? Date.now)());
  if (restoredFrom) o.log({ level: 'warn', msg: 'restored the database from an uploaded backup', previousKeptAt: restoredFrom });
  const file = path.join(o.dataDir, 'motcua.sqlite');
  const db = openDatabase({ file, backupDir, sqliteAddon: o.sqliteAddon });
  // A backup is from before the numbers handed out since: numbering waits for the admin (#27).
  if (restoredFrom) recordRestore(db, restoredFrom, (o.now ?? Date.now)());
  const checkpoints = startWalCheckpointer(db, { log: o.log });
  // A failure from here on must not leave the database open (the caller releases the lock).
  try {
    return await startOnDatabase(o, db, async () => {
      checkpoints.stop();
      db.close();
      unlock();
    });
  } catch (e) {
    checkpoints.stop();
    db.close();
    throw e;
  }
}

async function startOnDatabase(o: HostOptions, db: Database.Database, closeDatabase: () => Promise<void>): Promise<Host> {
  const backupDir = path.join(o.dataDir, 'backups');
  const pinHasher = PinHasher.forDataDir(o.dataDir);
  if (seedIfEmpty(db, { adminPassword: o.adminPassword, officerPins: o.officerPins, pinHasher, alwaysOpen: o.seedAlwaysOpen, sample: o.seedSample })) {
    o.log({ level: 'info', msg: `first run: seeded the sample ${o.seedSample === 'centre' ? 'provincial centre' : 'ward office'}`, dataDir: o.dataDir });
  }
  const queue = new QueueService({ db, now: o.now });
  const appointments = new Appointments(queue);
  // A damaged write-ahead log found at open (#27): no number until the admin confirms the last ones.
  const recovery = new NumberRecovery(queue.ctx, recoveryDirs(o.dataDir));
  queue.issuer.refuseWhile(() => recovery.refusal());
  const damage = recovery.damaged();
  if (damage) {
    o.log({ level: 'error', msg: 'database damaged: numbers are refused until the admin confirms the last numbers handed out (Admin → status line)', reason: damage.reason, detail: damage.detail, walCopy: damage.walCopy, latestBackup: latestBackup(path.join(o.dataDir, 'backups')) });
  }
  const devices = new DeviceRegistry(db, queue.now);
  const auth = new AuthService(db, queue, pinHasher, (deviceKey, failures, right) => {
    // The admin's devices tab shows the count (pin_attempts); the log keeps the moment.
    o.log({ level: 'warn', msg: right ? 'right PIN after wrong ones' : 'repeated wrong PINs', device: deviceKey, failures });
  });
  const securityAlerts = new SecurityAlerts(db);
  const pairing = new PairingGuard(devices, securityAlerts, queue.now, (failures, voided) => {
    o.log({ level: 'warn', msg: 'pairing codes swept: every live code voided', failures, voided });
  });
  const setup = new OfficeSetup(db, queue.settings, devices, pinHasher, queue.now);
  const linkHost = linkAddress(o.host, lanAddress);
  let port = o.port;
  const ownBase = () => `http://${linkHost()}:${port}`;
  const provinceLinks = new ProvinceLinkFile(o.dataDir);
  const trackUrl = ticketTrackUrl({ officeBase: () => queue.settings.get().publicBaseUrl || ownBase(), link: () => provinceLinks.read() });
  const hub = new EventHub(() => ({ type: 'hello', lastEventSeq: queue.views.lastEventSeq() }), publicMessage);
  const agents = new PrintAgentHub(o.log);
  const printers = new PrinterFleet({ queue, settings: queue.settings, trackUrl, broadcast: (m) => hub.broadcast(m), log: o.log, agents });
  const printing = printers.host;
  devices.onRevoked((id) => {
    hub.closeDevice(id);
    void printers.forget(id);
  });
  const voice = new VoiceStore(path.join(o.dataDir, 'audio'), queue.catalogue);
  const lang = new LangStore(o.dataDir);
  const outputs = new CallOutputs(queue, (m) => hub.broadcast(m), o.log, o.boardProbeMs, () => voice.revision());
  const reports = new ReportQueries(db, () => queue.settings.get());
  // Recomputed now and then: a laptop host may change Wi-Fi, the admin may set a public URL.
  let names = { at: 0, set: new Set<string>() };
  const ownNames = () => {
    const t = Date.now();
    if (t - names.at > 30_000) {
      const extra = [queue.settings.get().publicBaseUrl, ...(process.env.MOTCUA_ALLOWED_HOSTS ?? '').split(',')].filter(Boolean);
      names = { at: t, set: ownHostNames(extra) };
    }
    return names.set;
  };
  const originProblem = (req: http.IncomingMessage): AppError | null => {
    const verdict = judgeOrigin(req, ownNames());
    if (verdict === 'ok') return null;
    return new AppError('FORBIDDEN', verdict === 'foreign-host' ? 'Tên máy chủ không được phép' : 'Yêu cầu từ trang khác bị từ chối');
  };
  fs.mkdirSync(path.join(o.dataDir, SPOOL_DIR), { recursive: true });
  const isAgentDevice = (id: number) => {
    const dv = devices.get(id);
    return dv?.role === 'kiosk' && !dv.revokedAt;
  };
  const printerTransportProblem = (t: Parameters<typeof transportProblem>[0]) => transportProblem(t, { dataDir: o.dataDir, ownNames: ownNames(), ownPort: port, isAgentDevice });
  const admin = new OfficeAdmin(queue);
  const speakers = new SpeakerStatus();
  const help = new HelpDesk(() => hub.broadcast({ type: 'help.changed', at: queue.now() }));
  const onlineDevices = () => new Set([...hub.connectedDevices(), ...agents.connectedDevices()]);
  const health = new HealthReport({ db, ctx: queue.ctx, recovery, dataDir: o.dataDir, printers: () => printers.health(), boards: () => outputs.boardStatus(), speakers: () => speakers.list(onlineDevices()), diskLowBytes: o.diskLowBytes });
  const outbox = new OutboxReader(db);
  const catalogueCopy = new CatalogueCopy(db);
  // The province hub (#29): pushed to while a link exists (province-link.json); never waited for.
  const province = startProvinceSync({
    links: provinceLinks,
    outbox,
    log: o.log,
    idleMs: o.provinceIdleMs,
    heartbeatMs: o.provinceHeartbeatMs,
    // The office's own clock, as its events carry: the hub measures how far it is from its own.
    now: queue.now,
    health: () => health.view({ version: o.version, time: queue.now() }, true),
    extras: officeExtras({ db, backupDir: path.join(o.dataDir, 'backups'), appliedCatalogue: () => catalogueCopy.appliedVersion() }),
    catalogue: catalogueCopy,
    cataloguePollMs: o.provinceCataloguePollMs,
    directory: new OfficeDirectorySource(db, () => queue.settings.get().timeZone),
    bookings: new BookingOfferSource(appointments),
  });

  const provinceAdmin = new ProvinceAdmin(provinceLinks, outbox, province, catalogueCopy, new CatalogueApply(queue, catalogueCopy));
  const handlers = createHandlers({ health, speakers, help, recovery, queue, auth, version: o.version, trackUrl, printers, outputs, admin, reports, printerTransportProblem, spoolPath: (p) => resolveSpoolPath(o.dataDir, p), devices, pairing, securityAlerts, setup, baseUrl: ownBase, onlineDevices, province: provinceAdmin, voice, lang, appointments });
  // A transport saved before these rules (or planted by a restored file) is not used.
  printers.refuseStored((t) => transportProblem(t, { dataDir: o.dataDir, ownNames: ownNames(), ownPort: port, absentDeviceOk: true, isAgentDevice }));
  queue.onEvent((e) => {
    hub.broadcast(e);
    // Service and day with the number: the evidence a damaged database is recovered from (recovery/logEvidence.ts).
    o.log({ level: 'info', msg: e.type, seq: e.seq, ticket: e.ticket?.number, service: e.ticket?.serviceId, day: e.ticket?.businessDay, counter: e.counter?.number });
  });
  // Before the server listens: a host that was off at midnight closes the day before anyone is served.
  const stopTimeWatch = new TimeWatch({ queue, alerts: (now) => admin.alerts(now), skipsReady: () => queue.views.skipsReady(), pendingRatings: () => queue.ratings.pendingKey(), broadcast: (m) => hub.broadcast(m), log: o.log }).start(o.timeTickMs ?? TIME_TICK_MS);
  for (const r of queue.counterRepairs) o.log({ level: 'warn', msg: 'running counter disagreed with the tickets; recounted', ...r });
  for (const r of verifyRecentRollups(db, queue.now(), queue.settings.get())) o.log({ level: 'warn', msg: 'report rollup disagreed with the tickets; rebuilt', ...r });
  const tracking = new TrackingFeed(queue, hub);
  const stopEtaRefresh = playEtaInBackground(queue, o.log, () => {
    hub.broadcast({ type: 'eta.changed', at: queue.now() });
    tracking.played();
  });
  const perMinute = o.issueRatePerMinute ?? 30;
  const fileAccess = createFileRouteAccess(devices, auth);
  const downloads = createReportDownloads(fileAccess, reports, () => queue.settings.get());
  const adminFiles = createAdminFiles(fileAccess, db, o.dataDir, { keep: () => queue.settings.get().backupKeep, timeZone: () => queue.settings.get().timeZone, now: queue.now });
  const api = createApiHandler(handlers, auth, o.log, {
    devices,
    setup,
    phonesMayTakeNumber: () => queue.settings.get().phonesMayTakeNumber,
    issueLimiter: new RateLimiter(perMinute, Math.max(1, Math.ceil(perMinute / 2))),
    phoneIssueLimiter: new RateLimiter(2, 2),
    phoneIssueOverall: new RateLimiter(20, 10),
  });
  // An office's own clips first (a recording, a file copied in by hand), then the shipped set.
  const audioDirs = [path.join(o.dataDir, 'audio'), path.join(o.resourcesDir, 'audio')];
  const mounts: StaticMount[] = [{ prefix: '/audio/', dirs: audioDirs }];
  // Sockets are open files: the caps are cut from this process's limit (issue #27).
  const openFiles = openFileLimit();
  const limits = socketLimits(openFiles?.soft ?? null, o.socketLimits);
  // Where an office can see what its host was given (a service manager may set a low limit).
  o.log({ level: 'info', msg: 'socket caps', openFiles: openFiles?.soft ?? null, openFilesHard: openFiles?.hard ?? null, ...limits });
  const showsDevice = (req: http.IncomingMessage) => {
    const token = deviceToken(req);
    return token !== undefined && devices.identify(token, req.socket.remoteAddress ?? null) !== null;
  };
  const gate = new ConnectionGate(limits, showsDevice, (count) => o.log({ level: 'warn', msg: 'connections refused: socket caps reached', count }));
  const anonymousStreams = new AnonymousStreams(limits.eventStreams, limits.eventStreamsPerAddress);
  const refuseUpgrade = (socket: Duplex) => socket.end('HTTP/1.1 503 Service Unavailable\r\nRetry-After: 10\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  /** An event stream for a caller that is no enrolled device, within the anonymous caps. */
  const anonymousUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer, audience: Audience) => {
    const release = anonymousStreams.open(req.socket.remoteAddress ?? '?');
    if (!release) return refuseUpgrade(socket);
    socket.once('close', release);
    hub.handleUpgrade(req, socket, head, audience);
  };

  const server = http.createServer((req, res) => {
    if (!gate.admit(req)) return sendError(res, 'TOO_MANY_CONNECTIONS', undefined, undefined, { Connection: 'close', 'Retry-After': '10' });
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://host');
    } catch {
      return sendError(res, 'BAD_REQUEST');
    }
    if (url.pathname.startsWith('/api/')) {
      // Cross-site and DNS-rebinding guard on every API request, reads included: a rebinding page
      // shares our address but not our name, and a GET it may send would let it read the API.
      const refused = originProblem(req);
      if (refused) return refuseEarly(req, res, refused);
      void downloads(req, res, url)
        .then(async (handled) => handled || (await adminFiles(req, res, url)))
        .then((handled) => (handled ? undefined : api(req, res, url)))
        .catch((e: unknown) => {
          o.log({ level: 'error', msg: 'request failed', path: url.pathname.slice(0, 200), error: String(e).slice(0, 500) });
          if (!res.headersSent) sendError(res, 'INTERNAL');
        });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 'METHOD_NOT_ALLOWED');
    const enc = String(req.headers['accept-encoding'] ?? '');
    const inm = req.headers['if-none-match'];
    if (url.pathname.startsWith(VOICE_PREFIX)) return serveVoice(voice, audioDirs, url.pathname, req.method, res, enc, inm) || sendError(res, 'NOT_FOUND');
    if (serveMounted(mounts, url.pathname, req.method, res, enc, inm)) return;
    const file = safeResolve(o.staticDir, url.pathname);
    if (file === null) return sendError(res, 'NOT_FOUND');
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' ws: wss:; img-src 'self' data: blob:; media-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'",
    );
    if (sendFile(res, file, req.method, enc, inm)) return;
    // Single-page app: unknown non-file paths get the app shell; missing assets are real 404s.
    if (!path.extname(url.pathname) && sendFile(res, path.join(o.staticDir, 'index.html'), req.method, enc, inm)) return;
    if (!path.extname(url.pathname)) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(PLACEHOLDER_PAGE);
      return;
    }
    sendError(res, 'NOT_FOUND');
  });
  gate.attach(server);
  server.on('upgrade', (req, socket, head) => {
    if (!gate.admit(req)) return refuseUpgrade(socket);
    const [pathname, query] = (req.url ?? '').split('?');
    if (pathname === PRINT_AGENT_PATH && !originProblem(req)) {
      // A print agent signs in as the kiosk whose printer it drives.
      const agent = devices.identify(deviceToken(req), req.socket.remoteAddress ?? null);
      if (agent?.role !== 'kiosk') {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      agents.handleUpgrade(req, socket, head, agent.id);
      return;
    }
    if (pathname !== '/api/events' || originProblem(req)) {
      socket.destroy();
      return;
    }
    // A phone's tracking page follows its own ticket only (the id is the key it already holds).
    const track = new URLSearchParams(query ?? '').get('track');
    if (track !== null) {
      if (!TICKET_ID.test(track) || !queue.ctx.ticketById.get(track)) {
        socket.destroy();
        return;
      }
      // Counted as anonymous whoever opens it: it carries nothing a device needs.
      anonymousUpgrade(req, socket, head, { deviceId: null, trackTicketId: track });
      return;
    }
    // Enrolled devices hear staff detail; everyone else the public view (no ids).
    const device = devices.identify(deviceToken(req), req.socket.remoteAddress ?? null);
    if (device) hub.handleUpgrade(req, socket, head, { deviceId: device.id });
    else anonymousUpgrade(req, socket, head, { deviceId: null });
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 70_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host ?? '0.0.0.0', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  // First-use costs, paid now instead of by the first citizen's tap (#14 profiled a fresh host's
  // first issue at ≈ 50 ms against ≈ 5 after): the OS's interface list for the QR's address,
  // OpenSSL's first random numbers, and zod's compiled parsers. Nothing here writes or keeps state
  // beyond the address cache, so a host closed meanwhile loses nothing.
  lanAddress();
  newCheckCode();
  void warmContract().catch(() => undefined);

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

  const stopNamePurge = new NamePurge(db, () => queue.settings.get().checkin.nameRetentionDays, queue.now).start(o.log);
  const stopMissedSweep = appointments.startSweep(o.log);

  const closers: (() => Promise<void>)[] = [];
  let closed = false;
  const setupToken = setup.issueToken();
  const host: Host = {
    db,
    queue,
    auth,
    devices,
    setup,
    setupUrl: setupToken ? `${ownBase()}/setup?token=${setupToken}` : null,
    handlers,
    hub,
    printing,
    printers,
    province,
    appointments,
    server,
    port,
    dataDir: o.dataDir,
    log: o.log,
    voice,
    broadcast: (m) => hub.broadcast(m),
    async use(ext) {
      const closer = await ext(host);
      if (closer) closers.push(closer);
    },
    async close() {
      if (closed) return;
      closed = true;
      stopTimeWatch();
      await province.stop();
      stopBackups();
      stopNamePurge();
      stopMissedSweep();
      stopEtaRefresh();
      tracking.close();
      for (const c of closers.reverse()) await c().catch((e) => o.log({ level: 'error', msg: 'extension close failed', error: String(e) }));
      await printers.close();
      agents.close();
      await outputs.close();
      await hub.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await closeDatabase();
    },
  };
  return host;
}
