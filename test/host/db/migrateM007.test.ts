// m007: the event log without AUTOINCREMENT and without its unused ticket index (issue #14).
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/host/db/migrate';
import { migrations } from '../../../electron/host/db/migrations/index';
import { m007LighterEvents } from '../../../electron/host/db/migrations/m007_lighter_events';
import { seedIfEmpty } from '../../../electron/host/db/seed';
import { QueueService } from '../../../electron/host/queue/queueService';
import { TEST_ADMIN_PASSWORD } from '../../helpers/devices';
import { FakeClock, tempDir } from '../../helpers/tempHost';

const schemaOf = (db: Database.Database, name: string) =>
  (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(name) as { sql: string } | undefined)?.sql ?? null;

describe('m007: lighter event log', () => {
  it('keeps every event with its id, stays append-only, and numbers new events after the last one', () => {
    const file = path.join(tempDir(), 'motcua.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // The database as it was just before m007 (m011 landed first).
    const at = migrations.indexOf(m007LighterEvents);
    migrate(db, at);
    seedIfEmpty(db, { adminPassword: TEST_ADMIN_PASSWORD, alwaysOpen: true });
    const clock = new FakeClock();
    // Events as the queue of that time wrote them (today's queue reads columns later migrations add).
    const record = db.prepare('INSERT INTO events (at, type, ticket_id, counter_id, actor, payload) VALUES (?, ?, ?, ?, ?, ?)');
    record.run(clock.now(), 'counter.opened', null, 1, 'staff:1', '{}');
    for (let i = 0; i < 4; i++) record.run(clock.now() + i, 'ticket.issued', `T${i}`, null, 'kiosk', '{}');
    record.run(clock.now() + 10, 'ticket.called', 'T0', 1, 'staff:1', '{}');
    record.run(clock.now() + 20, 'ticket.finished', 'T0', 1, 'staff:1', '{"reason":null}');
    const before = db.prepare('SELECT * FROM events ORDER BY id').all() as { id: number }[];
    const otherTables = db.prepare("SELECT name, sql FROM sqlite_master WHERE tbl_name != 'events' ORDER BY name").all();
    expect(schemaOf(db, 'events')).toMatch(/AUTOINCREMENT/);

    // Up to m007 only: later migrations (m012 adds device zones) change other tables on purpose.
    migrate(db, at + 1);
    expect(db.pragma('user_version', { simple: true })).toBe(at + 1);
    expect(db.prepare('SELECT * FROM events ORDER BY id').all()).toEqual(before);
    expect(schemaOf(db, 'events')).not.toMatch(/AUTOINCREMENT/);
    expect(schemaOf(db, 'events_ticket')).toBeNull();
    expect(schemaOf(db, 'events_no_update')).not.toBeNull();
    expect(schemaOf(db, 'events_no_delete')).not.toBeNull();
    // Nothing else in the schema moved (tickets' triggers and indexes, rollups, devices…).
    expect(db.prepare("SELECT name, sql FROM sqlite_master WHERE tbl_name != 'events' AND name != 'sqlite_sequence' ORDER BY name").all()).toEqual(
      (otherTables as { name: string }[]).filter((r) => r.name !== 'sqlite_sequence'),
    );
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE events SET type = 'x'").run()).toThrow(/append-only/);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    migrate(db);
    const q2 = new QueueService({ db, now: clock.now });
    const seen: number[] = [];
    q2.onEvent((e) => seen.push(e.seq));
    q2.issuer.issue({ serviceId: 2 });
    expect(seen).toEqual([(before.at(-1) as { id: number }).id + 1]);
  });
});
