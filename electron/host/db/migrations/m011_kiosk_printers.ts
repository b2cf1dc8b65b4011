// Several kiosks, each with its own printer (issue #15): a print job belongs to one printer —
// 'host' (the printer on the host PC, as before) or 'device:<id>' (a kiosk's own printer, reached
// through its print agent or over the network) — so each kiosk has its own failed-job list.
export const m011KioskPrinters = `
ALTER TABLE print_jobs ADD COLUMN printer TEXT NOT NULL DEFAULT 'host';
CREATE INDEX print_jobs_printer ON print_jobs(printer, id);
`;
