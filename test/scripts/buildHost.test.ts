import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { buildHost, ensureHostBuilt, hostStaleReason } from '../../scripts/buildHost';
import { TEST_ADMIN_PASSWORD, enrollInDataDir } from '../helpers/devices';
import { tempDir } from '../helpers/tempHost';

// A copy of the host's sources in a temp folder (the real dist/ and sources are never touched),
// bundled by the real esbuild with the project's build script.
function copyProject(): string {
  const root = tempDir('motcua-hostbuild-');
  for (const d of ['electron/host', 'shared', 'resources']) fs.cpSync(path.resolve(d), path.join(root, d), { recursive: true });
  for (const f of ['package.json', 'tsconfig.json', 'scripts/buildHost.ts', 'scripts/buildStamp.ts']) fs.cpSync(path.resolve(f), path.join(root, f));
  fs.symlinkSync(fs.realpathSync(path.resolve('node_modules')), path.join(root, 'node_modules'), 'dir');
  return root;
}

const hostBuild = (root: string) => ({ root, outDir: path.join(root, 'dist', 'host'), stampFile: path.join(root, 'dist', 'host.inputs.json') });

/** `node dist/host/serve.mjs` of `root`, as `npm run serve` starts it; resolves on "listening". */
function startBundle(root: string, dataDir: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'host', 'serve.mjs'), '--port', '0', '--host', '127.0.0.1', '--data', dataDir], {
    env: { ...process.env, MOTCUA_SEED_ALWAYS_OPEN: '1', MOTCUA_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  const started = new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /"msg":"listening","port":(\d+)/.exec(line);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return { child, started, stderr: () => stderr };
}

describe('npm run serve runs the host bundle, rebuilt only when its sources changed', () => {
  it('bundles once, then starts without bundling; an edit, an added file or a deleted build bundles again', async () => {
    const root = copyProject();
    const b = hostBuild(root);
    const log: string[] = [];
    expect(await ensureHostBuilt(b, (l) => log.push(l))).toBe('built');
    expect(log).toEqual(['motcua: bundling the host (no build yet)…']);
    const t0 = Date.now();
    expect(await ensureHostBuilt(b)).toBe('fresh');
    expect(Date.now() - t0).toBeLessThan(1000);

    const numbering = path.join(root, 'shared', 'numbering.ts');
    fs.writeFileSync(numbering, fs.readFileSync(numbering));
    expect(hostStaleReason(b)).toBeNull();

    const serveTs = path.join(root, 'electron', 'host', 'serveMain.ts');
    fs.writeFileSync(serveTs, fs.readFileSync(serveTs, 'utf8').replace("msg: 'listening'", "msg: 'listening', probe: 'after-edit'"));
    expect(hostStaleReason(b)).toBe(path.join('electron', 'host', 'serveMain.ts') + ' changed');
    expect(await ensureHostBuilt(b)).toBe('built');
    expect(fs.readdirSync(b.outDir).some((f) => fs.readFileSync(path.join(b.outDir, f), 'utf8').includes('after-edit'))).toBe(true);
    expect(hostStaleReason(b)).toBeNull();

    fs.writeFileSync(path.join(root, 'shared', 'addedLater.ts'), 'export const x = 1;\n');
    expect(hostStaleReason(b)).toBe(path.join('shared', 'addedLater.ts') + ' added');
    fs.rmSync(path.join(root, 'shared', 'addedLater.ts'));
    expect(hostStaleReason(b)).toBeNull();

    // A bundled package counts as a source too; native addons are not bundled.
    const stamp = JSON.parse(fs.readFileSync(b.stampFile, 'utf8')) as { inputs: Record<string, string> };
    const inputs = Object.keys(stamp.inputs);
    expect(inputs.some((f) => f.includes(`${path.sep}zod${path.sep}`))).toBe(true);
    expect(inputs.some((f) => f.includes(`${path.sep}better-sqlite3${path.sep}`))).toBe(false);

    fs.rmSync(b.outDir, { recursive: true });
    expect(hostStaleReason(b)).toBe('no build yet');
  }, 90_000);

  it('starts and issues without exceljs, opentype.js or modbus-serial; a report export is what loads exceljs', async () => {
    const root = copyProject();
    const outputs = await buildHost(hostBuild(root));
    // The spreadsheet library is a chunk of its own; opentype.js, harfbuzzjs (its WASM is found beside
    // its own file) and modbus-serial are not bundled at all.
    const excelChunks = Object.entries(outputs).filter(([, ins]) => ins.some((i) => i.includes('node_modules/exceljs/'))).map(([f]) => f);
    expect(excelChunks).toHaveLength(1);
    expect(excelChunks[0]).not.toBe('serve.mjs');
    const all = Object.values(outputs).flat();
    expect(all.some((i) => i.includes('node_modules/opentype.js/'))).toBe(false);
    expect(all.some((i) => i.includes('node_modules/harfbuzzjs/'))).toBe(false);
    expect(all.some((i) => i.includes('node_modules/modbus-serial/'))).toBe(false);
    // Take the chunk away: a host that needs it to start, to issue or to list services fails here.
    const aside = path.join(root, 'excel-chunk.aside');
    fs.renameSync(path.join(root, 'dist', 'host', excelChunks[0] as string), aside);

    const data = tempDir();
    const [kiosk, admin] = enrollInDataDir(data, [{ role: 'kiosk' }, { role: 'admin' }]);
    // NODE_DEBUG=module names every CommonJS file Node loads (opentype.js and modbus-serial are CommonJS).
    const srv = startBundle(root, data, { NODE_DEBUG: 'module' });
    try {
      const base = await srv.started;
      expect(((await (await fetch(`${base}/api/health`)).json()) as { ok: boolean }).ok).toBe(true);
      const issued = await fetch(`${base}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-device-token': kiosk as string }, body: JSON.stringify({ serviceId: 1 }) });
      expect(issued.status).toBe(201);
      expect((await fetch(`${base}/api/services`, { headers: { 'x-device-token': kiosk as string } })).status).toBe(200);
      const loaded = srv.stderr();
      expect(loaded).toContain('node_modules/better-sqlite3/');
      expect(loaded).not.toContain('node_modules/opentype.js/');
      expect(loaded).not.toContain('node_modules/modbus-serial/');

      // The first export is what needs the chunk: without it that one request fails, the host lives on.
      const login = await fetch(`${base}/api/auth/admin`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-device-token': admin as string }, body: JSON.stringify({ password: TEST_ADMIN_PASSWORD }) });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
      const auth = { cookie, 'x-device-token': admin as string };
      // The restore check runs in a worker of its own, restoreWorker.mjs beside the bundle.
      const backup = Buffer.from(await (await fetch(`${base}/api/admin/backup`, { headers: auth })).arrayBuffer());
      const restore = await fetch(`${base}/api/admin/restore?confirm=KHOI-PHUC`, { method: 'POST', headers: { ...auth, 'content-type': 'application/octet-stream' }, body: new Uint8Array(backup) });
      expect(restore.status, await restore.clone().text()).toBe(200);
      const xlsx = await fetch(`${base}/api/reports/export.xlsx?from=2026-11-01&to=2026-11-10`, { headers: auth });
      expect(xlsx.status).toBeGreaterThanOrEqual(500);
      expect((await fetch(`${base}/api/health`)).status).toBe(200);
    } finally {
      srv.child.kill('SIGTERM');
    }
  }, 90_000);
});
