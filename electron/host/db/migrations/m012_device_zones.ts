// A kiosk or a display is enrolled for a zone (issue #15): a centre pairs a kiosk on floor 2 once and
// it stays floor 2 after a reboot or a typed URL. NULL is the whole office (what every device was
// before). Only kiosks and displays stand in a zone; a counter PC's zone is its counter's. Columns
// are added, no table is rebuilt. ON DELETE SET NULL: a device of a deleted zone serves the whole
// office again, whatever path deletes the zone; the admin's delete also does it explicitly.
export const m012DeviceZones = `
ALTER TABLE devices ADD COLUMN zone_id INTEGER REFERENCES zones(id) ON DELETE SET NULL CHECK (zone_id IS NULL OR role IN ('kiosk', 'display'));
ALTER TABLE pairing_codes ADD COLUMN zone_id INTEGER REFERENCES zones(id) ON DELETE SET NULL CHECK (zone_id IS NULL OR role IN ('kiosk', 'display'));
`;
