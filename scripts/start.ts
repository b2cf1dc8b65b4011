// `npm start`: the desktop app. Electron 45 fetches its binary on first use, so when it is missing
// this runs Electron's own download first, with a progress line; only if that fails does it say
// why and how to fix it, and start browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { defaultScreensBuild, ensureScreensBuilt } from './buildScreens';
import { defaultHostBuild, ensureHostBuilt, hostEntryFile } from './buildHost';
import { runElectronInstall } from './electronDownload';
import { electronDir, electronVersion } from './electronBinary';
import { RETRY_ENV, fileMemory, formatReport, prepareElectron } from './electronSetup';

const root = process.cwd();
const version = electronVersion(root);
const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const tty = process.stdout.isTTY;
let lastPercent = -1;
const plan = await prepareElectron({
  root,
  env: process.env,
  memory: fileMemory(root),
  download: (onReport) => {
    console.log(`motcua: the Electron ${version} binary is not downloaded yet; fetching it now (once, about 100 MB)…`);
    return runElectronInstall(electronDir(root), process.env, onReport);
  },
  onReport: (r) => {
    const line = formatReport(r, version);
    if (!line) return;
    if (tty) process.stdout.write(`\r\x1b[K${line}${r.type === 'done' ? '\n' : ''}`);
    else {
      // A log file gets a line per tenth, not a line per chunk.
      const p = r.type === 'progress' && r.total ? Math.floor((r.received / r.total) * 10) : 10;
      if (p !== lastPercent || r.type === 'done') console.log(line);
      lastPercent = p;
    }
  },
});

const buildScreens = () => ensureScreensBuilt(defaultScreensBuild(root), (l) => console.log(l));

async function browserMode(explain = true): Promise<void> {
  if (explain) console.warn('Meanwhile motcua runs in browser mode: open /kiosk and /display at the address printed below in Chromium, Chrome or Edge.\n');
  await buildScreens();
  const host = defaultHostBuild(root);
  await ensureHostBuilt(host, (l) => console.log(l));
  spawn(process.execPath, [hostEntryFile(host), ...process.argv.slice(2)], { stdio: 'inherit' }).on('exit', (c) => process.exit(c ?? 0));
}

if (plan.mode === 'browser' && plan.skipped) {
  console.log('motcua: browser mode (ELECTRON_SKIP_BINARY_DOWNLOAD is set; unset it for the desktop app)');
  await browserMode(false);
} else if (plan.mode === 'browser' && plan.rememberedAt !== undefined) {
  // Said in full once, when it failed; every later start says only how to try again.
  const retry = process.platform === 'win32' ? `set "${RETRY_ENV}=1" && npm start` : `${RETRY_ENV}=1 npm start`;
  console.warn(`motcua: browser mode (the Electron ${version} download failed on ${new Date(plan.rememberedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC: ${plan.error}); to try again: ${retry}`);
  await browserMode(false);
} else if (plan.mode === 'browser') {
  console.warn(`\nmotcua: no desktop app — Electron ${version} could not be downloaded: ${plan.error}`);
  console.warn(`To fix it, use one of:\n${plan.help.map((l) => `  ${l}`).join('\n')}`);
  await browserMode();
} else {
  if (plan.downloaded) console.log(`motcua: Electron ${version} is ready (${plan.bin})`);
  await buildScreens();
  run('npm', ['run', 'build:electron', '--silent']);
  // Native modules must match Electron's ABI to load in the main process (`npm rebuild` switches
  // them back for plain-Node tests). Offline, this needs prebuilt binaries or Electron's headers.
  const deps = spawnSync('npx', ['electron-builder', 'install-app-deps'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (deps.status !== 0) {
    console.warn('\nmotcua: no desktop app — better-sqlite3 and serialport could not be rebuilt for Electron (see the lines above; offline this needs the Electron headers).');
    await browserMode();
  } else spawn(plan.bin, ['.'], { stdio: 'inherit' }).on('exit', (c) => process.exit(c ?? 0));
}
