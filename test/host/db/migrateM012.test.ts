// m012: a kiosk's and a display's zone stored with the enrolled device (issue #15), on an office
// database as it was before (user_version 10), with devices paired and a pairing code pending.
import { describe, expect, it } from 'vitest';
import { DeviceRegistry } from '../../../electron/host/auth/deviceRegistry';
import { sha256 } from '../../../electron/host/auth/secretHash';
import { migrate } from '../../../electron/host/db/migrate';
import { migrations } from '../../../electron/host/db/migrations/index';
import { m012DeviceZones } from '../../../electron/host/db/migrations/m012_device_zones';
import { seedIfEmpty } from '../../../electron/host/db/seed';
import { TEST_ADMIN_PASSWORD } from '../../helpers/devices';
import { databaseAt, schemaObjects as objects } from '../../helpers/migrationDb';

describe('m012: device zones', () => {
  it('upgrades a version-10 office: every device and pending code kept, serving the whole office; nothing else in the schema moves', () => {
    expect(migrations.indexOf(m012DeviceZones)).toBe(10);
    const db = databaseAt(10);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    seedIfEmpty(db, { adminPassword: TEST_ADMIN_PASSWORD, alwaysOpen: true });
    db.prepare("INSERT INTO zones (id, name_vi, name_en, sort_order) VALUES (2, 'Tầng 2', 'Floor 2', 1)").run();
    // Devices as the version-10 registry wrote them.
    const add = db.prepare('INSERT INTO devices (token_hash, role, counter_id, name, created_at, last_seen_at, last_address) VALUES (?, ?, ?, ?, ?, ?, ?)');
    add.run(sha256('kiosk-token'), 'kiosk', null, 'Kiosk sảnh', 1, 2, '10.0.0.5');
    add.run(sha256('display-token'), 'display', null, 'TV', 1, 2, '10.0.0.6');
    add.run(sha256('counter-token'), 'counter', 1, 'Máy quầy 1', 1, 2, '10.0.0.7');
    db.prepare('INSERT INTO pairing_codes (code_hash, role, counter_id, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)').run(sha256('123456'), 'display', null, 'TV tầng 2', Date.now(), Date.now() + 600_000);
    const devicesBefore = db.prepare('SELECT * FROM devices ORDER BY id').all() as Record<string, unknown>[];
    const codesBefore = db.prepare('SELECT * FROM pairing_codes').all() as Record<string, unknown>[];
    const zonesBefore = db.prepare('SELECT * FROM zones ORDER BY id').all();
    const counterZonesBefore = db.prepare('SELECT id, zone_id FROM counters ORDER BY id').all();
    const changed = new Set(['devices', 'pairing_codes', 'zones']);
    const othersBefore = objects(db).filter((o) => !changed.has(o.name));

    migrate(db, 11);
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    expect(db.prepare('SELECT * FROM devices ORDER BY id').all()).toEqual(devicesBefore.map((d) => ({ ...d, zone_id: null })));
    expect(db.prepare('SELECT * FROM pairing_codes').all()).toEqual(codesBefore.map((c) => ({ ...c, zone_id: null })));
    expect(objects(db).filter((o) => !changed.has(o.name))).toEqual(othersBefore);
    // Zones rebuilt with their ids (AUTOINCREMENT), the counters still in theirs.
    expect(db.prepare('SELECT * FROM zones ORDER BY id').all()).toEqual(zonesBefore);
    expect(db.prepare('SELECT id, zone_id FROM counters ORDER BY id').all()).toEqual(counterZonesBefore);
    expect((db.prepare("SELECT sql FROM sqlite_master WHERE name = 'zones'").get() as { sql: string }).sql).toMatch(/AUTOINCREMENT/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    // The database itself keeps the rules: only kiosks and displays stand in a zone, in one that exists.
    expect(() => db.prepare("UPDATE devices SET zone_id = 2 WHERE role = 'counter'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE devices SET zone_id = 9 WHERE role = 'kiosk'").run()).toThrow(/FOREIGN KEY/);

    // The upgraded registry: the old credentials still identify their devices; the pending code pairs for the whole office.
    const registry = new DeviceRegistry(db, Date.now);
    expect(registry.identify('kiosk-token', null)).toMatchObject({ role: 'kiosk', zoneId: null });
    expect(registry.pair('123456', null).device).toMatchObject({ role: 'display', zoneId: null, name: 'TV tầng 2' });
    const kiosk = registry.identify('kiosk-token', null)!;
    expect(registry.setZone(kiosk.id, 2).zoneId).toBe(2);
    const { code } = registry.createPairingCode('display', null, 'TV 2', 2);
    expect(registry.pair(code, null).device.zoneId).toBe(2);
    // Deleting a zone however it happens leaves no device pointing at it.
    db.prepare('DELETE FROM zones WHERE id = 2').run();
    expect(registry.identify('kiosk-token', null)?.zoneId).toBeNull();
    expect(db.prepare('SELECT count(*) AS n FROM devices WHERE zone_id IS NOT NULL').get()).toEqual({ n: 0 });
    // The deleted zone's id is never handed out again: what still names it cannot wake up as a new zone.
    expect(Number(db.prepare("INSERT INTO zones (name_vi) VALUES ('Sảnh mới')").run().lastInsertRowid)).toBe(3);
    db.close();
  });
});
