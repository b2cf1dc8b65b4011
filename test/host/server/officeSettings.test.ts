import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { DEFAULT_TICKET_TEMPLATE } from '../../../shared/ticketTemplate';
import { parseEscPos } from '../../helpers/escposParser';
import { HttpClient } from '../../helpers/httpClient';
import { tempDir, tempHost } from '../../helpers/tempHost';

// The cases found by hand (issue #11, points 1, 9 and 11), each as the office met it.

let host: Host;
let base: string;
let admin: HttpClient;

beforeAll(async () => {
  host = await tempHost();
  base = `http://127.0.0.1:${host.port}`;
  admin = new HttpClient(base);
  await admin.post('/api/auth/admin', { password: 'admin-test' });
});
afterAll(async () => {
  await host.close();
});

const audit = () =>
  (host.db.prepare("SELECT actor, payload FROM events WHERE type = 'config.changed' ORDER BY id").all() as { actor: string; payload: string }[]).map((e) => ({ actor: e.actor, ...(JSON.parse(e.payload) as { what: string; fields?: string[] }) }));

const waitFor = async (cond: () => boolean | Promise<boolean>, ms = 8000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 30));
  }
};

describe('a partial save keeps the rest', () => {
  it('saving only the marquee keeps the English name, address, rating reasons, public URL, priority groups and backups', async () => {
    const setup = await admin.post('/api/admin/office', { publicBaseUrl: 'http://192.168.1.10:8080', backupHour: 3, backupKeep: 30 });
    expect(setup.status).toBe(200);
    const before = (await admin.get('/api/admin/office')).body;
    expect(before.nameEn).not.toBe('');
    expect(before.ratingReasons).toHaveLength(6);
    const r = await admin.post('/api/admin/office', { marquee: 'Chào mừng' });
    expect(r.status).toBe(200);
    const after = (await admin.get('/api/admin/office')).body;
    expect(after).toEqual({ ...before, marquee: 'Chào mừng' });
    expect(audit().at(-1)).toMatchObject({ actor: 'admin', what: 'office', fields: ['marquee'] });
  });

  it('editing a service name keeps its Saturday hours and its icon', async () => {
    const hours = [
      { days: [1, 2, 3, 4, 5], from: '07:30', to: '11:30' },
      { days: [1, 2, 3, 4, 5], from: '13:30', to: '17:00' },
      { days: [6], from: '07:30', to: '11:30' },
    ];
    expect((await admin.post('/api/admin/services', { id: 1, hours })).status).toBe(200);
    const before = (await admin.get('/api/services')).body.find((s: { id: number }) => s.id === 1);
    expect(before.icon).toBe('family');
    const r = await admin.post('/api/admin/services', { id: 1, nameVi: 'Hộ tịch — khai sinh, kết hôn' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ nameVi: 'Hộ tịch — khai sinh, kết hôn', hours, icon: 'family', nameEn: before.nameEn, alertMinutes: before.alertMinutes });
  });

  it('editing an officer keeps the photo; editing a counter keeps it out of service', async () => {
    const photo = 'data:image/png;base64,iVBORw0KGgo=';
    expect((await admin.post('/api/admin/officers', { id: 2, photo })).status).toBe(200);
    expect((await admin.post('/api/admin/officers', { id: 2, title: 'Công chức Địa chính' })).body).toMatchObject({ photo, title: 'Công chức Địa chính', name: 'Trần Văn Hùng' });
    expect((await admin.post('/api/admin/counters', { id: 4, active: false })).status).toBe(200);
    expect((await admin.post('/api/admin/counters', { id: 4, name: 'Quầy 4 (tầng 2)' })).body).toMatchObject({ active: false, name: 'Quầy 4 (tầng 2)', number: 4 });
  });

  it('a printer or announcement save of one field keeps the connection and the wording', async () => {
    const file = path.join(tempDir(), 'printer.bin');
    expect((await admin.post('/api/admin/printer', { transport: { kind: 'file', path: file }, encoding: 'ascii' })).status).toBe(200);
    expect((await admin.post('/api/admin/printer', { paper: 58 })).body).toMatchObject({ transport: { kind: 'file', path: file }, encoding: 'ascii', paper: 58 });
    expect((await admin.post('/api/admin/announcements', { template: 'Xin mời số {số} đến quầy {quầy}', repeat: 2 })).status).toBe(200);
    expect((await admin.post('/api/admin/announcements', { volume: 0.5 })).body).toMatchObject({ template: 'Xin mời số {số} đến quầy {quầy}', repeat: 2, volume: 0.5 });
    expect((await admin.post('/api/admin/printer', { transport: { kind: 'none' } })).status).toBe(200);
  });
});

describe('settings that had no screen', () => {
  it('pause reasons are the office’s own: live on the counter screen, checked when pausing, logged', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`);
    const seen: string[] = [];
    ws.on('message', (d) => seen.push(JSON.parse(String(d)).type));
    await new Promise((r) => ws.on('open', r));
    const staff = new HttpClient(base);
    await staff.post('/api/auth/login', { counterId: 2, officerId: 2, pin: '2222' });
    expect((await staff.get('/api/config')).body.pauseReasons.map((r: { code: string }) => r.code)).toEqual(['break', 'meeting', 'urgent', 'helping', 'other']);

    const reasons = [
      { code: 'tiep_dan', vi: 'Tiếp công dân tại phòng họp', en: 'Meeting citizens in the meeting room' },
      { code: 'break', vi: 'Nghỉ giải lao', en: 'Break' },
    ];
    expect((await admin.post('/api/admin/office', { pauseReasons: reasons })).status).toBe(200);
    await waitFor(() => seen.includes('config.changed'));
    expect((await staff.get('/api/config')).body.pauseReasons).toEqual(reasons);
    expect(audit().at(-1)).toMatchObject({ what: 'office', fields: ['pauseReasons'] });

    const refused = await staff.post('/api/counters/2/pause', { reason: 'meeting' });
    expect([refused.status, refused.body.error.code]).toEqual([400, 'PAUSE_REASON_UNKNOWN']);
    expect((await staff.post('/api/counters/2/pause', { reason: 'tiep_dan' })).status).toBe(200);
    expect((host.db.prepare('SELECT reason FROM pauses WHERE counter_id = 2 AND to_at IS NULL').get() as { reason: string }).reason).toBe('tiep_dan');
    await staff.post('/api/counters/2/resume');
    ws.close();
  });

  it('refuses lists and values that would break the office, with a typed error, writing nothing', async () => {
    const before = (await admin.get('/api/admin/office')).body;
    const events = audit().length;
    const dup = { code: 'fast', vi: 'Nhanh', en: 'Fast' };
    for (const body of [
      { pauseReasons: [] },
      { ratingReasons: [dup, dup] },
      { priorityGroups: [{ code: 'Có Dấu', vi: 'x', en: 'x' }] },
      { publicBaseUrl: 'motcua.local' },
      { publicBaseUrl: 'javascript:alert(1)' },
      { timeZone: 'Giờ Hà Nội' },
      { ticketTemplate: [{ kind: 'text', text: '{office}', size: 1, align: 'center', bold: false }] },
      { ticketTemplate: [] },
    ]) {
      const r = await admin.post('/api/admin/office', body);
      expect({ body, status: r.status, code: r.body.error?.code }).toEqual({ body, status: 400, code: 'BAD_REQUEST' });
    }
    expect((await admin.get('/api/admin/office')).body).toEqual(before);
    expect(audit().length).toBe(events);
  });

  it('the public URL goes into the ticket QR; the office’s ticket template is what prints', async () => {
    expect((await admin.post('/api/admin/office', { publicBaseUrl: 'https://motcua.phuong-hoabinh.gov.vn/' })).status).toBe(200);
    const file = path.join(tempDir(), 'ticket.bin');
    await admin.post('/api/admin/printer', { transport: { kind: 'file', path: file }, encoding: 'ascii', enabled: true });
    const template = [
      { kind: 'text', text: 'PHUONG HOA BINH - MOT CUA', size: 1, align: 'center', bold: true },
      { kind: 'text', text: 'So cua ban: {number}', size: 2, align: 'left', bold: false },
      { kind: 'qr', text: '', size: 1, align: 'center', bold: false },
    ];
    expect((await admin.post('/api/admin/office', { ticketTemplate: template })).status).toBe(200);
    const issued = await new HttpClient(base).post('/api/tickets', { serviceId: 2 });
    expect(issued.body.trackUrl).toMatch(/^https:\/\/motcua\.phuong-hoabinh\.gov\.vn\/t\/[A-Za-z0-9]+$/);
    await waitFor(() => fs.existsSync(file) && parseEscPos(fs.readFileSync(file)).qrData.length > 0);
    const printed = parseEscPos(fs.readFileSync(file));
    // The check code is always printed (walk-up rating needs it): without {code} it goes under the QR.
    expect(printed.lines.map((l) => l.toString('latin1').trim()).filter(Boolean)).toEqual([
      'PHUONG HOA BINH - MOT CUA',
      `So cua ban: ${issued.body.number}`,
      `Ma phieu (de danh gia): ${issued.body.checkCode}`,
    ]);
    expect(printed.qrData).toEqual([issued.body.trackUrl]);
    // Back to the default for whoever runs next.
    await admin.post('/api/admin/office', { ticketTemplate: DEFAULT_TICKET_TEMPLATE });
    await admin.post('/api/admin/printer', { transport: { kind: 'none' } });
  });
});
