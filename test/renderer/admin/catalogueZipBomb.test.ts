import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCatalogue } from '../../../renderer/admin/catalogueFile';
import { deflateRepeated, zipFile } from '../../helpers/zipFile';

// Issue #27: a 0.9 MB .xlsx that inflates to 200 MB of XML was parsed in the admin's tab (≈ 500 MB).
const MiB = 1024 * 1024;
const SHEET_HEAD = Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
const SHEET_TAIL = Buffer.from('</sheetData></worksheet>');
const PARTS = [
  { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>' },
  { name: '_rels/.rels', data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>' },
  { name: 'xl/workbook.xml', data: '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Thủ tục" sheetId="1" r:id="rId1"/></sheets></workbook>' },
  { name: 'xl/_rels/workbook.xml.rels', data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' },
];

async function read(zip: Buffer) {
  const started = Date.now();
  const result = await readCatalogue(new File([new Uint8Array(zip)], 'danh-muc.xlsx'));
  return { ...result, ms: Date.now() - started };
}

describe('a catalogue .xlsx is judged before it is inflated', () => {
  it('refuses a 200 MB sheet packed into a small file, in Vietnamese, without parsing it', async () => {
    const sheet = await deflateRepeated(Buffer.alloc(MiB, 0x20), 200, SHEET_HEAD, SHEET_TAIL);
    const zip = zipFile([...PARTS, { name: 'xl/worksheets/sheet1.xml', deflated: sheet }]);
    expect(zip.length).toBeLessThan(MiB);
    const r = await read(zip);
    expect(r.rows).toEqual([]);
    expect(r.problems.join(' ')).toMatch(/Tệp Excel .*quá lớn/);
    expect(r.ms).toBeLessThan(3000);
    console.log(`${(zip.length / MiB).toFixed(2)} MB .xlsx inflating to ${(sheet.size / MiB).toFixed(0)} MB: refused in ${r.ms} ms`);
  }, 60_000);

  it('refuses an entry that inflates past the size its directory claims (the lie is caught mid-stream)', async () => {
    const sheet = await deflateRepeated(Buffer.alloc(MiB, 0x20), 20, SHEET_HEAD, SHEET_TAIL);
    const r = await read(zipFile([...PARTS, { name: 'xl/worksheets/sheet1.xml', deflated: sheet, declaredSize: 40_000 }]));
    expect(r.problems.join(' ')).toMatch(/quá lớn/);
  }, 60_000);

  it('refuses thousands of entries', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ name: `xl/media/x${i}.xml`, data: 'x' }));
    const r = await read(zipFile([...PARTS, ...many]));
    expect(r.problems.join(' ')).toMatch(/quá lớn/);
  });

  it('does not read a file past 16 MB at all', async () => {
    const r = await read(Buffer.alloc(17 * MiB, 0x20));
    expect(r.problems.join(' ')).toMatch(/quá lớn/);
  });

  it('still reads an ordinary workbook', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Thủ tục');
    ws.addRow(['Mã', 'Tên thủ tục', 'Tiền tố', 'Giấy tờ cần mang']);
    for (let i = 0; i < 300; i++) ws.addRow([`HT${i}`, `Đăng ký khai sinh ${i}`, 'A', 'Tờ khai\nBản sao CCCD']);
    const r = await read(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.problems).toEqual([]);
    expect(r.rows).toHaveLength(300);
    expect(r.rows[0]).toMatchObject({ code: 'HT0', nameVi: 'Đăng ký khai sinh 0', documents: ['Tờ khai', 'Bản sao CCCD'] });
  });
});
