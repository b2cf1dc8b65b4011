// Issue #29: the province's service catalogue at the office. Versions pulled from the hub are kept
// as published (applied only when the admin says so); each service tied to a procedure remembers
// the province's values as of the last apply, which is how a later version tells a province change
// (taken) from a local edit (never overwritten without the admin's choice).
export const m020ProvinceCatalogue = `
CREATE TABLE province_catalogue (
  version INTEGER PRIMARY KEY CHECK (version > 0),
  published_at INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  procedures TEXT NOT NULL CHECK (json_valid(procedures))
);
CREATE TABLE service_procedures (
  service_id INTEGER PRIMARY KEY REFERENCES services(id) ON DELETE CASCADE,
  procedure_code TEXT NOT NULL UNIQUE,
  applied_version INTEGER NOT NULL,
  applied TEXT NOT NULL CHECK (json_valid(applied))
);
CREATE TABLE province_catalogue_applies (
  version INTEGER NOT NULL,
  applied_at INTEGER NOT NULL,
  summary TEXT NOT NULL CHECK (json_valid(summary))
);
`;
