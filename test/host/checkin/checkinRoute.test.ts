// POST /api/checkin (#30, office slice): a scan from an enrolled kiosk, recognised by its shape, on a
// real host and a real SQLite file.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { NamePurge } from '../../../electron/host/checkin/namePurge';
import { OutboxReader } from '../../../electron/host/province/outboxReader';
import { deviceClient, signedInAdmin, signedInCounter } from '../../helpers/devices';
import { HttpClient } from '../../helpers/httpClient';
import { FakeClock, tempHost } from '../../helpers/tempHost';

// A made-up 72-year-old (the clock starts 23 Nov 2026) and a 35-year-old, in the chip CCCD layout.
const ELDER_ID = '001054012345';
const ELDER_ADDRESS = 'Số 12 ngõ 34 phố Hàng Bông, Phường Hàng Gai, Quận Hoàn Kiếm, Hà Nội';
const elderQr = `${ELDER_ID}|012345678|Nguyễn Văn Bảy|15031954|Nam|${ELDER_ADDRESS}|20042021`;
const youngQr = '079191001234||Trần Thị Mai|02091991|Nữ|45 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|10082022';
const DOSSIER = '000.00.31.H29-261120-0042';

const logs: Record<string, unknown>[] = [];
const clock = new FakeClock();
let host: Host;
let kiosk: HttpClient;
let dir: string;
beforeAll(async () => {
  host = await tempHost({ clock, log: (e) => logs.push(e) });
  dir = host.dataDir;
  kiosk = deviceClient(host, 'kiosk');
});
afterAll(async () => {
  await host.close();
});

const count = (sql: string) => (host.db.prepare(sql).get() as { n: number }).n;
const snapshot = () => ({
  tickets: count('SELECT count(*) AS n FROM tickets'),
  events: count('SELECT count(*) AS n FROM events'),
  printJobs: count('SELECT count(*) AS n FROM print_jobs'),
  settings: host.db.prepare("SELECT value FROM settings WHERE key = 'office'").get(),
});
const serviceId = (code: string) => (host.db.prepare('SELECT id FROM services WHERE code = ?').get(code) as { id: number }).id;

describe('check-in by scan', () => {
  it('a dossier code takes a number for "Trả kết quả" with the code attached, in one write', async () => {
    const before = snapshot();
    const r = await kiosk.post('/api/checkin', { scan: DOSSIER });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ step: 'ticket', kind: 'dossier', dossierCode: DOSSIER, ticket: { serviceId: serviceId('TKQ'), serviceNameVi: 'Trả kết quả', priority: null } });
    const row = host.db.prepare('SELECT service_id, dossier_code, citizen_name, state FROM tickets WHERE id = ?').get(r.body.ticket.id);
    expect(row).toEqual({ service_id: serviceId('TKQ'), dossier_code: DOSSIER, citizen_name: null, state: 'waiting' });
    const after = snapshot();
    expect(after.tickets).toBe(before.tickets + 1);
    expect(after.settings).toEqual(before.settings);
  });

  it('follows the office’s choice of service for dossier codes', async () => {
    const admin = await signedInAdmin(host);
    const office = (await admin.get('/api/admin/office')).body;
    expect((await admin.post('/api/admin/office', { checkin: { ...office.checkin, dossierServiceId: serviceId('HT') } })).status).toBe(200);
    try {
      const r = await kiosk.post('/api/checkin', { scan: 'https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma_ho_so=000.00.31.h29-261120-0043' });
      expect(r.status).toBe(201);
      expect(r.body.ticket.serviceId).toBe(serviceId('HT'));
      expect(r.body.dossierCode).toBe('000.00.31.H29-261120-0043');
    } finally {
      await admin.post('/api/admin/office', { checkin: { ...office.checkin } });
    }
  });

  it('an ID card QR first answers what to ask (nothing written), then issues with only name and birth year', async () => {
    const before = snapshot();
    const asked = await kiosk.post('/api/checkin', { scan: elderQr });
    expect(asked.status).toBe(200);
    expect(asked.body).toEqual({ step: 'chooseService', kind: 'citizenId', dossierCode: null, name: 'Nguyễn Văn Bảy', priority: 'elderly' });
    expect(snapshot()).toEqual(before);

    const young = await kiosk.post('/api/checkin', { scan: youngQr });
    expect(young.body).toMatchObject({ step: 'chooseService', name: 'Trần Thị Mai', priority: null });

    const issued = await kiosk.post('/api/checkin', { scan: elderQr, serviceId: serviceId('HT'), priority: 'elderly' });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ step: 'ticket', kind: 'citizenId', ticket: { serviceId: serviceId('HT'), priority: 'elderly' } });
    const row = host.db.prepare('SELECT citizen_name, citizen_birth_year, dossier_code FROM tickets WHERE id = ?').get(issued.body.ticket.id);
    expect(row).toEqual({ citizen_name: 'Nguyễn Văn Bảy', citizen_birth_year: 1954, dossier_code: null });
    expect(snapshot().tickets).toBe(before.tickets + 1);
  });

  const refusals: [string, unknown, number, string][] = [
    ['an unknown code', { scan: 'xin chào' }, 400, 'SCAN_UNKNOWN'],
    ['an ID QR with an impossible birth date', { scan: elderQr.replace('15031954', '31021954'), serviceId: 1 }, 400, 'ID_QR_INVALID'],
    ['an ID QR whose old number is 10 digits', { scan: elderQr.replace('012345678', '0123456789'), serviceId: 1 }, 400, 'ID_QR_INVALID'],
    ['a booking code nobody holds', { scan: 'LH-7K3P9XMA', serviceId: 1 }, 404, 'BOOKING_UNKNOWN'],
    ['an empty scan', { scan: '   ' }, 400, 'BAD_REQUEST'],
    ['an unknown field', { scan: DOSSIER, name: 'X' }, 400, 'BAD_REQUEST'],
    ['an unknown priority group', { scan: elderQr, serviceId: 1, priority: 'vip' }, 400, 'PRIORITY_UNKNOWN'],
    ['a service that does not exist', { scan: DOSSIER, serviceId: 999 }, 404, 'SERVICE_NOT_FOUND'],
  ];
  it.each(refusals)('refuses %s with a clear code and message, writing nothing', async (_what, body, status, code) => {
    const before = snapshot();
    const r = await kiosk.post('/api/checkin', body);
    expect(r.status).toBe(status);
    expect(r.body.error.code).toBe(code);
    expect(r.body.error.message.length).toBeGreaterThan(10);
    expect(snapshot()).toEqual(before);
  });

  it('says which field of a bad card was wrong, never its value', async () => {
    const r = await kiosk.post('/api/checkin', { scan: elderQr.replace('15031954', '31021954') });
    expect(r.body.error).toMatchObject({ code: 'ID_QR_INVALID', details: { field: 'birth_date' } });
    expect(JSON.stringify(r.body)).not.toContain(ELDER_ID);
  });

  it('only an enrolled kiosk may check in: not a phone (even where phones take numbers), not a counter', async () => {
    const admin = await signedInAdmin(host);
    expect((await admin.post('/api/admin/office', { phonesMayTakeNumber: true })).status).toBe(200);
    try {
      const before = snapshot();
      const phone = new HttpClient(`http://127.0.0.1:${host.port}`);
      expect((await phone.post('/api/checkin', { scan: elderQr })).body.error.code).toBe('DEVICE_NOT_ENROLLED');
      const desk = deviceClient(host, 'counter', 2);
      expect((await desk.post('/api/checkin', { scan: DOSSIER })).body.error.code).toBe('DEVICE_ROLE');
      expect(snapshot()).toEqual(before);
    } finally {
      await admin.post('/api/admin/office', { phonesMayTakeNumber: false });
    }
  });
});

describe('where the name shows, and where it does not', () => {
  it('the counter that calls the citizen sees the name and the dossier code; the hall, the ticket page and the hub do not', async () => {
    const issued = await kiosk.post('/api/checkin', { scan: youngQr, serviceId: serviceId('HT') });
    expect(issued.status).toBe(201);
    const desk = await signedInCounter(host, 1);
    // Call until this ticket is at counter 1 (earlier tests left tickets waiting).
    let state = (await desk.get('/api/counters/1/state')).body;
    for (let i = 0; i < 10 && state.counter.current?.id !== issued.body.ticket.id; i++) {
      if (state.counter.current) await desk.post(`/api/tickets/${state.counter.current.id}/finish`, {});
      await desk.post('/api/counters/1/next');
      state = (await desk.get('/api/counters/1/state')).body;
    }
    expect(state.counter.current.id).toBe(issued.body.ticket.id);
    expect(state.citizen).toEqual({ name: 'Trần Thị Mai', birthYear: 1991 });

    const anyone = new HttpClient(`http://127.0.0.1:${host.port}`);
    for (const p of ['/api/counters', '/api/display', `/api/tickets/${issued.body.ticket.id}`]) {
      const body = JSON.stringify((await deviceClient(host, 'display').get(p)).body) + JSON.stringify((await anyone.get(p)).body);
      expect(body, p).not.toContain('Trần Thị Mai');
    }
    // The office's reports, every table of the export, in both languages.
    const admin = await signedInAdmin(host);
    const day = (host.db.prepare('SELECT business_day AS d FROM tickets WHERE id = ?').get(issued.body.ticket.id) as { d: string }).d;
    const summary = await admin.get(`/api/reports/summary?from=${day}&to=${day}`);
    expect(summary.status).toBe(200);
    for (const lang of ['vi', 'en']) {
      const csv = await fetch(`http://127.0.0.1:${host.port}/api/reports/export.csv?from=${day}&to=${day}&lang=${lang}`, { headers: admin.authHeaders() });
      expect(csv.status).toBe(200);
      const text = (await csv.text()) + JSON.stringify(summary.body);
      expect(text).toMatch(/Hộ tịch|Civil status/);
      // Full names: "Bảy" alone is also Saturday (Thứ Bảy) in the hours table.
      expect(text).not.toContain('Trần Thị Mai');
      expect(text).not.toContain('Nguyễn Văn Bảy');
    }
    const hub = JSON.stringify(new OutboxReader(host.db).after(0, 10_000));
    expect(hub).toContain(issued.body.ticket.id);
    expect(hub).not.toContain('Mai');
    expect(hub).not.toContain('Bảy');
  });

  it('a transfer takes the name and the dossier code to the next counter', async () => {
    const desk = await signedInCounter(host, 1);
    const state = (await desk.get('/api/counters/1/state')).body;
    const moved = await desk.post(`/api/tickets/${state.counter.current.id}/transfer`, { serviceId: serviceId('TKQ') });
    expect(moved.status).toBe(200);
    const rows = host.db.prepare('SELECT id, state, citizen_name, citizen_birth_year FROM tickets WHERE number = ? ORDER BY issue_order').all(state.counter.current.number);
    expect(rows).toMatchObject([
      { state: 'transferred', citizen_name: 'Trần Thị Mai', citizen_birth_year: 1991 },
      { state: 'waiting', citizen_name: 'Trần Thị Mai', citizen_birth_year: 1991 },
    ]);
  });

  it('keeps no ID number, address or full birth date anywhere in the database files or the log', () => {
    host.db.pragma('wal_checkpoint(TRUNCATE)');
    const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => /sqlite|db|wal|log/i.test(f));
    expect(files.length).toBeGreaterThan(0);
    const everything = files.map((f) => {
      const p = path.join(dir, f);
      return fs.statSync(p).isFile() ? fs.readFileSync(p).toString('utf8') : '';
    }).join('\n') + JSON.stringify(logs);
    for (const secret of [ELDER_ID, '079191001234', '012345678', '15031954', '02091991', 'Hàng Bông', 'Bến Nghé']) expect(everything).not.toContain(secret);
    // The name is there (for the counter) until the retention ends.
    expect(everything).toContain('Nguyễn Văn Bảy');
  });

  it('erases names after the office’s retention, keeping the rest of the ticket', () => {
    const purge = new NamePurge(host.db, () => host.queue.settings.get().checkin.nameRetentionDays, clock.now);
    const named = () => host.db.prepare('SELECT id, number, citizen_birth_year AS y FROM tickets WHERE citizen_name IS NOT NULL ORDER BY id').all();
    const all = () => host.db.prepare('SELECT id, number, state, citizen_birth_year, dossier_code FROM tickets ORDER BY id').all();
    expect(named().length).toBe(3);
    clock.advance(29 * 24 * 3600_000);
    expect(purge.run()).toBe(0);
    const before = all();
    clock.advance(2 * 24 * 3600_000);
    expect(purge.run()).toBe(3);
    expect(named()).toEqual([]);
    expect(all()).toEqual(before);
    // Erased from the file too, not only from what queries see.
    host.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.sqlite'))!;
    expect(fs.readFileSync(path.join(dir, file)).toString('utf8')).not.toContain('Nguyễn Văn Bảy');
  });
});
