// A restore keeps the running office's devices (db/restoreKeeps.ts) and, since m012, their zones —
// but only zones the backup has: a kept kiosk whose zone the backup lacks serves the whole office,
// never a dangling zone id (which would also fail the restore's foreign-key check).
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../electron/host/auth/secretHash';
import { migrate } from '../../../electron/host/db/migrate';
import { prepareRestore } from '../../../electron/host/db/restoreCheck';
import { seedIfEmpty } from '../../../electron/host/db/seed';
import { registerSqlFunctions } from '../../../electron/host/db/sqlFunctions';
import { startHost } from '../../../electron/host/host';
import type { Host } from '../../../electron/host/host';
import { TEST_ADMIN_PASSWORD, signedInAdmin } from '../../helpers/devices';
import { HttpClient } from '../../helpers/httpClient';
import { tempDir } from '../../helpers/tempHost';

const start = (dir: string) =>
  startHost({ dataDir: dir, port: 0, host: '127.0.0.1', log: () => undefined, version: 't', staticDir: path.join(dir, 'none'), resourcesDir: path.resolve('resources'), adminPassword: TEST_ADMIN_PASSWORD, seedAlwaysOpen: true, backups: false, issueRatePerMinute: 0 });

describe('restore and device zones', () => {
  it('a kept kiosk keeps a zone the backup has; a display of a zone made after the backup serves the whole office', async () => {
    const dir = tempDir();
    let host: Host = await start(dir);
    const base = () => `http://127.0.0.1:${host.port}`;
    const admin = await signedInAdmin(host);
    const floor2 = (await admin.post('/api/admin/zones', { nameVi: 'Tầng 2' })).body.id as number;
    const res = await fetch(`${base()}/api/admin/backup`, { headers: admin.authHeaders() });
    expect(res.status).toBe(200);
    const backup = Buffer.from(await res.arrayBuffer());

    // After the backup: floor 3, and the room's devices paired for floors 2 and 3.
    const floor3 = (await admin.post('/api/admin/zones', { nameVi: 'Tầng 3' })).body.id as number;
    const kiosk = host.devices.enroll('kiosk', null, 'Kiosk tầng 2', 'test', floor2).token;
    const display = host.devices.enroll('display', null, 'TV tầng 3', 'test', floor3).token;
    const whole = host.devices.enroll('display', null, 'TV sảnh', 'test', null).token;
    const ok = await fetch(`${base()}/api/admin/restore?confirm=KHOI-PHUC`, { method: 'POST', headers: { ...admin.authHeaders(), 'content-type': 'application/octet-stream' }, body: new Uint8Array(backup) });
    expect(ok.status, await ok.clone().text()).toBe(200);
    await host.close();

    host = await start(dir);
    expect((await new HttpClient(base()).get('/api/zones')).body.map((z: { id: number }) => z.id)).toEqual([1, floor2]);
    const me = async (token: string) => (await new HttpClient(base(), token).get('/api/devices/me')).body as { zoneId: number | null; name: string };
    expect(await me(kiosk)).toMatchObject({ name: 'Kiosk tầng 2', zoneId: floor2 });
    expect(await me(display)).toMatchObject({ name: 'TV tầng 3', zoneId: null });
    expect(await me(whole)).toMatchObject({ zoneId: null });
    // The floor-3 display still shows something: the whole office, not a "zone not found".
    const state = await new HttpClient(base(), display).get('/api/display');
    expect([state.status, state.body.zone]).toEqual([200, null]);
    expect(host.db.pragma('foreign_key_check')).toEqual([]);
    await host.close();
  });

  it('a backup from before m012 (user_version 10) restores with the kept devices serving the whole office', () => {
    const dir = tempDir();
    const uploaded = path.join(dir, 'old.sqlite');
    const old = new Database(uploaded);
    registerSqlFunctions(old);
    old.pragma('foreign_keys = ON');
    migrate(old, 10);
    seedIfEmpty(old, { adminPassword: TEST_ADMIN_PASSWORD, alwaysOpen: true });
    old.close();
    const out = path.join(dir, 'restored.sqlite');
    const kept = { id: 7, token_hash: sha256('kiosk'), role: 'kiosk', counter_id: null, name: 'Kiosk', created_at: 1, last_seen_at: 2, last_address: 'x', zone_id: 1 };
    expect(prepareRestore(uploaded, out, {}, [kept])).toEqual({ ok: true, version: 10, devicesKept: 1 });
    const db = new Database(out);
    registerSqlFunctions(db);
    migrate(db);
    expect(db.prepare('SELECT id, role, zone_id FROM devices').all()).toEqual([{ id: 7, role: 'kiosk', zone_id: null }]);
    db.close();
  });
});
