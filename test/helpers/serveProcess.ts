import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { defaultHostBuild, ensureHostBuilt, hostEntryFile } from '../../scripts/buildHost';
import { HOST_V8_FLAGS } from '../../electron/host/hostRuntime';
import { MALLOC_ENV } from '../../electron/host/mallocEnv';
import { TEST_ADMIN_PASSWORD, TEST_PINS } from './devices';

export interface ServeProcess {
  child: ChildProcess;
  port: number;
  base: string;
  /** The one-time setup link a fresh office prints after "listening" (null until then, or never). */
  setupUrl: string | null;
  /** The data folder it started on, as it said. */
  dataDir: string;
}

/**
 * What `npm run serve` runs: the host bundle (dist/host/serve.mjs), bundled first if a source
 * changed. MOTCUA_SERVE_FROM_SOURCE=1 runs electron/host/serve.ts through tsx instead.
 */
export async function serveCommand(): Promise<string[]> {
  // The V8 flags `npm run serve` passes, so the child is the host itself (no relaunch).
  if (process.env.MOTCUA_SERVE_FROM_SOURCE === '1') return [...HOST_V8_FLAGS, '--import', 'tsx', path.resolve('electron/host/serve.ts')];
  const b = defaultHostBuild(path.resolve('.'));
  await ensureHostBuilt(b);
  return [...HOST_V8_FLAGS, hostEntryFile(b)];
}

/**
 * Start the host as `npm run serve` does, as a real child process, and wait for its "listening" line.
 * `openFiles`: run it under that open-file limit (soft and hard, so Node cannot raise it), as a
 * service manager or a small VM might. `cwd`: the folder it is started in (npm's is the project's).
 */
export async function startServe(dataDir: string | null, env: Record<string, string> = {}, port = 0, openFiles?: number, cwd?: string): Promise<ServeProcess> {
  // null: no --data, the folder the host chooses itself (electron/host/dataFolder.ts).
  const args = [...(await serveCommand()), '--port', String(port), '--host', '127.0.0.1', ...(dataDir === null ? [] : ['--data', dataDir])];
  const [command, argv] = openFiles === undefined ? [process.execPath, args] : ['sh', ['-c', `ulimit -n ${openFiles} && exec "$0" "$@"`, process.execPath, ...args]];
  const child = spawn(command, argv, {
    // The allocator settings `npm run serve` would restart with, set up front: the child is the host itself.
    env: { ...process.env, ...MALLOC_ENV, MOTCUA_SEED_ALWAYS_OPEN: '1', MOTCUA_ISSUE_RATE_LIMIT: '0', MOTCUA_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, MOTCUA_OFFICER_PINS: TEST_PINS.join(','), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd,
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += String(d)));
  return new Promise((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), 30_000);
    let started: ServeProcess | null = null;
    rl.on('line', (line) => {
      try {
        const msg = JSON.parse(line) as { msg?: string; port?: number; url?: string; dataDir?: string };
        if (msg.msg === 'setup' && started && msg.url) started.setupUrl = msg.url;
        if (msg.msg === 'listening' && msg.port) {
          clearTimeout(timer);
          started = { child, port: msg.port, base: `http://127.0.0.1:${msg.port}`, setupUrl: null, dataDir: msg.dataDir ?? '' };
          resolve(started);
        }
      } catch {
        // not our line
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${stderr}`));
    });
  });
}

export function waitExit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
  });
}

/** The end of every browser test file: close its Chromium, stop its host and wait until it has exited. */
export async function stopBrowserAndServe(browser: { close(): Promise<void> } | undefined, srv: ServeProcess | undefined): Promise<void> {
  await browser?.close();
  srv?.child.kill('SIGTERM');
  if (srv) await waitExit(srv.child);
}
