// Issue #30: a ticket taken by scanning a chip ID card keeps the holder's name (for the counter
// screen, erased after the office's retention) and birth year (the priority decision), nothing
// else of the card. A dossier code read from a receipt goes in the existing dossier_code column.
// The partial index lets the hourly purge find the few named tickets without scanning the day's rows.
export const m021CheckinCitizen = `
ALTER TABLE tickets ADD COLUMN citizen_name TEXT;
ALTER TABLE tickets ADD COLUMN citizen_birth_year INTEGER;
CREATE INDEX tickets_citizen_named ON tickets(issued_at) WHERE citizen_name IS NOT NULL;
`;
