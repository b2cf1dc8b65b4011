// Bundles the Electron shell (main + host) and the sandboxed preload into dist/electron/.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node' as const, target: 'node20', sourcemap: false, logLevel: 'warning' as const };
// Native and Electron modules stay outside the bundle; electron-builder unpacks the natives from asar.
const external = ['electron', 'better-sqlite3', 'serialport', '@serialport/*', 'modbus-serial'];

await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', external });
// The restore check runs in a worker thread of its own (see electron/host/db/restoreInWorker.ts).
await build({ ...common, entryPoints: ['electron/host/db/restoreWorker.ts'], outfile: 'dist/electron/restoreWorker.cjs', format: 'cjs', external });
await build({ ...common, entryPoints: ['electron/main/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] });
console.log('built dist/electron/main.cjs and dist/electron/preload.cjs');
