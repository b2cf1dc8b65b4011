// Guessing made visible (issue #27). A right PIN after wrong ones is kept on the device's row
// (who typed it, after how many wrong ones, when), because the success may be the guesser's; it is
// no longer erased by that success. Alerts the admin must see after the fact (a sweep of pairing
// codes that voided every live code) are kept in security_alerts.
export const m014GuessBudgets = `
ALTER TABLE pin_attempts ADD COLUMN right_after_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE pin_attempts ADD COLUMN right_at INTEGER;
CREATE TABLE security_alerts (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  at INTEGER NOT NULL,
  detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
);
`;
