// Walk-up rating proves the ticket with a short check code printed on it (the number alone is
// public: it is on the display), and print jobs are kept so that a ticket that did not print is
// known after a restart and is reprinted once when the printer is back.
// Columns are added, the tickets table is not rebuilt: m003 rebuilds it, and this runs after.
export const m004CheckCodesPrintJobs = `
ALTER TABLE tickets ADD COLUMN check_code TEXT;

CREATE TABLE print_jobs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('ticket', 'test')),
  ticket_id TEXT REFERENCES tickets(id),
  ticket_number TEXT,
  -- The ticket's business day: a failed ticket is never reprinted once its day is over.
  business_day TEXT,
  state TEXT NOT NULL CHECK (state IN ('queued', 'printing', 'done', 'failed')),
  error TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  -- The one automatic reprint has been spent (set in the same write that claims it).
  auto_reprinted INTEGER NOT NULL DEFAULT 0 CHECK (auto_reprinted IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX print_jobs_ticket ON print_jobs(ticket_id);
CREATE INDEX print_jobs_to_reprint ON print_jobs(business_day) WHERE state = 'failed' AND auto_reprinted = 0;
`;
