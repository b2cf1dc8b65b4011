import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventPartitions } from './db/eventPartitions';
import { openHubDatabase } from './hubDatabase';
import type { HubDatabase } from './hubDatabase';
import { BatchApplier } from './ingest/batchApplier';
import { OfficeRegistry } from './offices/officeRegistry';
import { createHubServer } from './server/hubHttp';
import { officeLinkRoutes } from './server/officeLinkRoutes';
import { CatalogueStore } from './catalogue/catalogueStore';
import { OfficeExtrasStore } from './catalogue/officeExtrasStore';
import { catalogueRoutes } from './server/catalogueRoutes';
import { OfficeCredentials } from './server/officeCredential';

export interface HubOptions {
  port: number;
  host?: string;
  databaseUrl?: string;
  dataDir?: string;
  log?: (e: Record<string, unknown>) => void;
  now?: () => number;
}

export interface Hub {
  port: number;
  db: HubDatabase;
  offices: OfficeRegistry;
  catalogue: CatalogueStore;
  /** What each office last said beyond its health: devices' last contact, last backup, catalogue version. */
  extras: OfficeExtrasStore;
  close(): Promise<void>;
}

/** The province hub's composition root: database, offices, ingest, HTTP routes. Nothing else lives here. */
export async function startHub(o: HubOptions): Promise<Hub> {
  const log = o.log ?? ((e) => process.stdout.write(JSON.stringify(e) + '\n'));
  const db = await openHubDatabase({ databaseUrl: o.databaseUrl, dataDir: o.dataDir, log: (line) => log({ level: 'debug', msg: 'postgres', line }) });
  const offices = new OfficeRegistry(db.pool, o.now);
  const applier = new BatchApplier(db.pool, new EventPartitions(), o.now);
  const now = o.now ?? Date.now;
  const credentials = new OfficeCredentials(offices, db.pool, now);
  const catalogue = new CatalogueStore(db.pool);
  const extras = new OfficeExtrasStore(db.pool, now);
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
        log,
        now,
      }),
      catalogueRoutes({ credentials, catalogue }),
    ],
    log,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  log({ level: 'info', msg: 'hub listening', port });
  return {
    port,
    db,
    offices,
    catalogue,
    extras,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
