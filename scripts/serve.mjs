// `npm run serve`: builds what changed (scripts/prepareServe.ts, in a child that exits when done),
// then becomes the host's launcher (dist/host/serve.mjs) in this same process.
//
// One Node process under npm, not `prepare && node host`: npm passes SIGTERM and SIGINT to the
// shell it runs a script in, and that shell (dash) dies without passing them on, so both host
// processes kept running with the data folder locked (#28). This file is plain JavaScript so that
// nothing (no TypeScript loader, no esbuild service) stays loaded in the launcher all day.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { watchParents } from './parentWatch.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIGNALS = /** @type {const} */ (['SIGTERM', 'SIGINT', 'SIGHUP']);

// Whether npm's signal reaches us depends on the shell between us (dash does not pass it on) and
// on npm (it may be killed outright). When npm or its shell is gone, stop as if told to, so the
// host closes its database and frees the data folder.
watchParents(() => process.kill(process.pid, 'SIGTERM'));

/** @type {NodeJS.Signals | null} */
let stopRequested = null;
/** @type {import('node:child_process').ChildProcess | null} */
let prepare = null;
/** @param {NodeJS.Signals} signal */
const early = (signal) => {
  stopRequested ??= signal;
  prepare?.kill(signal);
};
for (const s of SIGNALS) process.on(s, early);

prepare = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'prepareServe.ts')], { cwd: root, stdio: 'inherit' });
const prepared = await new Promise((resolve) => prepare.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
if (stopRequested) process.exit(0);
if (prepared !== 0) process.exit(Number(prepared));

await import(pathToFileURL(path.join(root, 'dist', 'host', 'serve.mjs')).href);
// The launcher's own handlers are in place now; a signal that came while it loaded is passed on.
for (const s of SIGNALS) process.off(s, early);
if (stopRequested) process.kill(process.pid, stopRequested);
