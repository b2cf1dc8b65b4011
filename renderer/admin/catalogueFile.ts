import { CATALOGUE_COLUMNS, CATALOGUE_SHEET, EMPTY_FILE, FILE_TOO_BIG, catalogueCell, catalogueCsv, catalogueFromCsv, catalogueRows } from '../../shared/catalogueSheet';
import type { CatalogueRowData } from '../../shared/catalogueSheet';
import { zipBombProblem } from './zipBombCheck';

// The catalogue spreadsheet in the admin's browser: CSV by hand, XLSX with exceljs, which is
// loaded only when an office actually opens or saves an Excel file (it is large).

function download(name: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export async function saveCatalogue(rows: CatalogueRowData[], kind: 'csv' | 'xlsx'): Promise<void> {
  if (kind === 'csv') return download('danh-muc-thu-tuc.csv', new Blob([catalogueCsv(rows)], { type: 'text/csv;charset=utf-8' }));
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(CATALOGUE_SHEET);
  ws.addRow(CATALOGUE_COLUMNS.map(([, h]) => h)).font = { bold: true };
  for (const r of rows) ws.addRow(CATALOGUE_COLUMNS.map(([k]) => catalogueCell(r, k)));
  ws.columns.forEach((c, i) => (c.width = [10, 28, 50, 36, 8, 40, 44, 44][i] ?? 20));
  const buf = await wb.xlsx.writeBuffer();
  download('danh-muc-thu-tuc.xlsx', new Blob([buf], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
}

const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** The rows of a CSV or XLSX file an office chose (its first sheet), or the problems in it. */
export async function readCatalogue(file: File): Promise<{ rows: CatalogueRowData[]; problems: string[] }> {
  // A province's whole catalogue is a megabyte or two; nothing larger is read into the tab.
  if (file.size > MAX_FILE_BYTES) return { rows: [], problems: [FILE_TOO_BIG] };
  const bytes = await file.arrayBuffer();
  // An .xlsx is a zip ("PK"), whatever the file is called; anything else is read as CSV text.
  const head = new Uint8Array(bytes.slice(0, 2));
  if (!(head[0] === 0x50 && head[1] === 0x4b)) return catalogueFromCsv(new TextDecoder().decode(bytes));
  const refused = await zipBombProblem(new Uint8Array(bytes));
  if (refused) return { rows: [], problems: [refused] };
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const ws = wb.worksheets[0];
  if (!ws) return { rows: [], problems: [EMPTY_FILE] };
  const table: string[][] = [];
  ws.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cell.text ?? ''));
    table.push(Array.from(cells, (c) => c ?? ''));
  });
  return catalogueRows(table);
}
