import fs from 'node:fs';
import path from 'node:path';

export class DataDirBusyError extends Error {
  constructor(dir: string, pid: number) {
    super(`Another motcua (process ${pid}) is already running on ${dir}; close it first, or start this one with another --data folder.`);
    this.name = 'DataDirBusyError';
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else — still a live owner.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One host per data folder. Taken before any other file is touched (a pending restore, the
 * database, its WAL), so a second double-click fails cleanly instead of renaming the live
 * database under the running host. A lock left by a crashed process (its pid is gone) is taken over.
 */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'motcua.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.rmSync(file, { force: true });
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let owner = NaN;
      try {
        owner = Number(fs.readFileSync(file, 'utf8').trim());
      } catch {
        // Vanished between open and read: try again.
      }
      if (owner === process.pid) throw new DataDirBusyError(dir, owner);
      if (alive(owner)) throw new DataDirBusyError(dir, owner);
      fs.rmSync(file, { force: true });
    }
  }
  throw new DataDirBusyError(dir, NaN);
}
