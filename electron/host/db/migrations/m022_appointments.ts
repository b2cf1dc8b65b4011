// Issue #30: appointments. One row of rules per service that takes bookings, and one row per
// booking, whether made on the province hub (pulled by code) or at the office. A booking keeps no
// name and no phone number: only a keyed hash and the last 4 digits of an ID number when one was
// given, so a scanned card can find it.
//
// An appointment ticket carries its slot (shown on the ticket, reported) and the moment it becomes
// callable: slot − callableBefore, or after a no-show the re-offer moment. Walk-ins leave both null.
export const m022Appointments = `
CREATE TABLE appointment_rules (
  service_id INTEGER PRIMARY KEY REFERENCES services(id),
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  slot_minutes INTEGER NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
  capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 100),
  days_ahead INTEGER NOT NULL CHECK (days_ahead BETWEEN 1 AND 90),
  hub_share INTEGER NOT NULL CHECK (hub_share BETWEEN 0 AND 100),
  updated_at INTEGER NOT NULL
);
CREATE TABLE bookings (
  code TEXT PRIMARY KEY,
  service_id INTEGER NOT NULL REFERENCES services(id),
  slot_start INTEGER NOT NULL,
  slot_minutes INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('booked', 'checkedIn', 'missed', 'cancelled')),
  source TEXT NOT NULL CHECK (source IN ('hub', 'office')),
  created_at INTEGER NOT NULL,
  changed_at INTEGER NOT NULL,
  hub_seq INTEGER,
  id_hash TEXT,
  id_last4 TEXT,
  ticket_id TEXT REFERENCES tickets(id),
  checked_in_at INTEGER,
  late INTEGER NOT NULL DEFAULT 0,
  reoffered_at INTEGER,
  missed_reason TEXT
) WITHOUT ROWID;
-- Slot counting: the live bookings of a service's slot.
CREATE INDEX bookings_slot ON bookings(service_id, slot_start) WHERE state IN ('booked', 'checkedIn');
-- The day's list and the missed sweep.
CREATE INDEX bookings_by_slot ON bookings(slot_start);
-- A scanned ID card finds today's booking.
CREATE INDEX bookings_id_hash ON bookings(id_hash, slot_start) WHERE id_hash IS NOT NULL;
-- From a ticket back to its booking (skip, undo); one booking per ticket.
CREATE UNIQUE INDEX bookings_ticket ON bookings(ticket_id) WHERE ticket_id IS NOT NULL;
ALTER TABLE tickets ADD COLUMN appointment_at INTEGER;
ALTER TABLE tickets ADD COLUMN callable_at INTEGER;
`;
