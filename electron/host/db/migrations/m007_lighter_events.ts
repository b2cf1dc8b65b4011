// Lighter commits (issue #14). Every state change writes one event row; each page it touches is
// written to the WAL again at every commit, and fsynced.
// 1. `events` without AUTOINCREMENT: ids stay unique and increasing (rows are never deleted — the
//    append-only triggers refuse it — so the largest id is never reused), without the extra write
//    to sqlite_sequence on every event. SQLite cannot drop AUTOINCREMENT in place: the table is
//    rebuilt by the 12-step procedure (migrate() runs it with foreign keys off; nothing references
//    events). Its triggers (m001: append-only) are recreated; m002…m006 put none on it.
// 2. The index on events(ticket_id) (m001) goes: no query reads the log by ticket, and with random
//    ticket ids each event dirtied a page of it at a random place.
export const m007LighterEvents = `
DROP TRIGGER events_no_update;
DROP TRIGGER events_no_delete;
DROP INDEX events_ticket;
CREATE TABLE events_m007 (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  type TEXT NOT NULL,
  ticket_id TEXT,
  counter_id INTEGER,
  actor TEXT NOT NULL DEFAULT '',
  payload TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload))
);
INSERT INTO events_m007 (id, at, type, ticket_id, counter_id, actor, payload) SELECT id, at, type, ticket_id, counter_id, actor, payload FROM events ORDER BY id;
DROP TABLE events;
ALTER TABLE events_m007 RENAME TO events;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'event log is append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'event log is append-only'); END;
`;
