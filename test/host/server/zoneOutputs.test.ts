import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import type { AnnounceMessage } from '../../../shared/announcementConfig';
import { deviceClient, signedInAdmin, signedInCounter } from '../../helpers/devices';
import type { HttpClient } from '../../helpers/httpClient';
import { FakeClock, eventually, tempHost } from '../../helpers/tempHost';

// Issue #15 on the provincial centre: each floor's voice and LED boards, saved over HTTP by a
// signed-in admin, read back, edited again; a bad save is refused with a clear error and changes nothing.

let host: Host;
let admin: HttpClient;

beforeAll(async () => {
  host = await tempHost({ seed: 'centre' });
  admin = await signedInAdmin(host);
});
afterAll(async () => {
  await host.close();
});

const audits = () => (host.db.prepare("SELECT count(*) AS n FROM events WHERE type = 'config.changed'").get() as { n: number }).n;

async function refused(url: string, body: unknown, status: number, code: string, message: RegExp) {
  const before = (await admin.get(url)).body;
  const n = audits();
  const r = await admin.post(url, body);
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.body.error.code).toBe(code);
  expect(JSON.stringify(r.body.error)).toMatch(message);
  expect((await admin.get(url)).body).toEqual(before);
  expect(audits()).toBe(n);
}

describe('announcements per zone over HTTP', () => {
  it('a floor gets its own voice, edited twice; the office’s fields and the other floor are untouched', async () => {
    const office = (await admin.get('/api/admin/announcements')).body;
    expect(office.zones).toEqual([]);

    const first = await admin.post('/api/admin/announcements', { zones: [{ zoneId: 2, volume: 0.4, quietFrom: '16:30', quietTo: '07:00' }] });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ ...office, zones: [{ zoneId: 2, enabled: true, lang: 'vi', repeat: 1, volume: 0.4, quietFrom: '16:30', quietTo: '07:00' }] });
    expect((await admin.get('/api/admin/announcements')).body).toEqual(first.body);

    // Second edit: floor 2 in both languages, floor 1 silent; then an office-only save keeps both.
    const second = await admin.post('/api/admin/announcements', {
      zones: [
        { zoneId: 2, lang: 'both', volume: 0.5, quietFrom: null, quietTo: null },
        { zoneId: 1, enabled: false },
      ],
    });
    expect(second.status).toBe(200);
    const third = await admin.post('/api/admin/announcements', { volume: 0.8 });
    expect(third.body).toEqual({
      ...office,
      volume: 0.8,
      zones: [
        { zoneId: 2, enabled: true, lang: 'both', repeat: 1, volume: 0.5, quietFrom: null, quietTo: null },
        { zoneId: 1, enabled: false, lang: 'vi', repeat: 1, volume: 1, quietFrom: null, quietTo: null },
      ],
    });
  });

  it('bad zone settings are refused with the reason, and nothing is saved', async () => {
    const url = '/api/admin/announcements';
    await refused(url, { zones: [{ zoneId: 2 }, { zoneId: 2, volume: 0.3 }] }, 400, 'BAD_REQUEST', /khu vực 2 có hai cấu hình/);
    await refused(url, { zones: [{ zoneId: 2, quietFrom: '16:30' }] }, 400, 'BAD_REQUEST', /cả giờ bắt đầu và giờ kết thúc/);
    await refused(url, { zones: [{ zoneId: 2, volume: 1.5 }] }, 400, 'BAD_REQUEST', /zones\.0\.volume/);
    await refused(url, { zones: [{ zoneId: 2, loud: true }] }, 400, 'BAD_REQUEST', /loud/);
    await refused(url, { lang: 'fr' }, 400, 'BAD_REQUEST', /lang/);
    await refused(url, { volume: 0.2, zones: [{ zoneId: 77 }] }, 404, 'ZONE_NOT_FOUND', /khu vực 77/);
  });
});

describe('LED boards per zone over HTTP', () => {
  const dir = os.tmpdir();
  it('a hall board per floor beside the counter boards, edited twice; the status is per floor', async () => {
    const counters = (await admin.get('/api/admin/counters')).body as { id: number; zoneId: number }[];
    const floor2Counter = counters.find((c) => c.zoneId === 2) as { id: number };
    const hall2 = { kind: 'hall', zoneId: 2, port: path.join(dir, 'motcua-no-such-hall2'), baudRate: 9600, address: 1, rows: 3, protocol: 'modbus', blinkSeconds: 5 };
    // A counter board written the way boards were saved before hall boards (no `kind`) is still a counter board.
    const old = { port: path.join(dir, 'motcua-no-such-line1'), address: 4, counterId: 1 };
    const r = await admin.post('/api/admin/boards', { boards: [old, hall2] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const counterBoard = { kind: 'counter', baudRate: 9600, protocol: 'ascii', blinkSeconds: 5, ...old };
    expect(r.body.boards).toEqual([counterBoard, hall2]);
    expect(r.body.zones).toEqual([
      { zoneId: 1, boards: 1, connected: 0, downPorts: [old.port] },
      { zoneId: 2, boards: 1, connected: 0, downPorts: [hall2.port] },
    ]);

    // Second edit: floor 2's hall board is two lines now and gets a counter board on its line.
    const edited = [counterBoard, { ...hall2, rows: 2 }, { kind: 'counter', port: hall2.port, address: 3, counterId: floor2Counter.id, protocol: 'modbus' }];
    const r2 = await admin.post('/api/admin/boards', { boards: edited });
    expect(r2.status, JSON.stringify(r2.body)).toBe(200);
    const back = (await admin.get('/api/admin/boards')).body;
    expect(back.boards).toEqual([counterBoard, { ...hall2, rows: 2 }, { kind: 'counter', port: hall2.port, address: 3, counterId: floor2Counter.id, protocol: 'modbus', baudRate: 9600, blinkSeconds: 5 }]);
    expect(back.zones.map((z: { zoneId: number; boards: number }) => [z.zoneId, z.boards])).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it('bad boards are refused with the reason, and nothing is saved', async () => {
    const url = '/api/admin/boards';
    const current = (await admin.get(url)).body.boards as unknown[];
    const line = path.join(dir, 'motcua-no-such-hall2');
    // Address 2 is the second row of floor 2's hall board.
    await refused(url, { boards: [...current, { kind: 'counter', port: line, address: 2, counterId: 1, protocol: 'modbus' }] }, 400, 'BAD_REQUEST', /cùng địa chỉ 2/);
    await refused(url, { boards: [...current, { kind: 'hall', zoneId: 5, port: path.join(dir, 'x') }] }, 404, 'ZONE_NOT_FOUND', /khu vực 5/);
    await refused(url, { boards: [...current, { kind: 'hall', port: path.join(dir, 'x') }] }, 400, 'BAD_REQUEST', /zoneId/);
    await refused(url, { boards: [...current, { kind: 'sign', port: path.join(dir, 'x') }] }, 400, 'BAD_REQUEST', /kind/);
  });
});

describe('a floor’s voice over the wire', () => {
  it('floor 2’s speakers get floor 2’s volume and languages; moving the host’s clock into its quiet hours silences floor 2 only', async () => {
    const clock = new FakeClock(); // Monday 08:00 in Hà Nội
    const h = await tempHost({ seed: 'centre', clock });
    const ws = new WebSocket(`ws://127.0.0.1:${h.port}/api/events`);
    try {
      const heard: AnnounceMessage[] = [];
      ws.on('message', (d) => {
        const m = JSON.parse(String(d)) as { type: string };
        if (m.type === 'announce') heard.push(m as AnnounceMessage);
      });
      await new Promise((r) => ws.on('open', r));
      const adm = await signedInAdmin(h);
      expect((await adm.post('/api/admin/announcements', { zones: [{ zoneId: 2, lang: 'both', volume: 0.4, quietFrom: '16:30', quietTo: '07:00' }] })).status).toBe(200);
      const counters = (await adm.get('/api/admin/counters')).body as { id: number; zoneId: number; serviceIds: number[] }[];
      const one = counters.find((c) => c.zoneId === 1) as (typeof counters)[number];
      const two = counters.find((c) => c.zoneId === 2) as (typeof counters)[number];
      const kiosk = deviceClient(h, 'kiosk');
      const desk1 = await signedInCounter(h, one.id, 1);
      const desk2 = await signedInCounter(h, two.id, 2);
      const call = async (desk: HttpClient, c: typeof one) => {
        const t = await kiosk.post('/api/tickets', { serviceId: c.serviceIds[0] });
        expect(t.status, JSON.stringify(t.body)).toBe(201);
        const called = await desk.post(`/api/counters/${c.id}/next`, {});
        expect(called.status, JSON.stringify(called.body)).toBe(200);
        expect((await desk.post(`/api/tickets/${called.body.id}/finish`, {})).status).toBe(200);
        return called.body.number as string;
      };
      const summary = () => heard.map((m) => [m.zoneId, m.lang, m.volume, m.ticketNumber]);

      const a = await call(desk2, two);
      await eventually(() => heard.length >= 2);
      expect(summary()).toEqual([
        [2, 'vi', 0.4, a],
        [2, 'en', 0.4, a],
      ]);

      clock.t = Date.UTC(2026, 10, 23, 9, 45); // 16:45
      heard.length = 0;
      await call(desk2, two);
      const b = await call(desk1, one);
      await eventually(() => heard.length >= 1);
      await new Promise((r) => setTimeout(r, 300));
      expect(summary()).toEqual([[1, 'vi', 1, b]]);
    } finally {
      ws.close();
      await h.close();
    }
  });
});
