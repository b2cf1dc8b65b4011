// Daily rollups for reports: one row per (business day, service, counter, officer) with exact
// counts, sums and maxima, and 10-second histograms for the medians and p90s. A year of a busy
// centre (1,000,000 tickets) becomes ≈ 40,000 rows, so any report over any range reads only those.
// A day's rollup is dropped by these triggers whenever one of its tickets changes or is rated, and
// rebuilt from the tickets on the next report.
export const m002ReportRollups = `
CREATE TABLE report_rollup (
  business_day TEXT NOT NULL,
  service_id INTEGER NOT NULL,
  counter_id INTEGER NOT NULL,
  officer_id INTEGER NOT NULL,
  data TEXT NOT NULL CHECK (json_valid(data)),
  PRIMARY KEY (business_day, service_id, counter_id, officer_id)
) WITHOUT ROWID;
CREATE TABLE report_days (
  business_day TEXT PRIMARY KEY,
  computed_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER report_dirty_on_insert AFTER INSERT ON tickets BEGIN
  DELETE FROM report_days WHERE business_day = NEW.business_day;
END;
CREATE TRIGGER report_dirty_on_update AFTER UPDATE ON tickets BEGIN
  DELETE FROM report_days WHERE business_day = NEW.business_day;
END;
CREATE TRIGGER report_dirty_on_rating AFTER INSERT ON ratings BEGIN
  DELETE FROM report_days WHERE business_day = (SELECT business_day FROM tickets WHERE id = NEW.ticket_id);
END;
-- Whole months merged from their days, so a year-long report reads ≈ 12 × groups rows.
CREATE TABLE report_month_rollup (
  month TEXT NOT NULL,
  service_id INTEGER NOT NULL,
  counter_id INTEGER NOT NULL,
  officer_id INTEGER NOT NULL,
  data TEXT NOT NULL CHECK (json_valid(data)),
  PRIMARY KEY (month, service_id, counter_id, officer_id)
) WITHOUT ROWID;
CREATE TABLE report_months (
  month TEXT PRIMARY KEY,
  computed_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER report_month_dirty AFTER DELETE ON report_days BEGIN
  DELETE FROM report_months WHERE month = substr(OLD.business_day, 1, 7);
END;
-- Following a transferred ticket to its successor (tracking page, reports).
CREATE INDEX tickets_transferred_from ON tickets(transferred_from) WHERE transferred_from IS NOT NULL;
CREATE INDEX ratings_comment ON ratings(created_at) WHERE comment != '';
`;
