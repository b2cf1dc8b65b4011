// The host started by serve.ts: arguments, native addon check, startHost, signals.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseServeArgs } from './cliArgs';
import { CorruptDatabaseError } from './db/openDatabase';
import { FutureDatabaseError } from './db/migrate';
import { DataDirBusyError } from './db/dataDirLock';
import { DataFolderConflictError, chooseDataDir, defaultDataDir, movedLogLine, thisMachine } from './dataFolder';
import { createFileLog } from './logger';
import { NativeAddonError, checkNativeAddons, currentAddonContext } from './nativeAddons';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main(): Promise<void> {
  const args = parseServeArgs(process.argv.slice(2), process.env);
  const sqliteAddon = process.env.MOTCUA_SQLITE_ADDON || undefined;
  await checkNativeAddons({ sqliteAddon, context: currentAddonContext(root) });
  // Imported only now: the host imports serialport, which loads its addon as it is imported.
  const { startHost } = await import('./host');
  // ./data (npm runs scripts in the project folder) is where `npm start` in browser mode and `npm run
  // serve` kept an office before.
  const choice = chooseDataDir({ named: args.dataDir, defaultDir: defaultDataDir(thisMachine()), legacyDirs: [path.resolve('data')] });
  const dataDir = choice.dataDir;
  const log = createFileLog(path.join(dataDir, 'logs'), { echo: process.env.MOTCUA_LOG_STDERR === '1' });
  const moved = movedLogLine(choice);
  if (moved) {
    log(moved);
    process.stdout.write(JSON.stringify(moved) + '\n');
  }
  const host = await startHost({
    dataDir,
    port: args.port,
    host: args.host,
    log,
    version: process.env.npm_package_version ?? '0.1.0',
    staticDir: path.join(root, 'dist', 'renderer'),
    resourcesDir: path.join(root, 'resources'),
    adminPassword: process.env.MOTCUA_ADMIN_PASSWORD || undefined,
    officerPins: process.env.MOTCUA_OFFICER_PINS ? process.env.MOTCUA_OFFICER_PINS.split(',').map((p) => p.trim()) : undefined,
    seedAlwaysOpen: process.env.MOTCUA_SEED_ALWAYS_OPEN === '1',
    seedSample: process.env.MOTCUA_SEED === 'centre' ? 'centre' : 'ward',
    issueRatePerMinute: process.env.MOTCUA_ISSUE_RATE_LIMIT === undefined ? undefined : Number(process.env.MOTCUA_ISSUE_RATE_LIMIT),
    sqliteAddon,
    diskLowBytes: process.env.MOTCUA_DISK_LOW_MB ? Number(process.env.MOTCUA_DISK_LOW_MB) * 1024 * 1024 : undefined,
    boardProbeMs: process.env.MOTCUA_BOARD_PROBE_MS ? Number(process.env.MOTCUA_BOARD_PROBE_MS) : undefined,
  });
  const shown = args.host ?? 'localhost';
  process.stdout.write(JSON.stringify({ msg: 'listening', port: host.port, url: `http://${shown}:${host.port}/`, dataDir }) + '\n');
  log({ level: 'info', msg: 'host started', port: host.port, dataDir });
  // First start: the one-time link that sets the admin password and the PINs (never logged to file).
  if (host.setupUrl) process.stdout.write(JSON.stringify({ msg: 'setup', url: host.setupUrl }) + '\n');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log({ level: 'info', msg: 'shutting down', signal });
    await host.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((e: unknown) => {
  if (e instanceof CorruptDatabaseError || e instanceof FutureDatabaseError || e instanceof NativeAddonError || e instanceof DataDirBusyError || e instanceof DataFolderConflictError) {
    process.stderr.write(`motcua: ${e.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`motcua: failed to start: ${String((e as Error)?.stack ?? e)}\n`);
  process.exit(1);
});
