import fs from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import type { Host } from '../host/host';
import { createFileLog } from '../host/logger';
import { checkNativeAddons } from '../host/nativeAddons';
import { ShellConfig } from './shellConfig';

/** The same host as `npm run serve`, in the main process, with its data under the OS app-data folder. */
export async function startHostInShell(resourcesDir: string, rendererDir: string): Promise<{ host: Host; config: ShellConfig }> {
  const dataDir = process.env.MOTCUA_DATA ?? path.join(app.getPath('userData'), 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  const cfgFile = path.join(dataDir, 'shell.json');
  const config = ShellConfig.parse(fs.existsSync(cfgFile) ? JSON.parse(fs.readFileSync(cfgFile, 'utf8')) : {});
  const log = createFileLog(path.join(dataDir, 'logs'));
  await checkNativeAddons();
  // Imported only now: the host imports serialport, which loads its addon as it is imported.
  const { startHost } = await import('../host/host');
  const host = await startHost({ dataDir, port: config.port, log, version: app.getVersion(), staticDir: rendererDir, resourcesDir });
  log({ level: 'info', msg: 'shell started', dataDir, port: host.port });
  return { host, config };
}
