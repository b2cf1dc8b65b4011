import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { deviceClient, signedInAdmin, signedInCounter } from '../../helpers/devices';
import { FakeClock, tempHost } from '../../helpers/tempHost';

// Monday 23/11/2026, 08:00 in Hà Nội. Three citizens served and rated 4, 4 and 1 on the 4-level scale.
let host: Host;
let base: string;
/** The admin browser's session cookie and device credential (issue #13). */
let adminHeaders: Record<string, string> = {};
const clock = new FakeClock();

beforeAll(async () => {
  host = await tempHost({ clock });
  base = `http://127.0.0.1:${host.port}`;
  const officer = await signedInCounter(host, 1);
  const kiosk = deviceClient(host, 'kiosk');
  const tablet = deviceClient(host, 'rating', 1);
  for (const [score, comment] of [[4, 'Cán bộ tận tình'], [4, undefined], [1, '=chờ lâu quá']] as const) {
    const t = (await kiosk.post('/api/tickets', { serviceId: 1 })).body as { id: string };
    await officer.post('/api/counters/1/next');
    clock.minutes(10);
    expect((await officer.post(`/api/tickets/${t.id}/finish`, {})).status).toBe(200);
    expect((await tablet.post(`/api/tickets/${t.id}/rating`, { score, reasons: [], comment, source: 'tablet' })).status).toBe(201);
  }
  adminHeaders = (await signedInAdmin(host)).authHeaders();
});
afterAll(async () => {
  await host.close();
});

const get = async (path: string) => {
  const res = await fetch(base + path, { headers: adminHeaders });
  return { status: res.status, type: res.headers.get('content-disposition') ?? '', body: Buffer.from(await res.arrayBuffer()) };
};
/** A CSV line's cell values as a spreadsheet reads them (text cells are quoted: csvSafe), joined by commas. */
function unquoted(line: string): string {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      cells.push(cur);
      cur = '';
    } else cur += ch;
  }
  cells.push(cur);
  return cells.join(',');
}
const sections = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\r\n\r\n')
    .map((s) => s.split('\r\n').filter(Boolean).map(unquoted));

describe('report files', () => {
  it('the CSV holds every table of the report, each under its title with the dates as dd/mm/yyyy', async () => {
    const csv = await get('/api/reports/export.csv?from=2026-11-23&to=2026-11-23');
    expect(csv.status).toBe(200);
    expect(csv.type).toBe('attachment; filename="motcua-bao-cao-2026-11-23-2026-11-23.csv"');
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parts = sections(csv.body.toString('utf8'));
    expect(parts.map((p) => p[0])).toEqual(
      ['Tổng hợp', 'Theo dịch vụ', 'Theo quầy', 'Theo cán bộ', 'Mức độ hài lòng', 'Góp ý', 'Theo giờ'].map((t) => `${t} — 23/11/2026 đến 23/11/2026`),
    );
    const byService = parts[1]!;
    expect(byService[1]?.startsWith('Tên,Số phiếu cấp,Đã phục vụ')).toBe(true);
    expect(byService.find((r) => r.startsWith('Hộ tịch,'))?.split(',').slice(1, 3)).toEqual(['3', '3']);
    expect(byService.at(-1)?.startsWith('Tổng,3,3')).toBe(true);
    // Best level first, and the levels nobody chose are there with 0.
    expect(parts[4]!.slice(2, 6)).toEqual(['4,4,Rất hài lòng,2', '4,3,Hài lòng,0', '4,2,Bình thường,0', '4,1,Không hài lòng,1']);
    const comments = parts[5]!.slice(2);
    expect(comments).toHaveLength(2);
    expect(comments.join('\n')).toMatch(/A001,4\/4,Cán bộ tận tình,23\/11\/2026 08:10/);
    // A citizen's comment is never a formula.
    expect(comments.join('\n')).toContain(",'=chờ lâu quá,");
  });

  it('one table when asked for one; English when asked; XLSX titles in dd/mm/yyyy', async () => {
    const one = sections((await get('/api/reports/export.csv?from=2026-11-23&to=2026-11-23&table=services')).body.toString('utf8'));
    expect(one).toHaveLength(1);
    expect(one[0]![0]?.startsWith('Tên,')).toBe(true);

    const en = await get('/api/reports/export.csv?from=2026-11-23&to=2026-11-23&lang=en');
    expect(en.type).toContain('motcua-report-2026-11-23-2026-11-23.csv');
    const parts = sections(en.body.toString('utf8'));
    expect(parts[0]![0]).toBe('Summary — 23/11/2026 to 23/11/2026');
    expect(parts[4]![2]).toBe('4,4,Very satisfied,2');
    expect(parts[6]![2]?.startsWith('Monday,')).toBe(true);

    const xlsx = await get('/api/reports/export.xlsx?from=2026-11-23&to=2026-11-23');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Theo dịch vụ')!.getRow(1).getCell(1).value).toBe('Theo dịch vụ — 23/11/2026 đến 23/11/2026');
    const ratings = wb.getWorksheet('Mức độ hài lòng')!;
    expect([3, 4, 5, 6].map((r) => ratings.getRow(r).getCell(3).value)).toEqual(['Rất hài lòng', 'Hài lòng', 'Bình thường', 'Không hài lòng']);
    expect((await get('/api/reports/export.csv?from=2026-11-23&to=2026-11-23&lang=fr')).status).toBe(400);
  });
});
