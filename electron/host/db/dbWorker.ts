import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** The database's worker-thread entries; each is bundled beside the host (scripts/buildHost.ts, buildElectron.ts). */
export type DbWorkerName = 'restoreWorker' | 'checkpointWorker';

/** Starts one of the database workers, wherever the host runs from. */
export function startDbWorker(name: DbWorkerName, workerData: unknown): Worker {
  // In the bundled Electron main there is no import.meta.url and the worker sits beside main.cjs;
  // in serve's ES module bundle (dist/host) it sits beside the bundle as <name>.mjs.
  if (!import.meta.url) return new Worker(path.join(__dirname, `${name}.cjs`), { workerData });
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${name}.mjs`, import.meta.url), { workerData });
  // From source (serve via tsx, tests) the worker is TypeScript too: Node 20 workers ignore
  // `--import` in execArgv, so the worker registers tsx itself before loading the entry.
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL(`./${name}.ts`, import.meta.url).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData });
}
