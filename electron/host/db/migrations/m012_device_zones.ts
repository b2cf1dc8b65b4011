// A kiosk or a display is enrolled for a zone (issue #15): a centre pairs a kiosk on floor 2 once and
// it stays floor 2 after a reboot or a typed URL. NULL is the whole office (what every device was
// before). Only kiosks and displays stand in a zone; a counter PC's zone is its counter's. ON DELETE
// SET NULL: a device of a deleted zone serves the whole office again, whatever path deletes the zone
// (the admin's delete also does it explicitly).
//
// Zones can be deleted from now on, so a zone's id is never handed out again (AUTOINCREMENT): what
// still names a deleted zone — its voice settings and hall boards kept inert in the settings, an
// old `?zone=` bookmark, a device in an older backup — must not wake up as a new zone's. `zones`
// has no trigger or index of its own; it is rebuilt with its rows and ids (foreign keys are off
// around migrations and checked before the commit).
export const m012DeviceZones = `
CREATE TABLE zones_m012 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name_vi TEXT NOT NULL CHECK (length(name_vi) BETWEEN 1 AND 80),
  name_en TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0
);
INSERT INTO zones_m012 (id, name_vi, name_en, sort_order) SELECT id, name_vi, name_en, sort_order FROM zones;
DROP TABLE zones;
ALTER TABLE zones_m012 RENAME TO zones;
ALTER TABLE devices ADD COLUMN zone_id INTEGER REFERENCES zones(id) ON DELETE SET NULL CHECK (zone_id IS NULL OR role IN ('kiosk', 'display'));
ALTER TABLE pairing_codes ADD COLUMN zone_id INTEGER REFERENCES zones(id) ON DELETE SET NULL CHECK (zone_id IS NULL OR role IN ('kiosk', 'display'));
`;
