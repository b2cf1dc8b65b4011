// Close of day: a ticket left waiting, called, serving or parked when its business day ends becomes
// `expired`, a state of its own. SQLite cannot alter a CHECK constraint, so the tickets table is
// rebuilt by the 12-step procedure of SQLite's ALTER TABLE documentation (migrate() turns foreign
// keys off around the transaction and runs foreign_key_check before commit). Every index and
// trigger that lived on the old table is recreated with its original text; the trigger on ratings
// reads tickets, so it is dropped before the rename (which checks the whole schema) and recreated.
export const m003TicketExpired = `
DROP TRIGGER report_dirty_on_rating;

CREATE TABLE tickets_m003 (
  id TEXT PRIMARY KEY,
  service_id INTEGER NOT NULL REFERENCES services(id),
  business_day TEXT NOT NULL,
  seq INTEGER NOT NULL,
  number TEXT NOT NULL,
  priority TEXT,
  state TEXT NOT NULL CHECK (state IN ('waiting', 'called', 'serving', 'done', 'skipped', 'parked', 'transferred', 'cancelled', 'expired')),
  issued_at INTEGER NOT NULL,
  queued_at INTEGER NOT NULL,
  called_at INTEGER,
  serving_at INTEGER,
  finished_at INTEGER,
  counter_id INTEGER REFERENCES counters(id),
  officer_id INTEGER REFERENCES officers(id),
  target_counter_id INTEGER REFERENCES counters(id),
  call_count INTEGER NOT NULL DEFAULT 0,
  transferred_from TEXT REFERENCES tickets(id),
  dossier_code TEXT,
  kiosk_id TEXT,
  issue_order INTEGER NOT NULL
);
INSERT INTO tickets_m003 (id, service_id, business_day, seq, number, priority, state, issued_at, queued_at, called_at, serving_at, finished_at,
    counter_id, officer_id, target_counter_id, call_count, transferred_from, dossier_code, kiosk_id, issue_order)
  SELECT id, service_id, business_day, seq, number, priority, state, issued_at, queued_at, called_at, serving_at, finished_at,
    counter_id, officer_id, target_counter_id, call_count, transferred_from, dossier_code, kiosk_id, issue_order FROM tickets;
DROP TABLE tickets;
ALTER TABLE tickets_m003 RENAME TO tickets;

-- m001's indexes, word for word.
CREATE UNIQUE INDEX tickets_number_once ON tickets(service_id, business_day, seq) WHERE transferred_from IS NULL;
CREATE UNIQUE INDEX tickets_one_active_per_counter ON tickets(counter_id) WHERE state IN ('called', 'serving');
CREATE UNIQUE INDEX tickets_issue_order ON tickets(issue_order);
CREATE INDEX tickets_waiting ON tickets(service_id, queued_at) WHERE state = 'waiting';
CREATE INDEX tickets_targeted ON tickets(target_counter_id) WHERE state = 'waiting' AND target_counter_id IS NOT NULL;
CREATE INDEX tickets_day ON tickets(business_day, service_id);
CREATE INDEX tickets_finished ON tickets(service_id, finished_at) WHERE state = 'done';
CREATE INDEX tickets_number_lookup ON tickets(number, business_day);
CREATE INDEX tickets_called ON tickets(service_id, called_at) WHERE called_at IS NOT NULL;
-- m002's index and triggers, word for word.
CREATE INDEX tickets_transferred_from ON tickets(transferred_from) WHERE transferred_from IS NOT NULL;
CREATE TRIGGER report_dirty_on_insert AFTER INSERT ON tickets BEGIN
  DELETE FROM report_days WHERE business_day = NEW.business_day;
END;
CREATE TRIGGER report_dirty_on_update AFTER UPDATE ON tickets BEGIN
  DELETE FROM report_days WHERE business_day = NEW.business_day;
END;
CREATE TRIGGER report_dirty_on_rating AFTER INSERT ON ratings BEGIN
  DELETE FROM report_days WHERE business_day = (SELECT business_day FROM tickets WHERE id = NEW.ticket_id);
END;

-- Close of day finds what is still open from past days without walking the history.
CREATE INDEX tickets_open_by_day ON tickets(business_day) WHERE state IN ('waiting', 'called', 'serving', 'parked');
`;
