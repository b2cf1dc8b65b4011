// `npm start`: the desktop app when Electron is installed; otherwise browser mode, saying why.
import { spawn, spawnSync } from 'node:child_process';
import { MISSING_ELECTRON_HELP, electronBinary, fetchElectronBinary } from './electronBinary';

const bin = electronBinary() ?? fetchElectronBinary();
const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!bin) {
  console.warn(
    process.env.ELECTRON_SKIP_BINARY_DOWNLOAD
      ? 'motcua: ELECTRON_SKIP_BINARY_DOWNLOAD is set, so no desktop app: browser mode (open /kiosk and /display in Chromium, Chrome or Edge).\n'
      : `motcua: ${MISSING_ELECTRON_HELP}\n`,
  );
  run('npm', ['run', 'build:renderer']);
  spawn(process.execPath, ['--import', 'tsx', 'electron/host/serve.ts', ...process.argv.slice(2)], { stdio: 'inherit' }).on('exit', (c) => process.exit(c ?? 0));
} else {
  run('npm', ['run', 'build:renderer']);
  run('npm', ['run', 'build:electron']);
  // Native modules must match Electron's ABI to load in the main process (`npm rebuild
  // better-sqlite3` switches back for plain-Node tests and `npm run serve`).
  run('npx', ['electron-builder', 'install-app-deps']);
  spawn(bin, ['.'], { stdio: 'inherit' }).on('exit', (c) => process.exit(c ?? 0));
}
