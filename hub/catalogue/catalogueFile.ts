import fs from 'node:fs';
import { catalogueRows } from '../../shared/catalogueSheet';
import { foldVietnamese } from '../../shared/serviceSearch';
import { CatalogueProcedures, repeatedCodes } from '../../shared/provinceCatalogue';
import type { CatalogueProcedure } from '../../shared/provinceCatalogue';
import { AppError } from '../../shared/errors';

/** A province's whole list is a megabyte or two; past this the file is not a catalogue. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/**
 * A catalogue file the province's admin publishes, read and validated whole: JSON
 * (`{"procedures": [{"code": "1.001234", "nameVi": …, "nameEn": …, "field": …, "documents": […]}]}`
 * or the bare list), or the XLSX layout an office's own catalogue import takes (columns Mã, Lĩnh
 * vực, Tên thủ tục, Tên tiếng Anh, Giấy tờ cần mang one per line, …; the first sheet). Every problem
 * is named with its procedure; nothing is returned unless all of it is good.
 */
export async function readCatalogueFile(file: string): Promise<CatalogueProcedure[]> {
  let bytes: Buffer;
  try {
    if (fs.statSync(file).size > MAX_FILE_BYTES) throw new AppError('CATALOGUE_INVALID', `Tệp ${file} quá lớn (tối đa 16 MB)`);
    bytes = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('CATALOGUE_INVALID', `Không đọc được tệp ${file}: ${(e as Error).message}`);
  }
  const raw = bytes[0] === 0x50 && bytes[1] === 0x4b ? await fromWorkbook(bytes) : fromJson(bytes);
  const parsed = CatalogueProcedures.safeParse(raw);
  if (!parsed.success) {
    const list = Array.isArray(raw) ? (raw as { code?: unknown }[]) : [];
    const issues = parsed.error.issues.map((i) => ({ path: i.path, message: i.message }));
    for (const [at, message] of Array.isArray(raw) ? repeatedCodes(raw) : []) if (!issues.some((i) => i.message === message)) issues.push({ path: [at, 'code'], message });
    issues.sort((a, b) => (typeof a.path[0] === 'number' ? a.path[0] : -1) - (typeof b.path[0] === 'number' ? b.path[0] : -1));
    const problems = issues.slice(0, 20).map((i) => {
      const [at, ...rest] = i.path;
      if (typeof at !== 'number') return i.message;
      const code = typeof list[at]?.code === 'string' ? ` (${list[at].code})` : '';
      return `Thủ tục thứ ${at + 1}${code}${rest.length ? `, ${rest.join('.')}` : ''}: ${i.message}`;
    });
    throw new AppError('CATALOGUE_INVALID', problems.join('\n'), { problems });
  }
  return parsed.data;
}

function fromJson(bytes: Buffer): unknown {
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new AppError('CATALOGUE_INVALID', `Tệp không phải JSON hợp lệ: ${(e as Error).message}`);
  }
  if (Array.isArray(doc)) return doc;
  if (doc && typeof doc === 'object' && Array.isArray((doc as { procedures?: unknown }).procedures)) {
    const extra = Object.keys(doc).filter((k) => k !== 'procedures');
    if (extra.length > 0) throw new AppError('CATALOGUE_INVALID', `Tệp có trường lạ: ${extra.join(', ')} (chỉ cần "procedures")`);
    return (doc as { procedures: unknown[] }).procedures;
  }
  throw new AppError('CATALOGUE_INVALID', 'Tệp JSON cần dạng {"procedures": [ … ]}');
}

/** The office import's sheet layout; its "Tiền tố" column is optional here (a procedure's ticket letters are the office's). */
async function fromWorkbook(bytes: Buffer): Promise<unknown> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('CATALOGUE_INVALID', 'Tệp Excel bị hỏng hoặc không đúng định dạng');
  }
  const ws = wb.worksheets[0];
  const table: string[][] = [];
  ws?.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cell.text ?? ''));
    table.push(Array.from(cells, (c) => c ?? ''));
  });
  const [head, ...body] = table;
  if (!head) throw new AppError('CATALOGUE_INVALID', 'Tệp Excel trống');
  // Without a prefix column the office's reader would refuse the sheet; a blank one means "the office picks".
  const withPrefix = catalogueRows([[...head, 'Tiền tố'], ...body]);
  const sheet = head.some((h) => foldVietnamese(h) === 'tien to') ? catalogueRows(table) : withPrefix;
  if (sheet.problems.length > 0) throw new AppError('CATALOGUE_INVALID', sheet.problems.join('\n'));
  return sheet.rows.map((r) => ({
    code: r.code,
    nameVi: r.nameVi,
    nameEn: r.nameEn,
    field: r.group,
    documents: r.documents,
    ...(r.documentsEn ? { documentsEn: r.documentsEn } : {}),
    ...(r.prefix ? { prefix: r.prefix } : {}),
  }));
}
