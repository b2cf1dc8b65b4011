// The service catalogue as a spreadsheet (issue #15): a centre starts from the province's published
// list of procedures, not by typing 100 services. One row per procedure; pure, so both the admin
// screen (CSV in the browser) and the tests use it.
import { foldVietnamese } from './serviceSearch';
import { csvCell, restoreFormulaText } from './csvSafe';

export interface CatalogueRowData {
  code: string;
  group: string;
  nameVi: string;
  nameEn: string;
  prefix: string;
  descriptionVi: string;
  documents: string[];
  /**
   * Absent when the sheet has no such column (one exported before the column existed): a service it
   * updates keeps its English list, a new one has none — re-importing an old file never erases a translation.
   */
  documentsEn?: string[];
}

/** Column headings, in order, as an office reads them. */
/** The sheet's name in an exported workbook (the columns are Vietnamese too: the province's lists are). */
export const CATALOGUE_SHEET = 'Thủ tục';
export const EMPTY_FILE = 'Tệp trống';
export const FILE_TOO_BIG = 'Tệp quá lớn (tối đa 16 MB) để là một danh mục thủ tục.';
// A workbook refused before it is unzipped (renderer/admin/zipBombCheck.ts).
export const ZIP_TOO_BIG = 'Tệp Excel này khi giải nén quá lớn hoặc bất thường nên không được mở (có thể là tệp độc hại). Hãy lưu danh mục thành tệp .xlsx mới hoặc .csv rồi nhập lại.';
export const ZIP_DAMAGED = 'Tệp Excel bị hỏng hoặc không đúng định dạng.';

export const CATALOGUE_COLUMNS: [keyof CatalogueRowData, string][] = [
  ['code', 'Mã'],
  ['group', 'Lĩnh vực'],
  ['nameVi', 'Tên thủ tục'],
  ['nameEn', 'Tên tiếng Anh'],
  ['prefix', 'Tiền tố'],
  ['descriptionVi', 'Mô tả'],
  ['documents', 'Giấy tờ cần mang'],
  ['documentsEn', 'Giấy tờ cần mang (tiếng Anh)'],
];

/** A row's cell as written in the sheet: a list of documents one per line. */
export function catalogueCell(r: CatalogueRowData, k: keyof CatalogueRowData): string {
  if (k === 'documents' || k === 'documentsEn') return (r[k] ?? []).join('\n');
  return r[k];
}
const documentLines = (cell: string) => cell.split(/\r?\n/).map((d) => d.trim()).filter(Boolean);

/**
 * CSV as Excel opens it in Vietnamese: UTF-8 with BOM, CRLF; documents one per line inside the cell.
 * Every cell quoted and defused like the reports' (csvSafe): a procedure's name pasted from
 * elsewhere may start with `=`, and a document list with `-`.
 */
export function catalogueCsv(rows: readonly CatalogueRowData[]): string {
  const lines = [CATALOGUE_COLUMNS.map(([, h]) => h), ...rows.map((r) => CATALOGUE_COLUMNS.map(([k]) => catalogueCell(r, k)))];
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * A catalogue CSV → rows: the apostrophes `catalogueCsv` put before formula characters come off
 * again, so an exported file imports as it was. (XLSX cells are typed text, never formulas, so the
 * workbook is written and read as it is.)
 */
export function catalogueFromCsv(text: string): { rows: CatalogueRowData[]; problems: string[] } {
  return catalogueRows(parseCsv(text).map((cells) => cells.map(restoreFormulaText)));
}

/** RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes); `;` too when a line has no comma. */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const sep = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/**
 * A sheet's rows (its first row the headings, matched with or without tone marks, in any order)
 * → catalogue rows, or the problems an office can fix in its file.
 */
export function catalogueRows(table: readonly string[][]): { rows: CatalogueRowData[]; problems: string[] } {
  const [head, ...body] = table;
  if (!head) return { rows: [], problems: [EMPTY_FILE] };
  const at = new Map(head.map((h, i) => [foldVietnamese(h), i]));
  const index = CATALOGUE_COLUMNS.map(([k, h]) => [k, at.get(foldVietnamese(h))] as const);
  const missing = index.filter(([k, i]) => i === undefined && (k === 'code' || k === 'nameVi' || k === 'prefix')).map(([k]) => CATALOGUE_COLUMNS.find(([c]) => c === k)?.[1]);
  if (missing.length > 0) return { rows: [], problems: [`Thiếu cột: ${missing.join(', ')}`] };
  const hasDocumentsEn = index.some(([k, i]) => k === 'documentsEn' && i !== undefined);
  const rows = body.map((cells): CatalogueRowData => {
    const get = (k: keyof CatalogueRowData) => {
      const i = index.find(([c]) => c === k)?.[1];
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    return {
      code: get('code').toUpperCase(),
      group: get('group'),
      nameVi: get('nameVi'),
      nameEn: get('nameEn'),
      prefix: get('prefix').toUpperCase(),
      descriptionVi: get('descriptionVi'),
      documents: documentLines(get('documents')),
      ...(hasDocumentsEn ? { documentsEn: documentLines(get('documentsEn')) } : {}),
    };
  });
  return { rows, problems: [] };
}
