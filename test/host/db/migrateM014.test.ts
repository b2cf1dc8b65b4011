// m014: guessing made visible (issue #27), on an office database as it was after m013 (user_version
// 12) with wrong PINs on record at two counter PCs.
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/host/db/migrate';
import { migrations } from '../../../electron/host/db/migrations/index';
import { m014GuessBudgets } from '../../../electron/host/db/migrations/m014_guess_budgets';
import { seedIfEmpty } from '../../../electron/host/db/seed';
import { DeviceRegistry } from '../../../electron/host/auth/deviceRegistry';
import { SecurityAlerts } from '../../../electron/host/auth/securityAlerts';
import { TEST_ADMIN_PASSWORD } from '../../helpers/devices';
import { databaseAt, schemaObjects as objects } from '../../helpers/migrationDb';

describe('m014: a right PIN after wrong ones is kept; security alerts', () => {
  it('upgrades a version-12 office: wrong-PIN counts and everything else unchanged, nothing right-after yet, no alerts', () => {
    expect(migrations.indexOf(m014GuessBudgets)).toBe(12);
    const db = databaseAt(12);
    seedIfEmpty(db, { adminPassword: TEST_ADMIN_PASSWORD, alwaysOpen: true });
    const registry = new DeviceRegistry(db, () => 1_800_000_000_000);
    const a = registry.enroll('counter', 1, 'Máy quầy 1', 'test').device;
    const b = registry.enroll('counter', 2, 'Máy quầy 2', 'test').device;
    db.prepare('INSERT INTO pin_attempts (device_key, failures, blocked_until) VALUES (?, ?, ?), (?, ?, ?)').run(`device:${a.id}`, 6, 1_800_000_060_000, `device:${b.id}`, 2, 0);
    const others = objects(db).filter((o) => o.name !== 'pin_attempts');
    const rowsBefore = Object.fromEntries(others.filter((o) => o.type === 'table').map((o) => [o.name, db.prepare(`SELECT * FROM "${o.name}"`).all()]));

    // To m014 only, so a later migration does not make this test about it.
    migrate(db, 13);
    expect(db.pragma('user_version', { simple: true })).toBe(13);
    expect(db.prepare('SELECT * FROM pin_attempts ORDER BY device_key').all()).toEqual([
      { device_key: `device:${a.id}`, failures: 6, blocked_until: 1_800_000_060_000, right_after_failures: 0, right_at: null },
      { device_key: `device:${b.id}`, failures: 2, blocked_until: 0, right_after_failures: 0, right_at: null },
    ]);
    for (const [t, rows] of Object.entries(rowsBefore)) expect(db.prepare(`SELECT * FROM "${t}"`).all(), t).toEqual(rows);
    expect(objects(db).filter((o) => o.name !== 'pin_attempts' && o.name !== 'security_alerts')).toEqual(others);
    expect(registry.list().map((d) => [d.pinFailures, d.pinRightAfterFailures, d.pinRightAt])).toEqual([
      [6, 0, null],
      [2, 0, null],
    ]);
    const alerts = new SecurityAlerts(db);
    expect(alerts.recent()).toEqual([]);
    alerts.pairingSwept(1_800_000_000_000, 250, 2);
    expect(alerts.recent()).toEqual([{ id: 1, kind: 'pairing.swept', at: 1_800_000_000_000, failures: 250, voided: 2 }]);
    expect(() => db.prepare("INSERT INTO security_alerts (kind, at, detail) VALUES ('x', 1, 'not json')").run()).toThrow(/CHECK/);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
