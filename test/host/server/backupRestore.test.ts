import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHost } from '../../../electron/host/host';
import { HttpClient } from '../../helpers/httpClient';
import { tempDir } from '../../helpers/tempHost';

const start = (dir: string) =>
  startHost({ dataDir: dir, port: 0, host: '127.0.0.1', log: () => undefined, version: 't', staticDir: path.join(dir, 'none'), resourcesDir: path.resolve('resources'), adminPassword: 'admin-test', seedAlwaysOpen: true, backups: false, issueRatePerMinute: 0 });

describe('backup download and restore', () => {
  it('downloads a consistent backup, refuses a bad file, restores a good one at the next start', async () => {
    const dir = tempDir();
    let host = await start(dir);
    const base = () => `http://127.0.0.1:${host.port}`;
    const admin = new HttpClient(base());
    await admin.post('/api/auth/admin', { password: 'admin-test' });
    const kept = await admin.post('/api/tickets', { serviceId: 1 });
    const res = await fetch(`${base()}/api/admin/backup`, { headers: { cookie: admin.cookie } });
    expect(res.status).toBe(200);
    const backup = Buffer.from(await res.arrayBuffer());
    expect(backup.subarray(0, 15).toString()).toBe('SQLite format 3');
    expect((await fetch(`${base()}/api/admin/backup`)).status).toBe(401);

    const lost = await admin.post('/api/tickets', { serviceId: 1 });
    const post = (body: Buffer, confirm = 'KHOI-PHUC') =>
      fetch(`${base()}/api/admin/restore?confirm=${confirm}`, { method: 'POST', headers: { cookie: admin.cookie, 'content-type': 'application/octet-stream' }, body: new Uint8Array(body) });
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
    expect(fs.readdirSync(path.join(dir, 'backups')).some((f) => f.startsWith('motcua-before-restore-'))).toBe(true);
    await host.close();
  });
});
