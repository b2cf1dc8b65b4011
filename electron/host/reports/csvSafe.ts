// Spreadsheet formula injection (OWASP "CSV Injection"): comments come from citizens, and a
// spreadsheet may split a cell at any list separator (`,` or `;` depending on the locale), so a
// trigger character is neutralised at the start of the cell and after every separator.
const TRIGGER_AT_START = /^[=+\-@\t\r]/;
const TRIGGER_AFTER_SEPARATOR = /([,;\t|])(\s*)(?=[=+\-@])/g;

/** One CSV field: numbers as they are, every text cell quoted and defused. */
export function csvCell(v: string | number): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = v.replace(TRIGGER_AFTER_SEPARATOR, "$1$2'");
  if (TRIGGER_AT_START.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}
