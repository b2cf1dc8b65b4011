import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { HttpClient } from '../../helpers/httpClient';
import { FakeClock, tempHost } from '../../helpers/tempHost';

// 06:36 on 25/11/2026 in Hà Nội is 23:36 UTC on 24/11: a UTC export puts the rating on the wrong day.
const RATED_AT = Date.UTC(2026, 10, 24, 23, 36);

let host: Host;
let base: string;
let admin: HttpClient;
const clock = new FakeClock(Date.UTC(2026, 10, 24, 23, 0));

beforeAll(async () => {
  host = await tempHost({ clock });
  base = `http://127.0.0.1:${host.port}`;
  admin = new HttpClient(base);
  await admin.post('/api/auth/admin', { password: 'admin-test' });
  const kiosk = new HttpClient(base);
  const staff = new HttpClient(base);
  await staff.post('/api/auth/login', { counterId: 1, officerId: 1, pin: '1111' });
  const issued = await kiosk.post('/api/tickets', { serviceId: 1 });
  expect(issued.status).toBe(201);
  clock.minutes(10);
  const called = await staff.post('/api/counters/1/next');
  expect(called.body.id).toBe(issued.body.id);
  clock.minutes(20);
  expect((await staff.post(`/api/tickets/${issued.body.id}/finish`, {})).status).toBe(200);
  clock.t = RATED_AT;
  const rated = await kiosk.post(`/api/tickets/${issued.body.id}/rating`, { score: 4, comment: 'Cán bộ hướng dẫn tận tình' });
  expect(rated.status).toBe(201);
});
afterAll(async () => {
  await host.close();
});

describe('times an office reads are in office time', () => {
  it('the XLSX "Góp ý" sheet and the comments CSV give the rating time as 25/11/2026 06:36', async () => {
    const res = await fetch(`${base}/api/reports/export.xlsx?from=2026-11-25&to=2026-11-25`, { headers: { cookie: admin.cookie } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Góp ý')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Góp ý — 25/11/2026 đến 25/11/2026');
    const header = sheet.getRow(2).values as unknown[];
    const row = sheet.getRow(3).values as unknown[];
    expect(row[header.indexOf('Góp ý')]).toBe('Cán bộ hướng dẫn tận tình');
    expect(row[header.indexOf('Thời gian')]).toBe('25/11/2026 06:36');
    // Nothing on any sheet is written as an ISO/UTC time.
    for (const ws of wb.worksheets) ws.eachRow((r) => r.eachCell((c) => expect(String(c.value)).not.toMatch(/\d{4}-\d{2}-\d{2}T|Z$/)));

    const csv = Buffer.from(await (await fetch(`${base}/api/reports/export.csv?from=2026-11-25&to=2026-11-25&table=comments`, { headers: { cookie: admin.cookie } })).arrayBuffer())
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')[1]).toBe('A001,4/4,Cán bộ hướng dẫn tận tình,25/11/2026 06:36');
  });

  it('a backup downloaded at 06:36 on 25/11 is named for 25/11 06:36, by the host clock', async () => {
    const res = await fetch(`${base}/api/admin/backup`, { headers: { cookie: admin.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="motcua-20261125-063600.sqlite"');
    await res.arrayBuffer();
  });
});
