import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MigrationError, migrate } from '../../../electron/host/db/migrate';
import { migrations } from '../../../electron/host/db/migrations/index';
import { seedIfEmpty } from '../../../electron/host/db/seed';
import { generateHistory } from '../../helpers/reportDataset';
import { tempDir } from '../../helpers/tempHost';

/** A database exactly as the landed version (schema 2) left it, with two months of history. */
function schema2Database() {
  const dir = tempDir();
  const file = path.join(dir, 'motcua.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec(migrations[0] as string);
  db.exec(migrations[1] as string);
  db.pragma('user_version = 2');
  seedIfEmpty(db, { adminPassword: 'x', alwaysOpen: true });
  generateHistory(db, { days: 40, ticketsPerDay: 60, firstDay: '2026-10-01', leftOpen: 'waiting' });
  // Today: one of each live state, a transfer chain, a pause and a session.
  const now = Date.UTC(2026, 10, 12, 2, 0);
  const ins = db.prepare(`INSERT INTO tickets (id, service_id, business_day, seq, number, state, issued_at, queued_at, called_at, counter_id, officer_id, transferred_from, target_counter_id, issue_order)
    VALUES (?, 1, '2026-11-12', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const order = (db.prepare('SELECT max(issue_order) m FROM tickets').get() as { m: number }).m;
  ins.run('LIVE00000001', 1, 'A001', 'called', now, now, now + 60_000, 1, 1, null, null, order + 1);
  ins.run('LIVE00000002', 2, 'A002', 'parked', now, now, now + 60_000, 2, 2, null, null, order + 2);
  ins.run('LIVE00000003', 3, 'A003', 'transferred', now, now, now + 60_000, 1, 1, null, null, order + 3);
  ins.run('LIVE00000004', 3, 'A003', 'waiting', now, now, null, null, null, 'LIVE00000003', 2, order + 4);
  db.prepare("UPDATE counters SET status = 'open', officer_id = 1 WHERE id = 1").run();
  db.prepare("INSERT INTO pauses (counter_id, officer_id, reason, from_at) VALUES (2, 2, 'break', ?)").run(now);
  db.prepare("INSERT INTO events (at, type, ticket_id, counter_id, actor) VALUES (?, 'ticket.called', 'LIVE00000001', 1, 'test')").run(now);
  // Rollups as the landed version built them (one row per day and service here), with their freshness marks.
  db.exec(`INSERT INTO report_rollup (business_day, service_id, counter_id, officer_id, data)
      SELECT business_day, service_id, 0, 0, json_object('issued', count(*), 'served', sum(state = 'done')) FROM tickets GROUP BY business_day, service_id;
    INSERT INTO report_days (business_day, computed_at) SELECT DISTINCT business_day, ${now} FROM tickets;`);
  return { db, dir, file };
}

const snapshot = (db: Database.Database) => ({
  tickets: db.prepare('SELECT * FROM tickets ORDER BY id').all(),
  ratings: db.prepare('SELECT * FROM ratings ORDER BY ticket_id').all(),
  rollups: db.prepare('SELECT * FROM report_rollup ORDER BY 1, 2, 3, 4').all(),
  days: db.prepare('SELECT business_day FROM report_days ORDER BY 1').all(),
  events: db.prepare('SELECT count(*) n FROM events').get(),
  pauses: db.prepare('SELECT * FROM pauses ORDER BY id').all(),
});
const schemaOf = (db: Database.Database, type: string) =>
  db.prepare('SELECT name, tbl_name, sql FROM sqlite_master WHERE type = ? ORDER BY name').all(type) as { name: string; tbl_name: string; sql: string }[];

describe('migration m003 (tickets may expire)', () => {
  it('rebuilds tickets on a schema-2 database with its data, indexes, triggers and references intact', () => {
    const { db, file } = schema2Database();
    const before = snapshot(db);
    const indexes = schemaOf(db, 'index').filter((i) => i.sql !== null);
    const triggers = schemaOf(db, 'trigger');
    expect(before.tickets.length).toBeGreaterThan(1500);
    db.close();

    // Up to m004: m005 changes indexes of its own (the waiting line) and is checked on its own.
    const upgraded = new Database(file);
    upgraded.pragma('foreign_keys = ON');
    migrate(upgraded, 4);
    expect(upgraded.pragma('user_version', { simple: true })).toBe(4);
    expect(upgraded.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(upgraded.pragma('foreign_key_check')).toEqual([]);
    // m004 then adds the tickets' check code (none for tickets printed before it) and the print jobs table.
    const upgradedNow = snapshot(upgraded);
    expect(upgradedNow.tickets.every((t) => (t as { check_code: unknown }).check_code === null)).toBe(true);
    expect({ ...upgradedNow, tickets: upgradedNow.tickets.map((t) => ({ ...(t as object), check_code: undefined })) }).toEqual(before);
    // Every index and trigger of schema 2, word for word, plus the close-of-day index.
    const after = schemaOf(upgraded, 'index').filter((i) => i.sql !== null && i.tbl_name !== 'print_jobs');
    expect(after.filter((i) => i.name !== 'tickets_open_by_day')).toEqual(indexes);
    expect(after.map((i) => i.name)).toContain('tickets_open_by_day');
    expect(schemaOf(upgraded, 'trigger')).toEqual(triggers);
    expect(upgraded.prepare("SELECT count(*) n FROM sqlite_master WHERE name LIKE '%m003%'").get()).toEqual({ n: 0 });

    // The new state is accepted; the old constraints still hold.
    upgraded.prepare("UPDATE tickets SET state = 'expired' WHERE id = 'LIVE00000002'").run();
    expect(() => upgraded.prepare("UPDATE tickets SET state = 'lost' WHERE id = 'LIVE00000002'").run()).toThrow(/CHECK/);
    expect(() => upgraded.prepare("UPDATE tickets SET transferred_from = 'NOSUCHTICKET' WHERE id = 'LIVE00000001'").run()).toThrow(/FOREIGN KEY/);
    expect(() => upgraded.prepare("INSERT INTO ratings (ticket_id, score, levels, service_id, created_at) VALUES ('NOSUCHTICKET', 3, 4, 1, 0)").run()).toThrow(/FOREIGN KEY/);
    expect(() => upgraded.prepare("UPDATE tickets SET state = 'called', counter_id = 1 WHERE id = 'LIVE00000004'").run()).toThrow(/UNIQUE/);
    // The report triggers moved with the table: a changed ticket marks its day for a rebuild.
    expect(upgraded.prepare("SELECT count(*) n FROM report_days WHERE business_day = '2026-11-12'").get()).toEqual({ n: 0 });
    expect(upgraded.prepare("SELECT count(*) n FROM report_days WHERE business_day = '2026-10-05'").get()).toEqual({ n: 1 });
    upgraded.prepare("UPDATE tickets SET dossier_code = 'X' WHERE id = (SELECT id FROM tickets WHERE business_day = '2026-10-05' LIMIT 1)").run();
    expect(upgraded.prepare("SELECT count(*) n FROM report_days WHERE business_day = '2026-10-05'").get()).toEqual({ n: 0 });
    const done = upgraded.prepare("SELECT id, service_id FROM tickets WHERE business_day = '2026-10-06' AND state = 'done' AND id NOT IN (SELECT ticket_id FROM ratings) LIMIT 1").get() as { id: string; service_id: number };
    upgraded.prepare('INSERT INTO ratings (ticket_id, score, levels, service_id, created_at) VALUES (?, 4, 4, ?, 0)').run(done.id, done.service_id);
    expect(upgraded.prepare("SELECT count(*) n FROM report_days WHERE business_day = '2026-10-06'").get()).toEqual({ n: 0 });
    // The queries the queue relies on still use their indexes.
    const plan = upgraded.prepare("EXPLAIN QUERY PLAN SELECT * FROM tickets WHERE service_id = 1 AND state = 'waiting' ORDER BY queued_at LIMIT 1").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('tickets_waiting');
    const closePlan = upgraded.prepare("EXPLAIN QUERY PLAN SELECT DISTINCT business_day FROM tickets WHERE state IN ('waiting', 'called', 'serving', 'parked') AND business_day < '2026-11-13'").all() as { detail: string }[];
    expect(closePlan.map((p) => p.detail).join(' ')).toContain('tickets_open_by_day');
    upgraded.close();
  });

  it('rolls back entirely, with foreign keys back on, when a reference would be left broken', () => {
    const { db } = schema2Database();
    // A rating pointing at no ticket (possible only with foreign keys off, e.g. a hand repair).
    db.pragma('foreign_keys = OFF');
    db.prepare("INSERT INTO ratings (ticket_id, score, levels, service_id, created_at) VALUES ('GHOST0000001', 3, 4, 1, 0)").run();
    db.pragma('foreign_keys = ON');
    const before = snapshot(db);
    const sql = schemaOf(db, 'table');
    expect(() => migrate(db)).toThrow(MigrationError);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.inTransaction).toBe(false);
    expect(snapshot(db)).toEqual(before);
    expect(schemaOf(db, 'table')).toEqual(sql);
    db.close();
  });
});
