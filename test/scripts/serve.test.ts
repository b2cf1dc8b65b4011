import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, tempHost } from '../helpers/tempHost';

// #28: `kill -TERM <npm>` ended npm but left both host processes running: npm passes the signal
// to the shell it runs the script in, and the shell (dash) does not pass it on. The real
// `npm run serve` is started here, its processes found through the data folder's lock, and the
// signal sent to npm's pid alone unless a test says otherwise.

interface Served {
  npm: ChildProcess;
  dataDir: string;
  /** npm, the shell it ran the script in, the launcher, the host: every process `npm run serve` made. */
  pids: number[];
  hostPid: number;
}

// Whatever a failed test left running (on main: the launcher and the host) goes, not to hold ports and folders.
const leftovers: number[] = [];
afterEach(() => {
  for (const pid of leftovers.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
});

/** Parent pid from /proc (the comm field may hold spaces). */
function ppidOf(pid: number): number {
  const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[1]);
}

const alive = (pid: number) => {
  try {
    return !/State:\s+Z/.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
};

async function allGone(pids: number[], withinMs: number): Promise<number[]> {
  const until = Date.now() + withinMs;
  while (pids.some(alive) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  return pids.filter(alive);
}

async function npmRunServe(opts: { ownGroup?: boolean } = {}): Promise<Served> {
  const dataDir = path.join(tempDir('motcua-npmserve-'), 'data');
  // What npm would see from a user's shell: none of the npm_* variables of the npm that runs vitest.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_')));
  const npm = spawn('npm', ['run', 'serve', '--', '--port', '0', '--host', '127.0.0.1', '--data', dataDir], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: opts.ownGroup ?? false,
  });
  leftovers.push(npm.pid as number);
  let stderr = '';
  npm.stderr!.on('data', (d) => (stderr += String(d)));
  // The line .ci/run reads the port from.
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run serve did not start: ${stderr}`)), 110_000);
    readline.createInterface({ input: npm.stdout! }).on('line', (l) => {
      const m = /"msg":"listening","port":(\d+)/.exec(l);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    npm.on('exit', (c) => reject(new Error(`npm run serve exited with ${c}: ${stderr}`)));
  });
  expect(await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()).toMatchObject({ ok: true });
  const hostPid = Number(fs.readFileSync(path.join(dataDir, 'motcua.lock'), 'utf8').trim());
  const pids = [hostPid];
  while (pids[0] !== npm.pid && pids.length < 6) pids.unshift(ppidOf(pids[0] as number));
  leftovers.push(...pids);
  expect(pids[0]).toBe(npm.pid);
  return { npm, dataDir, pids, hostPid };
}

/** Stopped cleanly: no process left, the database closed (the log says so), the data folder free for the next host. */
async function expectStoppedCleanly(s: Served, signal: string) {
  expect(await allGone(s.pids, 8000), `still running of ${s.pids.join(' → ')}`).toEqual([]);
  expect(fs.existsSync(path.join(s.dataDir, 'motcua.lock'))).toBe(false);
  const log = fs.readFileSync(path.join(s.dataDir, 'logs', 'motcua.log'), 'utf8');
  expect(log).toContain(`"msg":"shutting down","signal":"${signal}"`);
  const next = await tempHost({ dir: s.dataDir });
  await next.close();
}

describe('npm run serve stops with npm (#28)', () => {
  it('SIGTERM to npm alone: the host closes its database and frees the data folder', async () => {
    const s = await npmRunServe();
    expect(s.pids.length).toBeGreaterThanOrEqual(3);
    process.kill(s.npm.pid as number, 'SIGTERM');
    await expectStoppedCleanly(s, 'SIGTERM');
  }, 150_000);

  it('npm killed outright (SIGKILL, it passes nothing on): the host still stops cleanly', async () => {
    const s = await npmRunServe();
    process.kill(s.npm.pid as number, 'SIGKILL');
    await expectStoppedCleanly(s, 'SIGTERM');
  }, 150_000);

  it('Ctrl+C (SIGINT to the whole process group) and .ci/run (SIGTERM to the group) stop it cleanly', async () => {
    const a = await npmRunServe({ ownGroup: true });
    process.kill(-(a.npm.pid as number), 'SIGINT');
    await expectStoppedCleanly(a, 'SIGINT');
    const b = await npmRunServe({ ownGroup: true });
    process.kill(-(b.npm.pid as number), 'SIGTERM');
    await expectStoppedCleanly(b, 'SIGTERM');
  }, 240_000);
});
