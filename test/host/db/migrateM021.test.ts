// m021 (#30): a scanned ID card's name and birth year on the ticket, on an office database as it was
// after m020 (user_version 17), with tickets already issued.
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/host/db/migrate';
import { migrations } from '../../../electron/host/db/migrations/index';
import { m021CheckinCitizen } from '../../../electron/host/db/migrations/m021_checkin_citizen';
import { seedIfEmpty } from '../../../electron/host/db/seed';
import { QueueService } from '../../../electron/host/queue/queueService';
import { TEST_ADMIN_PASSWORD } from '../../helpers/devices';
import { databaseAt, schemaObjects as objects } from '../../helpers/migrationDb';
import { FakeClock } from '../../helpers/tempHost';

describe('m021: the checked-in citizen on the ticket', () => {
  it('adds only two nullable columns and the purge’s partial index; tickets already issued are unchanged', () => {
    expect(migrations.indexOf(m021CheckinCitizen)).toBe(17);
    const db = databaseAt(17);
    seedIfEmpty(db, { adminPassword: TEST_ADMIN_PASSWORD, alwaysOpen: true });
    db.prepare(`INSERT INTO tickets (id, service_id, business_day, seq, number, state, issued_at, queued_at, issue_order, check_code)
      VALUES ('T0000000000001', 1, '2026-11-23', 1, 'A001', 'waiting', 1, 1, 1, 'ABCDE')`).run();
    const before = objects(db);
    const tickets = db.prepare('SELECT * FROM tickets').all();
    migrate(db, 18);
    expect(db.pragma('user_version', { simple: true })).toBe(18);
    const after = objects(db);
    expect(after.filter((o) => o.name !== 'tickets' && o.name !== 'tickets_citizen_named')).toEqual(before.filter((o) => o.name !== 'tickets'));
    expect(after.find((o) => o.name === 'tickets_citizen_named')?.sql).toContain('WHERE citizen_name IS NOT NULL');
    expect(db.prepare('SELECT * FROM tickets').all()).toEqual(tickets.map((t) => ({ ...(t as object), citizen_name: null, citizen_birth_year: null })));

    // Today's queue code runs on today's schema: the later migrations first (m022 adds the appointment columns).
    migrate(db, migrations.length);
    const queue = new QueueService({ db, now: new FakeClock().now });
    const named = queue.issuer.issue({ serviceId: 1, citizen: { name: 'Trần Thị Mai', birthYear: 1991 } });
    expect(db.prepare('SELECT citizen_name, citizen_birth_year FROM tickets WHERE id = ?').get(named.id)).toEqual({ citizen_name: 'Trần Thị Mai', citizen_birth_year: 1991 });
    // The purge's query runs on the partial index, not over the day's tickets.
    const plan = db.prepare('EXPLAIN QUERY PLAN UPDATE tickets SET citizen_name = NULL WHERE citizen_name IS NOT NULL AND issued_at < ?').all(0) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('tickets_citizen_named');
    db.close();
  });
});
