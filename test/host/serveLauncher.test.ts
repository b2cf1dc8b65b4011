import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { HOST_V8_FLAGS, missingV8Flags, relaunchFor } from '../../electron/host/hostRuntime';
import { MALLOC_ENV, needsMallocEnv } from '../../electron/host/mallocEnv';
import { serveCommand } from '../helpers/serveProcess';
import { TEST_ADMIN_PASSWORD } from '../helpers/devices';
import { tempDir } from '../helpers/tempHost';

const withoutMalloc = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MALLOC_')));

/** `npm run serve` as a user starts it (no allocator settings in the environment); `bare`: `node dist/host/serve.mjs`, no flags. */
async function launch(dataDir: string, bare = false) {
  const command = (await serveCommand()).filter((a) => !bare || !HOST_V8_FLAGS.includes(a));
  const child = spawn(process.execPath, [...command, '--port', '0', '--host', '127.0.0.1', '--data', dataDir], {
    env: { ...withoutMalloc(), MOTCUA_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  const port = await new Promise<number>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).on('line', (l) => {
      const m = /"msg":"listening","port":(\d+)/.exec(l);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (c) => reject(new Error(`serve exited with ${c}: ${stderr}`)));
  });
  // The data folder's lock names the process that holds the database: the host itself.
  const hostPid = Number(fs.readFileSync(path.join(dataDir, 'motcua.lock'), 'utf8').trim());
  return { child, port, hostPid };
}

const alive = (pid: number) => {
  try {
    const state = /State:\s+(\w)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return state !== 'Z';
  } catch {
    return false;
  }
};
const gone = async (pid: number, withinMs: number) => {
  const until = Date.now() + withinMs;
  while (alive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  return !alive(pid);
};

describe('npm run serve on Linux runs the host with fixed malloc thresholds', () => {
  it('wants the restart only on glibc Linux and only when nobody set the settings', () => {
    expect(needsMallocEnv('linux', {})).toBe(true);
    expect(needsMallocEnv('win32', {})).toBe(false);
    expect(needsMallocEnv('darwin', {})).toBe(false);
    expect(needsMallocEnv('linux', { MALLOC_TRIM_THRESHOLD_: '1048576' })).toBe(false);
    expect(needsMallocEnv('linux', { MOTCUA_NO_MALLOC_ENV: '1' })).toBe(false);
  });

  it('restarts for the V8 flags on every platform unless Node already has them (argument or NODE_OPTIONS, - or _)', () => {
    expect(missingV8Flags([], '')).toEqual([...HOST_V8_FLAGS]);
    expect(missingV8Flags([...HOST_V8_FLAGS], '')).toEqual([]);
    expect(missingV8Flags([], '--max_semi_space_size=8')).toEqual([]);
    expect(missingV8Flags(['--max-semi-space-size', '8'], '')).toEqual([]);
    expect(relaunchFor('win32', {}, [...HOST_V8_FLAGS])).toBeNull();
    expect(relaunchFor('win32', {}, ['--enable-source-maps'])).toEqual({ execArgv: ['--enable-source-maps', ...HOST_V8_FLAGS], env: {} });
    expect(relaunchFor('linux', { ...MALLOC_ENV }, [...HOST_V8_FLAGS])).toBeNull();
    expect(relaunchFor('linux', {}, [...HOST_V8_FLAGS])).toEqual({ execArgv: [...HOST_V8_FLAGS], env: MALLOC_ENV });
  });

  it('npm run serve passes the V8 flags itself, so no platform restarts for them', () => {
    const script = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.serve ?? '';
    // `node FLAGS scripts/serve.mjs`, which runs the launcher (dist/host/serve.mjs) in its own process.
    const node = /node (.*)scripts\/serve\.mjs/.exec(script)?.[1]?.trim().split(/\s+/) ?? [];
    expect(node.length).toBeGreaterThan(0);
    expect(missingV8Flags(node)).toEqual([]);
  });

  it.skipIf(process.platform !== 'linux')('started bare (node dist/host/serve.mjs), the host still runs with the V8 flags', async () => {
    const run = await launch(tempDir(), true);
    const cmdline = fs.readFileSync(`/proc/${run.hostPid}/cmdline`, 'utf8').split('\0');
    for (const f of HOST_V8_FLAGS) expect(cmdline).toContain(f);
    const exit = new Promise((r) => run.child.once('exit', r));
    run.child.kill('SIGTERM');
    await exit;
    expect(await gone(run.hostPid, 5000)).toBe(true);
  }, 30_000);

  it.skipIf(process.platform !== 'linux')('the host process has the settings; SIGTERM stops both; a SIGKILLed launcher takes the host with it', async () => {
    const dir = tempDir();
    const first = await launch(dir);
    expect(first.hostPid).not.toBe(first.child.pid);
    const environ = fs.readFileSync(`/proc/${first.hostPid}/environ`, 'utf8').split('\0');
    for (const [k, v] of Object.entries(MALLOC_ENV)) expect(environ).toContain(`${k}=${v}`);
    expect((await fetch(`http://127.0.0.1:${first.port}/api/health`)).status).toBe(200);
    const exit = new Promise<number | null>((r) => first.child.once('exit', (c) => r(c)));
    first.child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(await gone(first.hostPid, 5000)).toBe(true);

    const second = await launch(dir);
    second.child.kill('SIGKILL');
    expect(await gone(second.hostPid, 2000)).toBe(true);
    // Nothing holds the folder: the next start opens it.
    const third = await launch(dir);
    expect((await fetch(`http://127.0.0.1:${third.port}/api/health`)).status).toBe(200);
    third.child.kill('SIGTERM');
    expect(await gone(third.hostPid, 5000)).toBe(true);
  }, 60_000);
});
