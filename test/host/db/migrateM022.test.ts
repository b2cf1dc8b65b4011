// m022 (#30): appointment rules, bookings, and the appointment's slot and callable moment on the
// ticket, on an office database as it was after m021 (user_version 18), with tickets already issued.
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/host/db/migrate';
import { migrations } from '../../../electron/host/db/migrations/index';
import { m022Appointments } from '../../../electron/host/db/migrations/m022_appointments';
import { seedIfEmpty } from '../../../electron/host/db/seed';
import { TEST_ADMIN_PASSWORD } from '../../helpers/devices';
import { databaseAt, schemaObjects as objects } from '../../helpers/migrationDb';

describe('m022: appointments', () => {
  it('adds two tables and two nullable ticket columns; tickets already issued are unchanged; the check-in and slot counts use their indexes', () => {
    expect(migrations.indexOf(m022Appointments)).toBe(18);
    const db = databaseAt(18);
    seedIfEmpty(db, { adminPassword: TEST_ADMIN_PASSWORD, alwaysOpen: true });
    db.prepare(`INSERT INTO tickets (id, service_id, business_day, seq, number, state, issued_at, queued_at, issue_order, check_code)
      VALUES ('T0000000000001', 1, '2026-11-23', 1, 'A001', 'waiting', 1, 1, 1, 'ABCDE')`).run();
    const before = objects(db);
    const tickets = db.prepare('SELECT * FROM tickets').all();
    migrate(db, 19);
    expect(db.pragma('user_version', { simple: true })).toBe(19);
    const after = objects(db);
    const added = after.filter((o) => !before.some((b) => b.name === o.name)).map((o) => o.name).sort();
    expect(added).toEqual(['appointment_rules', 'bookings', 'bookings_by_slot', 'bookings_id_hash', 'bookings_slot', 'bookings_ticket']);
    expect(after.filter((o) => o.name !== 'tickets' && !added.includes(o.name))).toEqual(before.filter((o) => o.name !== 'tickets'));
    expect(db.prepare('SELECT * FROM tickets').all()).toEqual(tickets.map((t) => ({ ...(t as object), appointment_at: null, callable_at: null })));
    // No column for a name, a phone or an ID number: only the keyed hash and last 4 digits.
    const columns = (db.prepare('PRAGMA table_info(bookings)').all() as { name: string }[]).map((c) => c.name);
    expect(columns.filter((c) => /name|phone|address|birth|id_number/.test(c))).toEqual([]);
    const plan = (sql: string, ...args: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((p) => p.detail).join(' ');
    expect(plan("SELECT count(*) FROM bookings WHERE service_id = ? AND slot_start = ? AND state IN ('booked', 'checkedIn')", 1, 1)).toContain('bookings_slot');
    expect(plan("SELECT * FROM bookings WHERE id_hash = ? AND slot_start >= ? AND slot_start < ? AND state = 'booked'", 'x', 0, 1)).toContain('bookings_id_hash');
    expect(plan('SELECT * FROM bookings WHERE ticket_id = ?', 'x')).toContain('bookings_ticket');
    db.close();
  });
});
