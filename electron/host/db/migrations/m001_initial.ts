// Initial schema. Times are UTC epoch ms. Ticket ids are random tokens: they appear in the
// public tracking URL, so they must not be guessable or enumerable.
export const m001Initial = `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
);

CREATE TABLE services (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  prefix TEXT NOT NULL CHECK (prefix GLOB '[A-Z]*' AND length(prefix) BETWEEN 1 AND 3),
  range_start INTEGER NOT NULL DEFAULT 1 CHECK (range_start >= 0),
  range_end INTEGER NOT NULL DEFAULT 999 CHECK (range_end >= range_start AND range_end <= 999999),
  daily_quota INTEGER CHECK (daily_quota IS NULL OR daily_quota > 0),
  hours TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(hours)),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort_order INTEGER NOT NULL DEFAULT 0,
  icon TEXT NOT NULL DEFAULT '',
  alert_minutes INTEGER
);

CREATE TABLE officers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  photo TEXT,
  pin_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  failed_pins INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER
);

CREATE TABLE counters (
  id INTEGER PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE CHECK (number > 0),
  name TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  status TEXT NOT NULL DEFAULT 'closed' CHECK (status IN ('closed', 'open', 'paused')),
  officer_id INTEGER REFERENCES officers(id)
);

CREATE TABLE counter_services (
  counter_id INTEGER NOT NULL REFERENCES counters(id) ON DELETE CASCADE,
  service_id INTEGER NOT NULL REFERENCES services(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (counter_id, service_id)
) WITHOUT ROWID;

CREATE TABLE tickets (
  id TEXT PRIMARY KEY,
  service_id INTEGER NOT NULL REFERENCES services(id),
  business_day TEXT NOT NULL,
  seq INTEGER NOT NULL,
  number TEXT NOT NULL,
  priority TEXT,
  state TEXT NOT NULL CHECK (state IN ('waiting', 'called', 'serving', 'done', 'skipped', 'parked', 'transferred', 'cancelled')),
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
-- The promise: a number is issued once per service and business day. Transfers re-queue the same
-- number under a new row, so only original issues take part in the uniqueness.
CREATE UNIQUE INDEX tickets_number_once ON tickets(service_id, business_day, seq) WHERE transferred_from IS NULL;
-- A counter holds at most one citizen at a time, and a ticket is at most at one counter.
CREATE UNIQUE INDEX tickets_one_active_per_counter ON tickets(counter_id) WHERE state IN ('called', 'serving');
CREATE UNIQUE INDEX tickets_issue_order ON tickets(issue_order);
CREATE INDEX tickets_waiting ON tickets(service_id, queued_at) WHERE state = 'waiting';
CREATE INDEX tickets_targeted ON tickets(target_counter_id) WHERE state = 'waiting' AND target_counter_id IS NOT NULL;
CREATE INDEX tickets_day ON tickets(business_day, service_id);
CREATE INDEX tickets_finished ON tickets(service_id, finished_at) WHERE state = 'done';
CREATE INDEX tickets_number_lookup ON tickets(number, business_day);
CREATE INDEX tickets_called ON tickets(service_id, called_at) WHERE called_at IS NOT NULL;

CREATE TABLE ratings (
  ticket_id TEXT PRIMARY KEY REFERENCES tickets(id),
  score INTEGER NOT NULL,
  levels INTEGER NOT NULL CHECK (levels IN (3, 4, 5)),
  reasons TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(reasons)),
  comment TEXT NOT NULL DEFAULT '',
  service_id INTEGER NOT NULL REFERENCES services(id),
  counter_id INTEGER REFERENCES counters(id),
  officer_id INTEGER REFERENCES officers(id),
  source TEXT NOT NULL DEFAULT 'kiosk',
  created_at INTEGER NOT NULL,
  CHECK (score BETWEEN 1 AND levels)
);
CREATE INDEX ratings_created ON ratings(created_at);

CREATE TABLE pauses (
  id INTEGER PRIMARY KEY,
  counter_id INTEGER NOT NULL REFERENCES counters(id),
  officer_id INTEGER REFERENCES officers(id),
  reason TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  from_at INTEGER NOT NULL,
  to_at INTEGER
);
CREATE UNIQUE INDEX pauses_one_open ON pauses(counter_id) WHERE to_at IS NULL;

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('staff', 'admin')),
  counter_id INTEGER REFERENCES counters(id),
  officer_id INTEGER REFERENCES officers(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);

CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  type TEXT NOT NULL,
  ticket_id TEXT,
  counter_id INTEGER,
  actor TEXT NOT NULL DEFAULT '',
  payload TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload))
);
CREATE INDEX events_ticket ON events(ticket_id);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'event log is append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'event log is append-only'); END;
`;
