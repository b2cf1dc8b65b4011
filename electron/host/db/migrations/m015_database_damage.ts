// Issue #27. A damaged write-ahead log found at start is recorded here, so the host keeps refusing
// to issue numbers across restarts until the admin has confirmed where numbering resumes (SQLite
// resets the damaged log at the first write: after that, this row is the only memory of it).
// `number_floors` holds what the admin confirmed: the highest number a citizen may hold per service
// and business day. The start-up recount of the running counters (queue/runningCounters.ts) never
// lowers `service_day_counts.last_seq` below it.
export const m015DatabaseDamage = `
CREATE TABLE database_damage (
  id INTEGER PRIMARY KEY,
  detected_at INTEGER NOT NULL,
  reason TEXT NOT NULL,
  detail TEXT NOT NULL,
  wal_copy TEXT NOT NULL,
  evidence TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(evidence)),
  resolved_at INTEGER,
  resolution TEXT CHECK (resolution IS NULL OR json_valid(resolution))
);

CREATE TABLE number_floors (
  service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
  business_day TEXT NOT NULL,
  last_seq INTEGER NOT NULL CHECK (last_seq >= 0),
  PRIMARY KEY (service_id, business_day)
) WITHOUT ROWID;
`;
