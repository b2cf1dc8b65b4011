import fs from 'node:fs';
import path from 'node:path';

/** Path of the downloaded Electron binary, or null when `npm install` could not fetch it. */
export function electronBinary(root = process.cwd()): string | null {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const bin = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(bin) ? bin : null;
}

export const MISSING_ELECTRON_HELP = `The Electron binary is not installed (npm install could not download it — common on offline
or filtered government networks). To get it:
  • set a reachable mirror and reinstall:   ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm install electron
  • or copy electron-v<version>-<platform>-<arch>.zip from another PC into the cache folder
    (electron_config_cache, e.g. ~/.cache/electron/ or %LOCALAPPDATA%\\electron\\Cache) and run: node node_modules/electron/install.js
Meanwhile motcua runs in browser mode: open http://localhost:8080/kiosk and /display in Chromium, Chrome or Edge.`;
