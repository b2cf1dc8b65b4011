import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { HUB_STALE_MS } from '../shared/hubBoard';
import { HubAccess } from './auth/hubAccess';
import { HubSessions } from './auth/hubSessions';
import { HubSetup } from './auth/hubSetup';
import { HubSignIn } from './auth/hubSignIn';
import { HubUsers } from './auth/hubUsers';
import { CatalogueStore } from './catalogue/catalogueStore';
import { OfficeExtrasStore } from './catalogue/officeExtrasStore';
import { boardRows } from './board/boardQuery';
import { BoardSockets } from './board/boardSockets';
import { EventsListener } from './board/eventsListener';
import { officePage } from './board/officePage';
import { EventPartitions } from './db/eventPartitions';
import { openHubDatabase } from './hubDatabase';
import type { HubDatabase } from './hubDatabase';
import { BatchApplier } from './ingest/batchApplier';
import { OfficeAlertSettings } from './offices/officeAlertSettings';
import { OfficeRegistry } from './offices/officeRegistry';
import { hubStaticFiles } from './server/hubStatic';
import { createHubServer } from './server/hubHttp';
import { catalogueRoutes } from './server/catalogueRoutes';
import { officeLinkRoutes } from './server/officeLinkRoutes';
import { OfficeCredentials } from './server/officeCredential';
import { provinceAdminRoutes } from './server/provinceAdminRoutes';
import { provinceAuthRoutes } from './server/provinceAuthRoutes';
import { provinceBoardRoutes } from './server/provinceBoardRoutes';
import { provinceReportRoutes } from './server/provinceReportRoutes';
import { crossOfficeReport } from './reports/crossOfficeReport';
import { BookingDesk } from './booking/bookingDesk';
import { BookingBudgets, DEFAULT_BOOKING_LIMITS } from './booking/bookingLimits';
import type { BookingLimits } from './booking/bookingLimits';
import { hubSecret } from './booking/hubSecret';
import { heldOfferVersion } from './booking/bookingOfferStore';
import { PublicOffers } from './booking/publicOffers';
import { bookingPullRoutes } from './server/bookingPullRoutes';
import { publicBookingRoutes } from './server/publicBookingRoutes';
import { reportWorkbook } from './reports/reportWorkbook';
import { bookingReport } from './reports/bookingReport';

/** The screens as `npm run build:renderer` leaves them. */
export const DEFAULT_HUB_SCREENS = fileURLToPath(new URL('../dist/renderer', import.meta.url));

export interface HubOptions {
  port: number;
  host?: string;
  databaseUrl?: string;
  dataDir?: string;
  log?: (e: Record<string, unknown>) => void;
  now?: () => number;
  /** The province's time zone: when its business day turns (default Asia/Ho_Chi_Minh). */
  timeZone?: string;
  /** The built screens' folder (default dist/renderer). */
  screensDir?: string;
  /** How long without a push or heartbeat before the board calls an office stale (default 2.5 minutes). */
  staleMs?: number;
  /** Board socket caps other than the defaults (tests of the caps). */
  boardLimits?: { sockets?: number; bufferedBytes?: number };
  /** The address people open the hub at, for the printed setup link (default http://HOST:PORT). */
  publicUrl?: string;
  /** Reverse proxies in front of the hub (`--trusted-proxy`): their X-Forwarded-For names the caller. */
  trustedProxies?: readonly string[];
  /** Booking from home: how much one address, phone, office and the province may book a day (defaults in bookingLimits.ts). */
  bookingLimits?: Partial<BookingLimits>;
}

export interface Hub {
  port: number;
  db: HubDatabase;
  offices: OfficeRegistry;
  signIn: HubSignIn;
  board: BoardSockets;
  /** While the hub has no user: the one-time link that makes the first province admin. */
  setupUrl: string | null;
  catalogue: CatalogueStore;
  /** What each office last said beyond its health: devices' last contact, last backup, catalogue version. */
  extras: OfficeExtrasStore;
  close(): Promise<void>;
}

/** The province hub's composition root: database, offices, ingest, people, board, HTTP routes. Nothing else lives here. */
export async function startHub(o: HubOptions): Promise<Hub> {
  const log = o.log ?? ((e) => process.stdout.write(JSON.stringify(e) + '\n'));
  const now = o.now ?? Date.now;
  const timeZone = o.timeZone ?? 'Asia/Ho_Chi_Minh';
  const staleMs = o.staleMs ?? HUB_STALE_MS;
  const db = await openHubDatabase({ databaseUrl: o.databaseUrl, dataDir: o.dataDir, log: (line) => log({ level: 'debug', msg: 'postgres', line }) });
  const offices = new OfficeRegistry(db.pool, o.now);
  const applier = new BatchApplier(db.pool, new EventPartitions(), o.now);
  const users = new HubUsers(db.pool);
  const sessions = new HubSessions(db.pool, now);
  const access = new HubAccess(sessions);
  const setup = new HubSetup(db.pool, users, now);
  const signIn = new HubSignIn(db.pool, users, now);
  const rows = (only: string[] | null) => boardRows(db.pool, { now: now(), timeZone, offices: only });
  const board = new BoardSockets({ access, rows, now, staleMs, limits: o.boardLimits, log });
  const listener = new EventsListener(db.url, (id) => board.officeChanged(id), () => board.refreshAll(), log);
  await listener.start();
  const credentials = new OfficeCredentials(offices, db.pool, now);
  const catalogue = new CatalogueStore(db.pool);
  const extras = new OfficeExtrasStore(db.pool, now);
  const bookingDesk = new BookingDesk(db.pool, new BookingBudgets(db.pool, { ...DEFAULT_BOOKING_LIMITS, ...o.bookingLimits }, now), await hubSecret(db.pool, 'booking'), now);
  const server: http.Server = createHubServer({
    routes: [
      officeLinkRoutes({
        db: db.pool,
        offices,
        credentials,
        applier,
        afterPush: async (officeId, batch) => {
          if (batch.extras) await extras.record(officeId, batch.extras, batch.sentAt);
        },
        catalogueVersion: () => catalogue.latestVersion(),
        bookingOfferVersion: (officeId) => heldOfferVersion(db.pool, officeId),
        ...(o.publicUrl && /^https?:\/\//.test(o.publicUrl) ? { publicUrl: o.publicUrl.replace(/\/+$/, '') } : {}),
        log,
        now,
      }),
      catalogueRoutes({ credentials, catalogue }),
      bookingPullRoutes({ db: db.pool, credentials }),
      publicBookingRoutes({ db: db.pool, offers: new PublicOffers(db.pool, now), desk: bookingDesk, now }),
      provinceAuthRoutes({ setup, sessions, signIn, access, signedOut: (id) => board.closeUser(id), log }),
      provinceAdminRoutes({ access, users, offices, officeSettings: new OfficeAlertSettings(db.pool), passwordReset: (id) => board.closeUser(id), log }),
      provinceReportRoutes({ access, report: (q) => crossOfficeReport(db.pool, q), workbook: reportWorkbook, bookings: (q) => bookingReport(db.pool, q) }),
      provinceBoardRoutes({ access, rows, officePage: (id) => officePage(db.pool, { officeId: id, now: now(), timeZone, extras: (x) => extras.get(x) }), now, staleMs }),
    ],
    files: hubStaticFiles(o.screensDir ?? DEFAULT_HUB_SCREENS),
    upgrade: (req, socket, head) => board.handleUpgrade(req, socket, head),
    trustedProxies: o.trustedProxies,
    log,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  log({ level: 'info', msg: 'hub listening', port });
  const token = await setup.issueToken();
  const setupUrl = token ? `${o.publicUrl ?? `http://${o.host ?? '127.0.0.1'}:${port}`}/hub/setup?token=${token}` : null;
  // The only way in on a new hub: printed once per start, to whoever runs it.
  if (setupUrl) log({ level: 'info', msg: 'hub setup link (one use, 24 h): open it to choose the first province admin', setupUrl });
  return {
    port,
    db,
    offices,
    signIn,
    board,
    setupUrl,
    catalogue,
    extras,
    close: async () => {
      await listener.close();
      await board.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
