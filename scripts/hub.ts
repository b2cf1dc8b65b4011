// `npm run hub -- --port 8090 --data ./hub-data` starts the province hub on its own PostgreSQL
// (embedded, in DIR/postgres); `--database-url postgres://…` (or MOTCUA_HUB_DATABASE_URL) uses an
// existing server. `npm run hub -- office add --data DIR --name NAME` prints {"office":…,"code":…};
// On a hub with no user yet, each start prints a one-time setup link (24 h) that makes the first
// province admin; `--public-url https://hub.tinh.gov.vn` names the address people open it at.
// Behind a reverse proxy, `--trusted-proxy ADDR` (repeatable, or MOTCUA_HUB_TRUSTED_PROXIES=a,b):
// that proxy's X-Forwarded-For names each caller, and its sockets are not capped per address.
// `office list`, `office revoke --id ID`, `office code --id ID` (a fresh join code) likewise.
// `catalogue publish --data DIR --file catalogue.json|.xlsx` publishes the next catalogue version
// (all of it or, with the reasons on stderr, nothing); `catalogue list` prints each version and the
// offices running it; `catalogue offices` prints the version each office has applied.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHub } from '../hub/hub';
import { openHubDatabase } from '../hub/hubDatabase';
import { OfficeRegistry } from '../hub/offices/officeRegistry';
import { readCatalogueFile } from '../hub/catalogue/catalogueFile';
import { CatalogueStore } from '../hub/catalogue/catalogueStore';
import { AppError } from '../shared/errors';

function fail(msg: string): never {
  process.stderr.write(`motcua hub: ${msg}\n`);
  process.exit(2);
}

const argv = process.argv.slice(2);
const command = argv[0] === 'office' || argv[0] === 'catalogue' ? `${argv[0]} ${argv[1] ?? ''}` : 'serve';
const { values } = parseArgs({
  args: command === 'serve' ? argv : argv.slice(2),
  options: { port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' }, 'database-url': { type: 'string' }, name: { type: 'string' }, id: { type: 'string' }, file: { type: 'string' }, 'public-url': { type: 'string' }, 'trusted-proxy': { type: 'string', multiple: true } },
  strict: true,
});
const databaseUrl = values['database-url'] ?? process.env.MOTCUA_HUB_DATABASE_URL;
const dataDir = values.data ? path.resolve(values.data) : databaseUrl ? undefined : path.resolve('./hub-data');

if (command === 'serve') {
  const port = Number(values.port ?? 8090);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be a port number');
  // Behind a reverse proxy: its address, so its X-Forwarded-For names each caller for the guess budgets.
  const trustedProxies = [...(values['trusted-proxy'] ?? []), ...(process.env.MOTCUA_HUB_TRUSTED_PROXIES ?? '').split(',').map((a) => a.trim()).filter(Boolean)];
  const hub = await startHub({ port, host: values.host ?? '127.0.0.1', databaseUrl, dataDir, publicUrl: values['public-url']?.replace(/\/+$/, ''), trustedProxies });
  if (hub.setupUrl) process.stderr.write(`\nChưa có tài khoản nào. Mở liên kết này (dùng một lần, trong 24 giờ) để tạo quản trị tỉnh:\nNo account yet. Open this one-time link (24 hours) to create the province admin:\n  ${hub.setupUrl}\n\n`);
  const stop = () => {
    void hub.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} else if (command.startsWith('catalogue ')) {
  // Read and validate before the database is opened: a bad file publishes nothing and starts nothing.
  const file = values.file ? path.resolve(values.file) : null;
  if (!['catalogue publish', 'catalogue list', 'catalogue offices'].includes(command)) fail('usage: hub catalogue publish --file FILE | catalogue list | catalogue offices  [--data DIR | --database-url URL]');
  if (command === 'catalogue publish' && !file) fail('--file catalogue.json (or .xlsx) is needed');
  let procedures: Awaited<ReturnType<typeof readCatalogueFile>> = [];
  if (command === 'catalogue publish') {
    try {
      procedures = await readCatalogueFile(file as string);
    } catch (e) {
      if (e instanceof AppError) fail(`không công bố (nothing published): ${e.message}`);
      throw e;
    }
  }
  const db = await openHubDatabase({ databaseUrl, dataDir });
  const catalogue = new CatalogueStore(db.pool);
  try {
    if (command === 'catalogue publish') {
      let v: Awaited<ReturnType<typeof catalogue.publish>>;
      try {
        v = await catalogue.publish(procedures, path.basename(file as string));
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        // Stop a trial's embedded PostgreSQL before leaving: fail() exits at once.
        await db.close();
        fail(`không công bố (nothing published): ${e.message}`);
      }
      process.stdout.write(JSON.stringify({ published: v.version, procedures: v.procedureCount, ...v.change, at: new Date(v.publishedAt).toISOString() }) + '\n');
    } else if (command === 'catalogue list') {
      const offices = await catalogue.officeVersions();
      for (const v of await catalogue.list()) {
        const running = offices.filter((o) => o.catalogueVersion === v.version).map((o) => o.name);
        process.stdout.write(JSON.stringify({ version: v.version, publishedAt: new Date(v.publishedAt).toISOString(), procedures: v.procedureCount, source: v.source, offices: running }) + '\n');
      }
    } else {
      for (const o of await catalogue.officeVersions()) process.stdout.write(JSON.stringify(o) + '\n');
    }
  } finally {
    await db.close();
  }
} else {
  const db = await openHubDatabase({ databaseUrl, dataDir });
  const offices = new OfficeRegistry(db.pool);
  try {
    if (command === 'office add') {
      if (!values.name?.trim()) fail('--name NAME is needed');
      const { office, code } = await offices.add(values.name);
      process.stdout.write(JSON.stringify({ office: office.id, name: office.name, code }) + '\n');
    } else if (command === 'office code') {
      if (!values.id) fail('--id ID is needed');
      process.stdout.write(JSON.stringify({ office: values.id, code: await offices.newCode(values.id) }) + '\n');
    } else if (command === 'office revoke') {
      if (!values.id) fail('--id ID is needed');
      await offices.revoke(values.id);
      process.stdout.write(JSON.stringify({ office: values.id, revoked: true }) + '\n');
    } else if (command === 'office list') {
      for (const o of await offices.list()) process.stdout.write(JSON.stringify(o) + '\n');
    } else {
      fail('usage: hub [--port N] [--data DIR | --database-url URL] | hub office add|code|list|revoke …');
    }
  } finally {
    await db.close();
  }
}
