import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { KeptDevice, RestorePrepared } from './restoreCheck';

function startWorker(workerData: unknown): Worker {
  // In the bundled Electron main there is no import.meta.url and the worker sits beside main.cjs;
  // in serve's ES module bundle (dist/host) it sits beside the bundle as restoreWorker.mjs.
  if (!import.meta.url) return new Worker(path.join(__dirname, 'restoreWorker.cjs'), { workerData });
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./restoreWorker.mjs', import.meta.url), { workerData });
  // From source (serve via tsx, tests) the worker is TypeScript too: Node 20 workers ignore
  // `--import` in execArgv, so the worker registers tsx itself before loading the entry.
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./restoreWorker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

export function prepareRestoreInWorker(uploaded: string, out: string, keeps: { settings: Record<string, string>; devices: readonly KeptDevice[] }): Promise<RestorePrepared> {
  const { settings, devices } = keeps;
  return new Promise((resolve) => {
    const worker = startWorker({ uploaded, out, settings, devices });
    let answered = false;
    worker.once('message', (m: RestorePrepared) => {
      answered = true;
      resolve(m);
    });
    worker.once('error', (e) => resolve({ ok: false, reason: `kiểm tra thất bại (${String(e.message).slice(0, 120)})` }));
    worker.once('exit', () => {
      if (!answered) resolve({ ok: false, reason: 'kiểm tra bị dừng' });
    });
  });
}
