import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../electron/host/auth/secretHash';
import { migrations } from '../../../electron/host/db/migrations/index';
import { expectedSchema } from '../../../electron/host/db/restoreCheck';
import { startHost } from '../../../electron/host/host';
import type { Host } from '../../../electron/host/host';
import { TEST_ADMIN_PASSWORD, deviceClient, signedInAdmin } from '../../helpers/devices';
import { HttpClient } from '../../helpers/httpClient';
import { tempDir } from '../../helpers/tempHost';

const start = (dir: string) =>
  startHost({ dataDir: dir, port: 0, host: '127.0.0.1', log: () => undefined, version: 't', staticDir: path.join(dir, 'none'), resourcesDir: path.resolve('resources'), adminPassword: TEST_ADMIN_PASSWORD, seedAlwaysOpen: true, backups: false, issueRatePerMinute: 0 });

// A restore brings back no device credentials of the backup (restoreCheck's NOT_RESTORED); the
// devices paired with the running office stay paired. A device paired after the restart, as
// `npm run device -- pair` would on the host PC.
const pairedAfterRestore = (host: Host) => deviceClient(host, 'admin');

describe('backup download and restore', () => {
  it('downloads a consistent backup, refuses a bad file, restores a good one at the next start', async () => {
    const dir = tempDir();
    let host = await start(dir);
    const base = () => `http://127.0.0.1:${host.port}`;
    const admin = await signedInAdmin(host);
    const kiosk = deviceClient(host, 'kiosk');
    const kept = await kiosk.post('/api/tickets', { serviceId: 1 });
    const res = await fetch(`${base()}/api/admin/backup`, { headers: admin.authHeaders() });
    expect(res.status).toBe(200);
    const backup = Buffer.from(await res.arrayBuffer());
    expect(backup.subarray(0, 15).toString()).toBe('SQLite format 3');
    // File routes are judged like the contract's admin routes: device first, then its session.
    const refusal = async (r: Response) => [r.status, ((await r.json()) as { error: { code: string } }).error.code];
    expect(await refusal(await fetch(`${base()}/api/admin/backup`))).toEqual([403, 'DEVICE_NOT_ENROLLED']);
    // The admin's session cookie is worth nothing without the admin device it was opened on.
    expect(await refusal(await fetch(`${base()}/api/admin/backup`, { headers: { cookie: admin.cookie } }))).toEqual([403, 'DEVICE_NOT_ENROLLED']);
    expect(await refusal(await fetch(`${base()}/api/admin/backup`, { headers: kiosk.authHeaders() }))).toEqual([403, 'DEVICE_ROLE']);
    // A phone's restore upload is refused from its headers; the host does not take the file.
    const planted = await fetch(`${base()}/api/admin/restore?confirm=KHOI-PHUC`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(backup) });
    expect(await refusal(planted)).toEqual([403, 'DEVICE_NOT_ENROLLED']);
    expect(fs.existsSync(path.join(dir, 'restore-pending.sqlite.upload'))).toBe(false);

    const lost = await kiosk.post('/api/tickets', { serviceId: 1 });
    // Paired after the backup was taken: a display, and a PC at a counter the backup does not have.
    const display = deviceClient(host, 'display');
    const newCounter = await admin.post('/api/admin/counters', { number: 7, name: 'Quầy 7', serviceIds: [1] });
    expect(newCounter.status).toBe(200);
    const lateCounterPc = deviceClient(host, 'counter', newCounter.body.id);
    expect((await lateCounterPc.get('/api/counters')).status).toBe(200);
    const post = (body: Buffer, confirm = 'KHOI-PHUC') =>
      fetch(`${base()}/api/admin/restore?confirm=${confirm}`, { method: 'POST', headers: { ...admin.authHeaders(), 'content-type': 'application/octet-stream' }, body: new Uint8Array(body) });
    expect((await post(Buffer.from('not a database'))).status).toBe(400);
    expect((await post(backup, 'yes')).status).toBe(400);
    expect(fs.existsSync(path.join(dir, 'restore-pending.sqlite'))).toBe(false);
    const ok = await post(backup);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { restartRequired: boolean }).restartRequired).toBe(true);
    // The running queue is untouched until the restart.
    expect((await admin.get(`/api/tickets/${lost.body.id}`)).status).toBe(200);

    await host.close();
    host = await start(dir);
    const c = new HttpClient(base());
    expect((await c.get(`/api/tickets/${kept.body.id}`)).status).toBe(200);
    expect((await c.get(`/api/tickets/${lost.body.id}`)).status).toBe(404);
    // The room's devices are still paired: the kiosk issues, the display reads, the admin browser
    // signs in again (sessions never survive a restore); the PC of a counter the backup lacks is not.
    // (The restarted host listens on a new port; each client keeps its credential and cookie.)
    const again = (old: HttpClient) => Object.assign(new HttpClient(base(), old.device), { cookie: old.cookie });
    // The backup is from before `lost` was handed out: no number until the admin confirms today's
    // last ones (#27), pre-filled from the database the restore replaced; then numbering resumes above.
    const refused = await again(kiosk).post('/api/tickets', { serviceId: 1 });
    expect([refused.status, refused.body.error.code]).toEqual([503, 'DATABASE_DAMAGED']);
    expect((await again(display).get('/api/counters')).status).toBe(200);
    const adminAgain = again(admin);
    expect((await adminAgain.get('/api/admin/office')).status).toBe(401);
    expect((await adminAgain.post('/api/auth/admin', { password: TEST_ADMIN_PASSWORD })).status).toBe(200);
    expect((await adminAgain.get('/api/admin/office')).status).toBe(200);
    const recovery = (await adminAgain.get('/api/admin/database-recovery')).body;
    expect(recovery).toMatchObject({ damaged: true, damage: { reason: 'restored' } });
    expect(recovery.services[0]).toMatchObject({ serviceId: 1, inDatabase: 1, inDamagedLog: 2, suggested: 2 });
    expect((await adminAgain.post('/api/admin/database-recovery', { floors: [] })).status).toBe(200);
    const resumed = await again(kiosk).post('/api/tickets', { serviceId: 1 });
    expect(resumed.status).toBe(201);
    expect(resumed.body.number).not.toBe(lost.body.number);
    expect(resumed.body.number > lost.body.number).toBe(true);
    expect((await again(lateCounterPc).get('/api/counters')).body.error.code).toBe('DEVICE_NOT_ENROLLED');
    expect(fs.readdirSync(path.join(dir, 'backups')).some((f) => f.startsWith('motcua-before-restore-'))).toBe(true);
    await host.close();
  });
});

describe('restore takes data, not code', () => {
  it('refuses planted triggers and missing audit triggers; drops planted sessions; keeps the current admin password', async () => {
    const dir = tempDir();
    let host = await start(dir);
    const base = () => `http://127.0.0.1:${host.port}`;
    const admin = await signedInAdmin(host);
    const kept = await deviceClient(host, 'kiosk').post('/api/tickets', { serviceId: 1 });
    const res = await fetch(`${base()}/api/admin/backup`, { headers: admin.authHeaders() });
    const clean = Buffer.from(await res.arrayBuffer());
    const work = tempDir();

    const planted = (name: string, sql: string) => {
      const file = path.join(work, `${name}.sqlite`);
      fs.writeFileSync(file, clean);
      const db = new Database(file);
      db.exec(sql);
      db.close();
      return fs.readFileSync(file);
    };
    // A session, and an admin device whose credential the planter knows (issue #13).
    const backdoorSession =
      `INSERT INTO sessions (token_hash, kind, created_at, expires_at) VALUES ('${sha256('backdoor-token')}', 'admin', 0, 4102444800000);` +
      `INSERT INTO devices (token_hash, role, counter_id, name, created_at) VALUES ('${sha256('backdoor-device')}', 'admin', NULL, 'planted', 0)`;
    const files = {
      sessionTrigger: planted('t1', `CREATE TRIGGER keep_door AFTER INSERT ON tickets BEGIN INSERT OR IGNORE INTO sessions (token_hash, kind, created_at, expires_at) VALUES ('${sha256('backdoor-token')}', 'admin', 0, 4102444800000); END;`),
      dropLowRatings: planted('t2', "CREATE TRIGGER hide_bad BEFORE INSERT ON ratings WHEN NEW.score < 3 BEGIN SELECT RAISE(IGNORE); END;"),
      noAudit: planted('t3', 'DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;'),
      extraView: planted('t4', 'CREATE VIEW v AS SELECT * FROM tickets'),
      onlySession: planted('t5', backdoorSession),
    };
    const post = (body: Buffer) =>
      fetch(`${base()}/api/admin/restore?confirm=KHOI-PHUC`, { method: 'POST', headers: { ...admin.authHeaders(), 'content-type': 'application/octet-stream' }, body: new Uint8Array(body) });
    const countTickets = () => (host.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
    const before = countTickets();
    for (const [name, body] of Object.entries(files).slice(0, 4)) {
      const r = await post(body);
      const msg = ((await r.json()) as { error: { message: string } }).error.message;
      expect(r.status, name).toBe(400);
      expect(msg, name).toMatch(/cấu trúc khác với motcua/);
      expect(fs.existsSync(path.join(dir, 'restore-pending.sqlite')), name).toBe(false);
    }
    expect(countTickets()).toBe(before);
    expect((await admin.get('/api/admin/office')).status).toBe(200);

    // The data-only plant is accepted, but sessions never come back, and the password is today's.
    expect((await admin.post('/api/admin/password', { password: 'mật-khẩu-sau-sao-lưu' })).status).toBe(200);
    expect((await post(files.onlySession)).status).toBe(200);
    await host.close();
    host = await start(dir);
    expect((await new HttpClient(base()).get(`/api/tickets/${kept.body.id}`)).status).toBe(200);
    const plantedDevice = new HttpClient(base(), 'backdoor-device');
    expect((await plantedDevice.req('GET', '/api/admin/office', undefined, { authorization: 'Bearer backdoor-token' })).body.error.code).toBe('DEVICE_NOT_ENROLLED');
    const c = pairedAfterRestore(host);
    expect((await c.req('GET', '/api/admin/office', undefined, { authorization: 'Bearer backdoor-token' })).status).toBe(401);
    expect((await c.post('/api/auth/admin', { password: TEST_ADMIN_PASSWORD })).status).toBe(401);
    expect((await c.post('/api/auth/admin', { password: 'mật-khẩu-sau-sao-lưu' })).status).toBe(200);
    const triggers = (host.db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    const ours = [...expectedSchema(migrations.length).values()].filter((o) => o.type === 'trigger').map((o) => o.name).sort();
    expect(triggers).toEqual(ours);
    expect(triggers).toContain('events_no_update');
    await host.close();
  });
});
