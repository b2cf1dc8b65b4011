import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronBinary, electronCacheFolder, electronZipName, electronZipUrl } from '../../scripts/electronBinary';
import { runElectronInstall } from '../../scripts/electronDownload';
import type { DownloadReport } from '../../scripts/electronDownload';
import { RETRY_ENV, fileMemory, prepareElectron } from '../../scripts/electronSetup';
import { tempDir } from '../helpers/tempHost';
import { zipFile } from '../helpers/zipFile';

// `npm start`'s decision, run against Electron's real install.js and @electron/get: a copy of
// node_modules/electron in a temp folder (so the shared one is never written) and a local mirror
// standing in for GitHub, which this machine cannot reach.
const realElectron = path.resolve('node_modules/electron');
const version = (JSON.parse(fs.readFileSync(path.join(realElectron, 'package.json'), 'utf8')) as { version: string }).version;
const fakeBinary = '#!/bin/sh\necho fake electron "$@"\n';
const zip = zipFile([
  { name: 'electron', data: fakeBinary, mode: 0o755 },
  { name: 'version', data: version },
  { name: 'LICENSE', data: 'MIT' },
]);

/** A project folder whose node_modules/electron is Electron's own package without its binary. */
function project(): string {
  const root = tempDir('motcua-electron-');
  const dir = path.join(root, 'node_modules', 'electron');
  fs.mkdirSync(dir, { recursive: true });
  for (const f of ['install.js', 'package.json', 'index.js']) fs.copyFileSync(path.join(realElectron, f), path.join(dir, f));
  // Electron ships the SHA-256 of every release zip; ours is the fake one served below.
  fs.writeFileSync(path.join(dir, 'checksums.json'), JSON.stringify({ [electronZipName(version)]: crypto.createHash('sha256').update(zip).digest('hex') }));
  for (const dep of ['@electron/get', '@electron-internal/extract-zip']) {
    fs.mkdirSync(path.dirname(path.join(root, 'node_modules', dep)), { recursive: true });
    fs.symlinkSync(fs.realpathSync(path.resolve('node_modules', dep)), path.join(root, 'node_modules', dep), 'dir');
  }
  return root;
}

/** The user's environment minus any Electron setting of the machine running the tests. */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/electron/i.test(k)));
  return { ...clean, ELECTRON_GET_NO_PROGRESS: '1', ...extra };
}

let server: http.Server;
let mirror: string;
const requests: string[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === `/v${version}/${electronZipName(version)}`) {
      res.writeHead(200, { 'content-length': zip.length, 'content-type': 'application/zip' });
      // In pieces, as a real download arrives, so progress has something to report.
      const half = Math.floor(zip.length / 2);
      res.write(zip.subarray(0, half));
      setTimeout(() => res.end(zip.subarray(half)), 300);
    } else {
      res.writeHead(404).end('not here');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => server?.close());

const realDownload = (root: string, e: NodeJS.ProcessEnv) => (onReport: (r: DownloadReport) => void) => runElectronInstall(path.join(root, 'node_modules', 'electron'), e, onReport);

describe('npm start: the Electron binary', () => {
  it('binary present: starts the desktop app without downloading', async () => {
    const root = project();
    const dir = path.join(root, 'node_modules', 'electron');
    fs.mkdirSync(path.join(dir, 'dist'));
    fs.writeFileSync(path.join(dir, 'dist', 'electron'), fakeBinary, { mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
    let downloads = 0;
    const plan = await prepareElectron({ root, env: env({}), download: async () => (downloads++, { ok: true, url: null }) });
    expect(plan).toEqual({ mode: 'desktop', bin: path.join(dir, 'dist', 'electron'), downloaded: false });
    expect(downloads).toBe(0);
  });

  it('binary missing, download works: runs Electron install.js from the mirror and the cache, then the desktop app', async () => {
    const root = project();
    const cache = tempDir('motcua-electron-cache-');
    const e = env({ ELECTRON_MIRROR: mirror, electron_config_cache: cache });
    expect(electronBinary(root, e)).toBeNull();
    const reports: DownloadReport[] = [];
    const plan = await prepareElectron({ root, env: e, download: realDownload(root, e), onReport: (r) => reports.push(r) });
    const bin = path.join(root, 'node_modules', 'electron', 'dist', 'electron');
    expect(plan).toEqual({ mode: 'desktop', bin, downloaded: true });
    expect(execFileSync(bin, ['.']).toString()).toBe('fake electron .\n');
    expect(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'path.txt'), 'utf8')).toBe('electron');
    // The progress line had bytes to show, and the zip is kept in @electron/get's cache.
    expect(reports.find((r) => r.type === 'start')).toMatchObject({ url: `${mirror}v${version}/${electronZipName(version)}`, total: zip.length });
    expect(reports.at(-1)).toMatchObject({ type: 'done', received: zip.length });
    expect(fs.existsSync(path.join(electronCacheFolder(electronZipUrl(version, e), e), electronZipName(version)))).toBe(true);
  }, 30_000);

  it('binary missing, download fails: says the real error in one line and how to fix it; browser mode', async () => {
    const root = project();
    const e = env({ ELECTRON_MIRROR: `${mirror}missing/`, electron_config_cache: tempDir('motcua-electron-cache-') });
    const plan = await prepareElectron({ root, env: e, download: realDownload(root, e) });
    expect(plan.mode).toBe('browser');
    if (plan.mode !== 'browser') return;
    expect(plan.error).toBe(`HTTPError: Response code 404 (Not Found) for ${mirror}missing/v${version}/${electronZipName(version)}`);
    const help = plan.help.join('\n');
    expect(help).toContain('ELECTRON_MIRROR=');
    expect(help).toContain(electronCacheFolder(`${mirror}missing/v${version}/${electronZipName(version)}`, e));
    expect(help).toContain('ELECTRON_OVERRIDE_DIST_PATH=');
    expect(electronBinary(root, e)).toBeNull();
  }, 30_000);

  it('no network at all: the cause (refused, DNS) is in the line, not just "fetch failed"', async () => {
    const root = project();
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const e = env({ ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, electron_config_cache: tempDir('motcua-electron-cache-') });
    const plan = await prepareElectron({ root, env: e, download: realDownload(root, e) });
    expect(plan.mode === 'browser' && plan.error).toBe(`fetch failed: connect ECONNREFUSED 127.0.0.1:${port} (http://127.0.0.1:${port}/v${version}/${electronZipName(version)})`);
  }, 30_000);

  it('the zip copied by hand into the folder the help names is used without any network', async () => {
    const root = project();
    const cache = tempDir('motcua-electron-cache-');
    const e = env({ electron_config_cache: cache, ELECTRON_MIRROR: 'http://127.0.0.1:9/' });
    const failed = await prepareElectron({ root, env: { ...e }, download: async () => ({ ok: false, error: 'offline', url: null }) });
    const line = failed.mode === 'browser' ? (failed.help.find((l) => l.includes(cache)) ?? '') : '';
    const folder = line.trim().split(/\s+/)[0] ?? '';
    expect(folder.startsWith(cache)).toBe(true);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, electronZipName(version)), zip);
    const before = requests.length;
    const plan = await prepareElectron({ root, env: e, download: realDownload(root, e) });
    expect(plan.mode).toBe('desktop');
    expect(requests.length).toBe(before);
  }, 30_000);

  it('ELECTRON_OVERRIDE_DIST_PATH: a binary copied from another PC is used; a wrong folder is explained, nothing downloaded', async () => {
    const root = project();
    const copied = tempDir('motcua-electron-copy-');
    fs.writeFileSync(path.join(copied, 'electron'), fakeBinary, { mode: 0o755 });
    let downloads = 0;
    const download = async () => (downloads++, { ok: true as const, url: null });
    expect(await prepareElectron({ root, env: env({ ELECTRON_OVERRIDE_DIST_PATH: copied }), download })).toEqual({ mode: 'desktop', bin: path.join(copied, 'electron'), downloaded: false });
    const wrong = await prepareElectron({ root, env: env({ ELECTRON_OVERRIDE_DIST_PATH: path.join(copied, 'nope') }), download });
    expect(wrong.mode === 'browser' && wrong.error).toContain(`there is no ${path.join(copied, 'nope', 'electron')}`);
    expect(downloads).toBe(0);
  });

  it('a fake download that succeeds and one that fails decide the mode; a "success" that leaves no binary is not trusted', async () => {
    const root = project();
    const dir = path.join(root, 'node_modules', 'electron');
    const e = env({});
    const fails = await prepareElectron({ root, env: e, download: async () => ({ ok: false, error: 'getaddrinfo ENOTFOUND github.com', url: null }) });
    expect(fails).toMatchObject({ mode: 'browser', error: 'getaddrinfo ENOTFOUND github.com' });
    const liar = await prepareElectron({ root, env: e, download: async () => ({ ok: true, url: null }) });
    expect(liar.mode === 'browser' && liar.error).toMatch(/no binary/);
    const works = await prepareElectron({
      root,
      env: e,
      download: async () => {
        fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
        fs.writeFileSync(path.join(dir, 'dist', 'electron'), fakeBinary, { mode: 0o755 });
        fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
        return { ok: true, url: null };
      },
    });
    expect(works).toEqual({ mode: 'desktop', bin: path.join(dir, 'dist', 'electron'), downloaded: true });
  });

  it('ELECTRON_SKIP_BINARY_DOWNLOAD: browser mode as chosen, nothing downloaded, nothing to fix', async () => {
    let downloads = 0;
    const plan = await prepareElectron({ root: project(), env: env({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }), download: async () => (downloads++, { ok: true as const, url: null }) });
    expect(plan).toMatchObject({ mode: 'browser', skipped: true });
    expect(downloads).toBe(0);
  });

  it('a failed download is remembered: the next start does not try (or reprint) it again until asked, or until a setting or the cache changes', async () => {
    const root = project();
    const cache = tempDir('motcua-electron-cache-');
    const e = env({ electron_config_cache: cache, ELECTRON_MIRROR: 'http://127.0.0.1:9/' });
    let downloads = 0;
    const failing = async () => (downloads++, { ok: false as const, error: 'getaddrinfo ENOTFOUND github.com', url: null });
    const memory = fileMemory(root);
    const first = await prepareElectron({ root, env: e, download: failing, memory, now: () => 1_700_000_000_000 });
    expect(first).toMatchObject({ mode: 'browser', error: 'getaddrinfo ENOTFOUND github.com' });
    expect(first.mode === 'browser' && first.rememberedAt).toBeUndefined();
    expect(downloads).toBe(1);
    // The next starts: no new attempt, the same cause, with when it was seen.
    for (let i = 0; i < 2; i++) {
      const again = await prepareElectron({ root, env: e, download: failing, memory: fileMemory(root) });
      expect(again).toMatchObject({ mode: 'browser', error: 'getaddrinfo ENOTFOUND github.com', rememberedAt: 1_700_000_000_000 });
    }
    expect(downloads).toBe(1);
    // Asked to retry: it tries.
    await prepareElectron({ root, env: { ...e, [RETRY_ENV]: '1' }, download: failing, memory });
    expect(downloads).toBe(2);
    // Another mirror (what the help suggests): it tries by itself.
    await prepareElectron({ root, env: { ...e, ELECTRON_MIRROR: 'http://127.0.0.1:10/' }, download: failing, memory });
    expect(downloads).toBe(3);
    // The zip copied by hand into the cache (with the first mirror): tried, and it works with no network.
    const line = first.mode === 'browser' ? (first.help.find((l) => l.includes(cache)) ?? '') : '';
    const folder = line.trim().split(/\s+/)[0] ?? '';
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, electronZipName(version)), zip);
    const plan = await prepareElectron({ root, env: e, download: realDownload(root, e), memory });
    expect(plan.mode).toBe('desktop');
    expect(memory.recall()).toBeNull();
  }, 30_000);
});
