// Bundles the Electron shell (main + host) and the sandboxed preload into dist/electron/.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node' as const, target: 'node20', sourcemap: false, logLevel: 'warning' as const };
// Native and Electron modules stay outside the bundle; electron-builder unpacks the natives from asar.
const external = ['electron', 'better-sqlite3', 'serialport', '@serialport/*', 'modbus-serial'];

await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', external });
// The restore check and the WAL checkpoints run in worker threads of their own (electron/host/db/dbWorker.ts).
for (const worker of ['restoreWorker', 'checkpointWorker']) {
  await build({ ...common, entryPoints: [`electron/host/db/${worker}.ts`], outfile: `dist/electron/${worker}.cjs`, format: 'cjs', external });
}
await build({ ...common, entryPoints: ['electron/main/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] });
console.log('built dist/electron/main.cjs and dist/electron/preload.cjs');
