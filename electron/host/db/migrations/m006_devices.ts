// Enrolled devices (issue #13). Every counter PC, rating tablet, kiosk, display and admin browser
// holds a long random credential; the host keeps only its hash. Pairing codes are short, one-use
// and expire in minutes. On upgrade the seeded default password and PINs stop working: the setup
// page asks for new ones (an office must never run on credentials printed in our README).
export const m006Devices = `
CREATE TABLE devices (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('kiosk', 'counter', 'rating', 'display', 'admin')),
  counter_id INTEGER REFERENCES counters(id),
  name TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER,
  last_address TEXT,
  revoked_at INTEGER,
  CHECK ((role IN ('counter', 'rating')) = (counter_id IS NOT NULL))
);
CREATE TABLE pairing_codes (
  code_hash TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('kiosk', 'counter', 'rating', 'display', 'admin')),
  counter_id INTEGER REFERENCES counters(id),
  name TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
) WITHOUT ROWID;
CREATE TABLE pin_attempts (
  device_key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  blocked_until INTEGER NOT NULL
) WITHOUT ROWID;
ALTER TABLE sessions ADD COLUMN device_id INTEGER REFERENCES devices(id);
DELETE FROM sessions;
DELETE FROM settings WHERE key = 'admin';
UPDATE officers SET pin_hash = '';
`;
