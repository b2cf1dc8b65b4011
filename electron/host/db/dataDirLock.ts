import fs from 'node:fs';
import path from 'node:path';

export class DataDirBusyError extends Error {
  constructor(dir: string, pid: number) {
    super(`Another motcua (process ${pid}) is already running on ${dir}; close it first, or start this one with another --data folder.`);
    this.name = 'DataDirBusyError';
  }
}

/**
 * A process that has exited but was not reaped yet (its parent died first and nobody adopted it
 * properly — e.g. a host whose launcher was SIGKILLed, under an init that does not reap) still
 * answers kill(0) but holds no file and no database: not an owner.
 */
function zombie(pid: number): boolean {
  if (process.platform !== 'linux') return false;
  try {
    return /^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return !zombie(pid);
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
