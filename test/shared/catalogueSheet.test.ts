import { describe, expect, it } from 'vitest';
import { catalogueCsv, catalogueRows, parseCsv } from '../../shared/catalogueSheet';

const ROWS = [
  { code: 'QA01', group: 'Công an tỉnh', nameVi: 'Cấp hộ chiếu phổ thông', nameEn: 'Ordinary passport', prefix: 'QA', descriptionVi: 'Lần đầu, hoặc "cấp lại"', documents: ['Tờ khai', 'Ảnh 4×6'] },
  { code: 'HT', group: '', nameVi: 'Hộ tịch', nameEn: '', prefix: 'A', descriptionVi: '', documents: [] },
];

describe('the catalogue as CSV', () => {
  it('round-trips: commas, quotes and one document per line inside a cell', () => {
    const csv = catalogueCsv(ROWS);
    expect(csv.startsWith('\uFEFFMã,Lĩnh vực,Tên thủ tục')).toBe(true);
    expect(catalogueRows(parseCsv(csv))).toEqual({ rows: ROWS, problems: [] });
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
