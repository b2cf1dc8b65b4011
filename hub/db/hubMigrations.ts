// The hub's schema, one numbered step each; step i brings the database to version i + 1. Never edit
// a landed step. Events are partitioned by month (hub/db/eventPartitions.ts makes each month's).
export const hubMigrations: readonly string[] = [
  `
CREATE TABLE offices (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  -- sha256 of the office's credential; the credential itself is shown once, at join.
  credential_hash TEXT UNIQUE,
  joined_at TIMESTAMPTZ,
  revoked_at TIMESTAMPTZ
);
CREATE TABLE join_codes (
  code_hash TEXT PRIMARY KEY,
  office_id TEXT NOT NULL REFERENCES offices(id),
  expires_at TIMESTAMPTZ NOT NULL,
  used_at TIMESTAMPTZ
);
CREATE TABLE office_generations (
  office_id TEXT NOT NULL REFERENCES offices(id),
  generation TEXT NOT NULL,
  base_seq BIGINT NOT NULL,
  acked_seq BIGINT NOT NULL,
  first_push_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_push_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  -- office clock minus hub clock at the last push, ms
  clock_offset_ms BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (office_id, generation)
);
CREATE TABLE events (
  office_id TEXT NOT NULL,
  generation TEXT NOT NULL,
  seq BIGINT NOT NULL,
  at TIMESTAMPTZ NOT NULL,
  type TEXT NOT NULL,
  ticket_id TEXT,
  counter_id INTEGER,
  service_id INTEGER,
  actor TEXT NOT NULL DEFAULT '',
  payload JSONB NOT NULL DEFAULT '{}',
  received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (office_id, generation, seq, at)
) PARTITION BY RANGE (at);
`,
  `
-- The latest health each office reported, and a log of its changes (ok, database, disk, printers, boards).
CREATE TABLE office_health (
  office_id TEXT PRIMARY KEY REFERENCES offices(id),
  reported_at TIMESTAMPTZ NOT NULL,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  ok BOOLEAN NOT NULL,
  summary TEXT NOT NULL,
  health JSONB NOT NULL
);
CREATE TABLE office_health_log (
  office_id TEXT NOT NULL REFERENCES offices(id),
  reported_at TIMESTAMPTZ NOT NULL,
  ok BOOLEAN NOT NULL,
  summary TEXT NOT NULL,
  health JSONB NOT NULL
);
CREATE INDEX office_health_log_office ON office_health_log (office_id, reported_at);
`,
  `
-- Each office's tickets as the office holds them now (the newest copy pushed), for the province's
-- figures: the same states, groups and times as the office's own report. Times in epoch ms.
CREATE TABLE office_tickets (
  office_id TEXT NOT NULL REFERENCES offices(id),
  ticket_id TEXT NOT NULL,
  business_day DATE NOT NULL,
  service_id INTEGER NOT NULL,
  counter_id INTEGER,
  officer_id INTEGER,
  state TEXT NOT NULL,
  number TEXT NOT NULL,
  priority TEXT,
  transferred_from TEXT,
  issued_at BIGINT NOT NULL,
  called_at BIGINT,
  serving_at BIGINT,
  finished_at BIGINT,
  rating_score SMALLINT,
  rating_levels SMALLINT,
  snap_generation TEXT NOT NULL,
  snap_seq BIGINT NOT NULL,
  PRIMARY KEY (office_id, ticket_id)
);
CREATE INDEX office_tickets_day ON office_tickets (office_id, business_day);
`,
  `
-- Each office's directory (its own ids → names), pushed when it changes: staff and service names only.
CREATE TABLE office_directory (
  office_id TEXT PRIMARY KEY REFERENCES offices(id),
  -- The office's zone, for the hour of issue on the office's page.
  time_zone TEXT NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
  hash TEXT NOT NULL,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE office_services (
  office_id TEXT NOT NULL REFERENCES offices(id),
  service_id INTEGER NOT NULL,
  code TEXT,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (office_id, service_id)
);
CREATE TABLE office_counters (
  office_id TEXT NOT NULL REFERENCES offices(id),
  counter_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (office_id, counter_id)
);
CREATE TABLE office_officers (
  office_id TEXT NOT NULL REFERENCES offices(id),
  officer_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (office_id, officer_id)
);
-- Daily rollups, recomputed from office_tickets for every (office, business day) a batch touches, in
-- the batch's transaction. officer_id 0: tickets no officer called. Durations in ms; histograms are
-- sparse (bucket, count) pairs of one-minute buckets, bucket 240 holding everything from 4 hours
-- (shared/hubReports.ts); ratings likewise as (levels × 10 + score, count) pairs.
CREATE TABLE rollup_day (
  office_id TEXT NOT NULL REFERENCES offices(id),
  business_day DATE NOT NULL,
  service_id INTEGER NOT NULL,
  officer_id INTEGER NOT NULL,
  issued INTEGER NOT NULL,
  served INTEGER NOT NULL,
  no_shows INTEGER NOT NULL,
  transferred INTEGER NOT NULL,
  cancelled INTEGER NOT NULL,
  expired INTEGER NOT NULL,
  wait_n INTEGER NOT NULL,
  wait_sum BIGINT NOT NULL,
  wait_b SMALLINT[] NOT NULL,
  wait_c INTEGER[] NOT NULL,
  service_n INTEGER NOT NULL,
  service_sum BIGINT NOT NULL,
  service_b SMALLINT[] NOT NULL,
  service_c INTEGER[] NOT NULL,
  rating_k SMALLINT[] NOT NULL,
  rating_c INTEGER[] NOT NULL,
  PRIMARY KEY (office_id, business_day, service_id, officer_id)
);
-- The same per calendar month of business days (month = its first day), kept by difference as day
-- groups are recomputed, so a year reads twelve rows per group.
CREATE TABLE rollup_month (LIKE rollup_day INCLUDING DEFAULTS);
ALTER TABLE rollup_month RENAME COLUMN business_day TO month;
ALTER TABLE rollup_month ADD PRIMARY KEY (office_id, month, service_id, officer_id);
-- Arrivals (original issues) and waits per hour of issue on the office's clock, for an office's page.
CREATE TABLE rollup_hour (
  office_id TEXT NOT NULL REFERENCES offices(id),
  business_day DATE NOT NULL,
  hour SMALLINT NOT NULL,
  arrivals INTEGER NOT NULL,
  wait_n INTEGER NOT NULL,
  wait_sum BIGINT NOT NULL,
  PRIMARY KEY (office_id, business_day, hour)
);
`,
  `
-- The province's service catalogue: numbered versions, immutable once published (the trigger
-- refuses any change), and what each office last said about itself beyond its /api/health: its
-- devices' last contact, its last backup, the catalogue version it has applied.
CREATE TABLE catalogue_versions (
  version INTEGER PRIMARY KEY CHECK (version > 0),
  published_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  source TEXT NOT NULL DEFAULT '',
  procedure_count INTEGER NOT NULL,
  procedures JSONB NOT NULL
);
CREATE FUNCTION catalogue_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a published catalogue version never changes';
END $$;
CREATE TRIGGER catalogue_versions_immutable BEFORE UPDATE OR DELETE ON catalogue_versions
  FOR EACH ROW EXECUTE FUNCTION catalogue_versions_immutable();
CREATE TABLE office_extras (
  office_id TEXT PRIMARY KEY REFERENCES offices(id),
  reported_at TIMESTAMPTZ NOT NULL,
  catalogue_version INTEGER,
  last_backup_at TIMESTAMPTZ,
  devices JSONB NOT NULL DEFAULT '[]'
);
`,
  `
-- Guess budgets shared by every hub process (hub/guessing/sharedGuessBudget.ts). Unlogged: a
-- bucket is worth no fsync, and a database crash only hands out one fresh budget.
CREATE UNLOGGED TABLE guess_buckets (
  budget TEXT NOT NULL,
  key TEXT NOT NULL,
  per_minute DOUBLE PRECISION NOT NULL,
  burst DOUBLE PRECISION NOT NULL,
  tokens DOUBLE PRECISION NOT NULL,
  at BIGINT NOT NULL,
  taken BOOLEAN NOT NULL,
  PRIMARY KEY (budget, key)
);
`,
  `
-- The province's people (issue #29): no default account; the first province admin comes from a
-- one-time setup link printed at start, kept here only as a hash. Sessions are stored hashed so
-- several hub processes share them; a stolen database holds no usable cookie.
CREATE TABLE hub_users (
  id BIGSERIAL PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('province_admin', 'office_viewer')),
  office_id TEXT REFERENCES offices(id),
  password_hash TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  password_changed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK ((role = 'office_viewer') = (office_id IS NOT NULL))
);
CREATE TABLE hub_sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES hub_users(id) ON DELETE CASCADE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX hub_sessions_user ON hub_sessions (user_id);
CREATE TABLE hub_setup (
  only_one BOOLEAN PRIMARY KEY DEFAULT true CHECK (only_one),
  token_hash TEXT NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
-- When an office's line is bad enough to rise to the top of the board.
ALTER TABLE offices ADD COLUMN alert_waiting INTEGER NOT NULL DEFAULT 30;
ALTER TABLE offices ADD COLUMN alert_wait_minutes INTEGER NOT NULL DEFAULT 60;
-- The board's open counters: each office's counter events of today, without reading its ticket events.
CREATE INDEX events_counter_changes ON events (office_id, at) WHERE type LIKE 'counter.%';
`,
  `
-- Appointments booked from home (issue #30). The office offers slots with the capacity it gives the
-- hub; each push may replace its offer whole. A slot no longer offered takes no new bookings but keeps
-- its row while bookings stand in it (their use is reported). taken counts the slot's bookings that
-- are not cancelled, moved in the same transaction as the booking, so capacity is never passed.
CREATE TABLE booking_offers (
  office_id TEXT PRIMARY KEY REFERENCES offices(id),
  version INTEGER NOT NULL,
  time_zone TEXT NOT NULL,
  services JSONB NOT NULL,
  win JSONB NOT NULL,
  -- The office's key for matching a booking to an ID card: the hub keeps HMAC(match_key, number) only.
  match_key TEXT NOT NULL,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- Each office's pull order: a booking's or a cancellation's transaction takes the next number as its
-- last step before commit (the row lock orders the commits), so a pull after N never misses a change
-- that commits later with a lower number. Apart from booking_offers, so an offer being replaced does
-- not hold up bookings, and locks are always taken booking → slot → sequence.
CREATE TABLE booking_sequences (
  office_id TEXT PRIMARY KEY REFERENCES offices(id),
  seq BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE booking_slots (
  office_id TEXT NOT NULL REFERENCES offices(id),
  service_id INTEGER NOT NULL,
  start_at BIGINT NOT NULL,
  minutes INTEGER NOT NULL,
  business_day DATE NOT NULL,
  capacity INTEGER NOT NULL CHECK (capacity >= 0),
  taken INTEGER NOT NULL DEFAULT 0 CHECK (taken >= 0),
  offered BOOLEAN NOT NULL DEFAULT true,
  offer_version INTEGER NOT NULL,
  PRIMARY KEY (office_id, service_id, start_at)
);
CREATE INDEX booking_slots_day ON booking_slots (office_id, business_day);
-- No phone number, ID number or address is kept: keyed hashes (hub_secrets) for the abuse limits, the
-- office's HMAC and last 4 digits of an ID number for matching the card at the kiosk.
CREATE TABLE bookings (
  code TEXT PRIMARY KEY,
  office_id TEXT NOT NULL REFERENCES offices(id),
  service_id INTEGER NOT NULL,
  slot_start BIGINT NOT NULL,
  slot_minutes INTEGER NOT NULL,
  business_day DATE NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('booked', 'checkedIn', 'missed', 'cancelled')),
  late BOOLEAN NOT NULL DEFAULT false,
  created_at BIGINT NOT NULL,
  changed_at BIGINT NOT NULL,
  change_seq BIGINT NOT NULL,
  phone_hash TEXT,
  id_hash TEXT,
  id_last4 TEXT,
  client_hash TEXT NOT NULL,
  UNIQUE (office_id, change_seq)
);
CREATE INDEX bookings_day ON bookings (office_id, business_day);
CREATE INDEX bookings_phone_missed ON bookings (office_id, phone_hash, slot_start) WHERE state = 'missed';
CREATE INDEX bookings_client_missed ON bookings (office_id, client_hash, slot_start) WHERE state = 'missed';
-- The hub's own secrets (the key of the phone and address hashes), made once by the first hub process.
CREATE TABLE hub_secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`,
];
