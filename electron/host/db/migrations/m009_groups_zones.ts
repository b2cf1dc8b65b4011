// A centre, not just a ward (issue #15): services belong to groups (a department or a sector) and
// counters to zones (a floor, a hall). Only columns are added, so no table is rebuilt and every
// trigger and index of m002/m005 stays as it is. Every existing office gets one zone holding all
// of its counters and no groups: the same code serves a ward and a centre, with no special case.
export const m009GroupsZones = `
CREATE TABLE service_groups (
  id INTEGER PRIMARY KEY,
  name_vi TEXT NOT NULL CHECK (length(name_vi) BETWEEN 1 AND 120),
  name_en TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0,
  icon TEXT NOT NULL DEFAULT ''
);
CREATE TABLE zones (
  id INTEGER PRIMARY KEY,
  name_vi TEXT NOT NULL CHECK (length(name_vi) BETWEEN 1 AND 80),
  name_en TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0
);
INSERT INTO zones (id, name_vi, name_en, sort_order) VALUES (1, 'Khu vực tiếp dân', 'Reception hall', 0);
ALTER TABLE services ADD COLUMN group_id INTEGER REFERENCES service_groups(id);
ALTER TABLE services ADD COLUMN description_vi TEXT NOT NULL DEFAULT '';
ALTER TABLE services ADD COLUMN description_en TEXT NOT NULL DEFAULT '';
ALTER TABLE services ADD COLUMN documents TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(documents));
ALTER TABLE counters ADD COLUMN zone_id INTEGER NOT NULL DEFAULT 1 REFERENCES zones(id);
CREATE INDEX services_by_group ON services (group_id, sort_order);
CREATE INDEX counters_by_zone ON counters (zone_id, number);
`;
