// Where the Electron binary is, and where Electron's own download looks for it. Electron 45 has no
// install step: node_modules/electron/index.js runs install.js the first time it is required, and
// install.js (through @electron/get) writes dist/ and path.txt. So a fresh `npm install` has no
// binary yet, whatever the network.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type Env = Record<string, string | undefined>;

export function electronDir(root = process.cwd()): string {
  return path.join(root, 'node_modules', 'electron');
}

export function electronVersion(root = process.cwd()): string {
  return (JSON.parse(fs.readFileSync(path.join(electronDir(root), 'package.json'), 'utf8')) as { version: string }).version;
}

/** The executable inside an unpacked Electron zip, as install.js writes it into path.txt. */
export function platformExecutable(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return platform === 'win32' ? 'electron.exe' : 'electron';
}

/**
 * Path of the Electron binary if it is there, else null. Same rule as Electron's index.js:
 * ELECTRON_OVERRIDE_DIST_PATH (a binary copied from another PC) wins over node_modules/electron/dist.
 */
export function electronBinary(root = process.cwd(), env: Env = process.env): string | null {
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const bin = path.join(override, platformExecutable());
    return fs.existsSync(bin) ? bin : null;
  }
  const pathFile = path.join(electronDir(root), 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const bin = path.join(electronDir(root), 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(bin) ? bin : null;
}

/** The zip @electron/get downloads for this machine, e.g. electron-v45.4.1-linux-x64.zip. */
export function electronZipName(version: string, env: Env = process.env): string {
  const platform = env.ELECTRON_INSTALL_PLATFORM ?? env.npm_config_platform ?? process.platform;
  const arch = env.ELECTRON_INSTALL_ARCH ?? env.npm_config_arch ?? process.arch;
  return `electron-v${version}-${platform}-${arch}.zip`;
}

/** The download URL @electron/get builds from the mirror settings (ELECTRON_MIRROR, .npmrc electron_mirror). */
export function electronZipUrl(version: string, env: Env = process.env): string {
  const base = env.npm_config_electron_mirror ?? env.NPM_CONFIG_ELECTRON_MIRROR ?? env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/';
  const dir = (env.npm_config_electron_custom_dir ?? env.ELECTRON_CUSTOM_DIR ?? `v${version}`).replace('{{ version }}', version);
  return `${base}${dir}/${electronZipName(version, env)}`;
}

/** @electron/get's cache root: electron_config_cache, else the OS cache folder (env-paths' rule). */
export function electronCacheRoot(env: Env = process.env): string {
  if (env.electron_config_cache) return env.electron_config_cache;
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'electron');
  if (process.platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'electron', 'Cache');
  return path.join(env.XDG_CACHE_HOME ?? path.join(home, '.cache'), 'electron');
}

/**
 * The folder a zip copied by hand must go into for install.js to use it: @electron/get keys its
 * cache by a hash of the download folder's URL, so the plain cache root is not enough.
 */
export function electronCacheFolder(url: string, env: Env = process.env): string {
  const u = new URL(url);
  u.hash = '';
  u.search = '';
  u.pathname = path.posix.dirname(u.pathname);
  return path.join(electronCacheRoot(env), crypto.createHash('sha256').update(u.toString()).digest('hex'));
}
