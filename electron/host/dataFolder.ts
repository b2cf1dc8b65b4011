import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lockDataDir } from './db/dataDirLock';

// Where an office's data lives when nobody names a folder: the same place whichever shell starts
// the host (the desktop app, `npm start` in browser mode, `npm run serve`, `npm run device`). It is
// the folder the desktop app has always used, Electron's user-data folder + /data — the place an
// installed program keeps its data on each OS, outside the install folder (which an update replaces)
// and independent of the folder a command was typed in. Computed here without Electron, so every
// shell gets the same answer.

export const APP_NAME = 'motcua';
const DATABASE_FILE = 'motcua.sqlite';

export interface Machine {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
}

export const thisMachine = (): Machine => ({ platform: process.platform, env: process.env, home: os.homedir() });

/** Electron's app.getPath('appData') on this machine. */
export function appDataDir(m: Machine): string {
  if (m.platform === 'win32') return m.env.APPDATA || path.join(m.home, 'AppData', 'Roaming');
  if (m.platform === 'darwin') return path.join(m.home, 'Library', 'Application Support');
  return m.env.XDG_CONFIG_HOME || path.join(m.home, '.config');
}

/** The office's data folder when none is named: Electron's app.getPath('userData') + /data. */
export function defaultDataDir(m: Machine): string {
  return path.join(appDataDir(m), APP_NAME, 'data');
}

export const holdsOffice = (dir: string): boolean => fs.existsSync(path.join(dir, DATABASE_FILE));

export class DataFolderConflictError extends Error {
  constructor(
    readonly dataDir: string,
    readonly otherDir: string,
  ) {
    super(
      `Two offices found: ${dataDir} (the office's data folder) and ${otherDir} (where \`npm start\` in browser mode and \`npm run serve\` kept it before). ` +
        `Neither is overwritten. Keep the one with the office's history: move the other away (or start with --data / MOTCUA_DATA naming the one to use).`,
    );
    this.name = 'DataFolderConflictError';
  }
}

export interface DataFolderChoice {
  dataDir: string;
  /** Set when an office was moved here from where an older start had put it. */
  movedFrom: string | null;
}

/**
 * The data folder to start on; `defaultDir` is defaultDataDir() — or, in the desktop app, Electron's
 * own user-data folder + /data, which is the same path. A folder named with --data or MOTCUA_DATA is used as it is. Otherwise
 * the default folder, and an office that an older `npm start` / `npm run serve` set up in the
 * project's ./data is moved there once — never over an existing office (both: refused, with both
 * named). The move is a rename, or a copy then delete when the two are on different disks.
 */
export function chooseDataDir(opts: { named: string | undefined; defaultDir: string; legacyDirs: readonly string[] }): DataFolderChoice {
  if (opts.named) return { dataDir: path.resolve(opts.named), movedFrom: null };
  const dataDir = path.resolve(opts.defaultDir);
  const legacy = [...new Set(opts.legacyDirs.map((d) => path.resolve(d)))].filter((d) => d !== dataDir && holdsOffice(d));
  const [from, second] = legacy;
  if (!from) return { dataDir, movedFrom: null };
  if (holdsOffice(dataDir)) throw new DataFolderConflictError(dataDir, from);
  if (second) throw new DataFolderConflictError(from, second);
  moveFolder(from, dataDir);
  return { dataDir, movedFrom: from };
}

function moveFolder(from: string, to: string): void {
  // Not from under a host still running there (browser mode left open): DataDirBusyError says so.
  const release = lockDataDir(from);
  release();
  fs.mkdirSync(path.dirname(to), { recursive: true });
  // A folder left by a start that never set up an office (logs, shell.json) is kept beside, not deleted.
  if (fs.existsSync(to)) fs.renameSync(to, `${to}-before-move-${Date.now()}`);
  try {
    fs.renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    fs.cpSync(from, to, { recursive: true, errorOnExist: true, preserveTimestamps: true });
    fs.rmSync(from, { recursive: true, force: true });
  }
}

/** The log line of a move, so an office can see where its data went and when. */
export const movedLogLine = (c: DataFolderChoice) => (c.movedFrom ? { level: 'warn', msg: 'office data moved to the data folder every start uses', from: c.movedFrom, to: c.dataDir } : null);
