// Spreadsheet formula injection (OWASP "CSV Injection"): report comments come from citizens and a
// catalogue from whatever list an office pasted in, and a spreadsheet may split a cell at any list
// separator (`,` or `;` depending on the locale), so a trigger character is neutralised with an
// apostrophe at the start of the cell and after every separator.
//
// The apostrophe is also added before an apostrophe run that ends in a trigger (`'=x` → `''=x`), so
// `restoreFormulaText` can take exactly one off wherever one was added: a file we export and read
// back (the catalogue) comes back as it went out, whatever its text.
const AT_START = /^'*[=+\-@\t\r]/;
const RESTORE_AT_START = /^'+[=+\-@\t\r]/;
const AFTER_SEPARATOR = /([,;\t|])(\s*)(?='*[=+\-@])/g;
const RESTORE_AFTER_SEPARATOR = /([,;\t|])(\s*)'(?='*[=+\-@])/g;

/** The text as a spreadsheet can hold it without running any part of it. */
export function defuseFormulaText(s: string): string {
  const inner = s.replace(AFTER_SEPARATOR, "$1$2'");
  return AT_START.test(inner) ? `'${inner}` : inner;
}

/** The exact inverse of `defuseFormulaText`, for reading back a file we wrote. */
export function restoreFormulaText(s: string): string {
  const inner = RESTORE_AT_START.test(s) ? s.slice(1) : s;
  return inner.replace(RESTORE_AFTER_SEPARATOR, '$1$2');
}

/** One CSV field: numbers as they are, every text cell quoted and defused. */
export function csvCell(v: string | number): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return `"${defuseFormulaText(v).replace(/"/g, '""')}"`;
}
