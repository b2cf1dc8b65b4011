import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Path of the downloaded Electron binary, or null while it has not been fetched. */
export function electronBinary(root = process.cwd()): string | null {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const bin = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(bin) ? bin : null;
}

/**
 * Electron 45 has no install script (nothing for allowScripts to approve): its binary is fetched the
 * first time it is needed, which is here. ELECTRON_SKIP_BINARY_DOWNLOAD=1 keeps browser mode.
 */
export function fetchElectronBinary(root = process.cwd(), env = process.env): string | null {
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) return null;
  const installer = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!fs.existsSync(installer)) return null;
  console.log('motcua: downloading the Electron binary (once)…');
  spawnSync(process.execPath, [installer], { cwd: root, stdio: ['ignore', 'ignore', 'ignore'], timeout: 10 * 60_000 });
  return electronBinary(root);
}

export const MISSING_ELECTRON_HELP = `The Electron binary could not be downloaded (common on offline or filtered government
networks). To get it:
  • set a reachable mirror and start again:  ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm start
  • or copy electron-v<version>-<platform>-<arch>.zip from another PC into the cache folder
    (electron_config_cache, e.g. ~/.cache/electron/ or %LOCALAPPDATA%\\electron\\Cache) and run: node node_modules/electron/install.js
Meanwhile motcua runs in browser mode: open http://localhost:8080/kiosk and /display in Chromium, Chrome or Edge.`;
