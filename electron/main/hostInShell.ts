import fs from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import type { Host } from '../host/host';
import { chooseDataDir, movedLogLine } from '../host/dataFolder';
import { createFileLog } from '../host/logger';
import { checkNativeAddons } from '../host/nativeAddons';
import { ShellConfig } from './shellConfig';

/** The same host as `npm run serve`, in the main process, with its data under the OS app-data folder. */
export async function startHostInShell(resourcesDir: string, rendererDir: string): Promise<{ host: Host; config: ShellConfig }> {
  // The folder `npm start` in browser mode and `npm run serve` use too (host/dataFolder.ts); run from
  // the project (not installed), an office set up in its ./data by an older start is moved here once.
  const choice = chooseDataDir({ named: process.env.MOTCUA_DATA || undefined, defaultDir: path.join(app.getPath('userData'), 'data'), legacyDirs: app.isPackaged ? [] : [path.join(app.getAppPath(), 'data')] });
  const dataDir = choice.dataDir;
  fs.mkdirSync(dataDir, { recursive: true });
  const cfgFile = path.join(dataDir, 'shell.json');
  const config = ShellConfig.parse(fs.existsSync(cfgFile) ? JSON.parse(fs.readFileSync(cfgFile, 'utf8')) : {});
  const log = createFileLog(path.join(dataDir, 'logs'));
  const moved = movedLogLine(choice);
  if (moved) log(moved);
  await checkNativeAddons();
  // Imported only now: the host imports serialport, which loads its addon as it is imported.
  const { startHost } = await import('../host/host');
  const host = await startHost({ dataDir, port: config.port, log, version: app.getVersion(), staticDir: rendererDir, resourcesDir });
  log({ level: 'info', msg: 'shell started', dataDir, port: host.port });
  return { host, config };
}
