import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataFolderConflictError, chooseDataDir } from '../../electron/host/dataFolder';
import { startHost } from '../../electron/host/host';
import type { Host } from '../../electron/host/host';
import { HttpClient } from '../helpers/httpClient';
import { enrollDevice } from '../helpers/devices';
import { startServe, waitExit } from '../helpers/serveProcess';
import type { ServeProcess } from '../helpers/serveProcess';
import { eventually, tempDir } from '../helpers/tempHost';

// One data folder whatever starts the host (issue #28 point 1): browser mode (`npm start` without
// Electron, `npm run serve`) and the desktop app find the same office on the same machine. Electron
// cannot be downloaded here, so the desktop side is the module its main process calls, given the
// user-data path Electron gives on this platform.

const PASSWORD = 'cây-đa-giếng-nước-7';
const PINS = ['572946', '318274', '649135', '205817'];

/** A machine of its own: its home and app-data folders, and a project folder `npm start` runs in. */
function machine() {
  const root = tempDir('motcua-machine-');
  const m = { root, home: path.join(root, 'home'), config: path.join(root, 'config'), appData: path.join(root, 'AppData', 'Roaming'), project: path.join(root, 'project') };
  for (const d of [m.home, m.project]) fs.mkdirSync(d, { recursive: true });
  return m;
}
type Machine = ReturnType<typeof machine>;

/** What app.getPath('userData') answers for the app "motcua" on this OS (Electron's own rules). */
function electronUserData(m: Machine): string {
  if (process.platform === 'win32') return path.join(m.appData, 'motcua');
  if (process.platform === 'darwin') return path.join(m.home, 'Library', 'Application Support', 'motcua');
  return path.join(m.config, 'motcua');
}

const env = (m: Machine) => ({ HOME: m.home, USERPROFILE: m.home, XDG_CONFIG_HOME: m.config, APPDATA: m.appData, MOTCUA_DATA: '', MOTCUA_ADMIN_PASSWORD: '', MOTCUA_OFFICER_PINS: '' });

let running: ServeProcess[] = [];
let hosts: Host[] = [];
afterEach(async () => {
  for (const s of running) {
    s.child.kill('SIGTERM');
    await waitExit(s.child);
  }
  for (const h of hosts) await h.close();
  running = [];
  hosts = [];
});

/** `npm start` in browser mode / `npm run serve` in the project folder, naming no data folder. */
async function browserMode(m: Machine, data: string | null = null): Promise<ServeProcess> {
  const s = await startServe(data, env(m), 0, undefined, m.project);
  running.push(s);
  return s;
}

async function stop(s: ServeProcess): Promise<void> {
  s.child.kill('SIGTERM');
  await waitExit(s.child);
  running = running.filter((r) => r !== s);
}

/** Sets the office up through its setup link, as its first person does, and takes one number. */
async function setUpOffice(s: ServeProcess): Promise<string> {
  const url = await eventually(() => s.setupUrl, 10_000);
  const token = new URL(url).searchParams.get('token') as string;
  const browser = new HttpClient(s.base);
  const status = (await browser.get(`/api/setup?token=${token}`)).body as { officers: { id: number }[] };
  const done = await browser.post('/api/setup', { token, password: PASSWORD, pins: status.officers.map((o, i) => ({ officerId: o.id, pin: PINS[i] })), printer: { kind: 'none' } });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  const kiosk = new HttpClient(s.base);
  // A kiosk paired as an office pairs one: a code made by the admin device setup just enrolled.
  expect((await browser.post('/api/auth/admin', { password: PASSWORD })).status).toBe(200);
  const code = (await browser.post('/api/admin/devices/pairing', { role: 'kiosk' })).body as { code: string };
  expect((await kiosk.post('/api/devices/pair', { code: code.code })).status).toBe(200);
  const ticket = await kiosk.post('/api/tickets', { serviceId: 1 });
  expect(ticket.status).toBe(201);
  return (ticket.body as { number: string }).number;
}

/** The desktop app's start on this machine: its data-folder choice, then the host on it. */
async function desktop(m: Machine): Promise<{ host: Host; movedFrom: string | null }> {
  const choice = chooseDataDir({ named: undefined, defaultDir: path.join(electronUserData(m), 'data'), legacyDirs: [path.join(m.project, 'data')] });
  const host = await startHost({ dataDir: choice.dataDir, port: 0, host: '127.0.0.1', log: () => undefined, version: 't', staticDir: path.join(m.root, 'none'), resourcesDir: path.resolve('resources'), backups: false });
  hosts.push(host);
  return { host, movedFrom: choice.movedFrom };
}

/** The office this host holds: set up (no new setup link), its admin password, and the number taken. */
async function expectSameOffice(host: Host, number: string): Promise<void> {
  expect(host.setupUrl).toBeNull();
  const admin = new HttpClient(`http://127.0.0.1:${host.port}`, enrollDevice(host, 'admin'));
  expect((await admin.post('/api/auth/admin', { password: PASSWORD })).status).toBe(200);
  expect(host.db.prepare('SELECT number FROM tickets').all()).toEqual([{ number }]);
}

const digest = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('one data folder, whichever shell starts the host', () => {
  it('set up in browser mode, then started as the desktop app on the same machine: the same office', async () => {
    const m = machine();
    const serve = await browserMode(m);
    expect(serve.dataDir).toBe(path.join(electronUserData(m), 'data'));
    const number = await setUpOffice(serve);
    await stop(serve);
    expect(fs.existsSync(path.join(m.project, 'data'))).toBe(false);

    const { host, movedFrom } = await desktop(m);
    expect(movedFrom).toBeNull();
    expect(host.dataDir).toBe(serve.dataDir);
    await expectSameOffice(host, number);
  }, 60_000);

  it('an office an older start kept in the project’s ./data moves once to the common folder, with a line in the log', async () => {
    const m = machine();
    const old = await browserMode(m, path.join(m.project, 'data'));
    const number = await setUpOffice(old);
    await stop(old);

    const serve = await browserMode(m);
    const common = path.join(electronUserData(m), 'data');
    expect(serve.dataDir).toBe(common);
    expect(fs.existsSync(path.join(m.project, 'data'))).toBe(false);
    const log = fs.readFileSync(path.join(common, 'logs', 'motcua.log'), 'utf8');
    expect(log).toContain('"msg":"office data moved to the data folder every start uses"');
    expect(log).toContain(JSON.stringify(path.join(m.project, 'data')));
    // No setup link: it is the same office, not a new one.
    await new Promise((r) => setTimeout(r, 300));
    expect(serve.setupUrl).toBeNull();
    await stop(serve);

    // The desktop app then finds it where browser mode left it, and moves nothing.
    const { host, movedFrom } = await desktop(m);
    expect(movedFrom).toBeNull();
    await expectSameOffice(host, number);
  }, 60_000);

  it('an office in both folders: refused with both named, neither touched', async () => {
    const m = machine();
    const common = path.join(electronUserData(m), 'data');
    const a = await browserMode(m, common);
    await setUpOffice(a);
    await stop(a);
    const b = await browserMode(m, path.join(m.project, 'data'));
    await setUpOffice(b);
    await stop(b);
    const before = [digest(path.join(common, 'motcua.sqlite')), digest(path.join(m.project, 'data', 'motcua.sqlite'))];

    expect(() => chooseDataDir({ named: undefined, defaultDir: common, legacyDirs: [path.join(m.project, 'data')] })).toThrow(DataFolderConflictError);
    await expect(browserMode(m)).rejects.toThrow(/Two offices found: .*Neither is overwritten/);
    expect([digest(path.join(common, 'motcua.sqlite')), digest(path.join(m.project, 'data', 'motcua.sqlite'))]).toEqual(before);
    // A folder named on purpose is used as it is.
    expect(chooseDataDir({ named: path.join(m.project, 'data'), defaultDir: common, legacyDirs: [path.join(m.project, 'data')] })).toEqual({ dataDir: path.join(m.project, 'data'), movedFrom: null });
  }, 60_000);
});
