// `npm run serve`: the host without Electron, for browser-only setups (and the tests). Imports
// nothing heavy itself: it may first restart Node with the host's runtime settings (hostRuntime.ts:
// V8's young generation, and on Linux the allocator's thresholds), and that launcher should stay a
// bare Node process. `npm run serve` passes the V8 flags itself, so only Linux restarts.
import { spawn } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { relaunchFor } from './hostRuntime';

const relaunch = relaunchFor(process.platform, process.env, process.execArgv);
if (relaunch) {
  // This file, not argv[1]: under `npm run serve` the process was started as scripts/serve.mjs,
  // which imports this launcher once the build is ready.
  const child = spawn(process.execPath, [...relaunch.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    env: { ...process.env, ...relaunch.env, MOTCUA_LAUNCHER_PID: String(process.pid) },
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (signal ? os.constants.signals[signal] : 0)));
} else {
  // Started by the launcher above: when it dies (even by SIGKILL) the host goes with it at once,
  // so a supervisor that killed the launcher never finds the data folder still locked.
  if (process.env.MOTCUA_LAUNCHER_PID && process.send) {
    process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
    // Node reads the channel (and so notices it close) only while something listens for messages.
    process.on('message', () => undefined);
  }
  await import('./serveMain');
}
