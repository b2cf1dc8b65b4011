import http from 'node:http';
import os from 'node:os';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { logLine, MAX_LINE } from '../../../electron/host/logger';
import { TEST_ADMIN_PASSWORD, deviceClient, enrollDevice, pinOf, signedInAdmin, signedInCounter } from '../../helpers/devices';
import { HttpClient } from '../../helpers/httpClient';
import { tempHost } from '../../helpers/tempHost';

let host: Host;
let base: string;

beforeAll(async () => {
  host = await tempHost();
  base = `http://127.0.0.1:${host.port}`;
});
afterAll(async () => {
  await host.close();
});

/** A raw request whose body we control (or never send), timed to its answer. */
function rawPost(p: string, headers: Record<string, string>, body?: Buffer): Promise<{ status: number; ms: number; text: string }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const req = http.request(`${base}${p}`, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (d) => (text += String(d)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: Date.now() - started, text }));
    });
    req.on('error', reject);
    req.flushHeaders();
    if (body) req.write(body);
    // Deliberately never end a request that declared a body: the host must answer from the headers.
    if (!headers['content-length'] || body) req.end();
  });
}


describe('the caller is judged before the body', () => {
  it('refuses an anonymous 900 KB admin post from its headers alone, without waiting for the body', async () => {
    // Was 401 (no session). Issue #13: a caller that is no enrolled device is refused for that first (403).
    const r = await rawPost('/api/admin/office', { 'content-type': 'application/json', 'content-length': String(900_000) });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.text).error.code).toBe('DEVICE_NOT_ENROLLED');
    expect(r.ms).toBeLessThan(2000);
    // An admin device without a session is refused as quickly.
    const noSession = await rawPost('/api/admin/office', { 'content-type': 'application/json', 'content-length': String(900_000), 'x-device-token': enrollDevice(host, 'admin') });
    expect(noSession.status).toBe(401);
    expect(noSession.ms).toBeLessThan(2000);
  });

  it('gives anonymous callers a small body limit, staff a larger one', async () => {
    const comment = 'x'.repeat(20_000);
    const anon = await new HttpClient(base).post('/api/tickets/abcdefghijklmnopqrstuvwxyz012345/rating', { score: 4, comment });
    expect(anon.status).toBe(413);
    const officer = await signedInCounter(host, 1);
    const big = await officer.post('/api/counters/1/pause', { reason: 'break', note: 'y'.repeat(20_000) });
    expect(big.status).not.toBe(413);
  });
});

describe('cross-site and DNS rebinding', () => {
  it('refuses a state change with a foreign Origin or a foreign Host, and nothing is written', async () => {
    const before = (host.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
    // A paired kiosk: the refusals below are for the origin, not for a missing device.
    const c = deviceClient(host, 'kiosk');
    const foreign = await c.req('POST', '/api/tickets', { serviceId: 1 }, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const bodyless = await c.req('POST', '/api/auth/logout', undefined, { origin: 'http://evil.example' });
    expect(bodyless.status).toBe(403);
    const rebinding = await rawPost('/api/tickets', { host: 'evil.example:80', 'content-type': 'application/json', 'x-device-token': c.device as string }, Buffer.from('{"serviceId":1}'));
    expect(rebinding.status).toBe(403);
    expect((host.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n).toBe(before);
    const same = await c.req('POST', '/api/tickets', { serviceId: 1 }, { origin: base });
    expect(same.status).toBe(201);
  });

  it('refuses reads under a foreign Host too (a rebinding page would read the API); our names still read', async () => {
    const read = (p: string, headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        http.get(`${base}${p}`, { headers }, (res) => (res.resume(), resolve(res.statusCode ?? 0))).on('error', reject);
      });
    const display = enrollDevice(host, 'display');
    for (const p of ['/api/display', '/api/health', '/api/config']) {
      expect(await read(p, { host: `evil.example:${host.port}` }), p).toBe(403);
      expect(await read(p, { host: `evil.example:${host.port}`, 'x-device-token': display }), p).toBe(403);
      expect(await read(p, { host: `127.0.0.1:${host.port}` }), p).toBe(200);
      expect(await read(p, { host: `localhost:${host.port}`, origin: `http://localhost:${host.port}` }), p).toBe(200);
      expect(await read(p, { host: `127.0.0.1:${host.port}`, origin: 'app://motcua' }), p).toBe(200);
    }
    // A cross-site page's fetch carries its own Origin.
    expect(await read('/api/display', { host: `127.0.0.1:${host.port}`, origin: 'http://evil.example' })).toBe(403);
  });

  it('reads under the machine’s LAN name and under MOTCUA_ALLOWED_HOSTS still work', async () => {
    const before = process.env.MOTCUA_ALLOWED_HOSTS;
    process.env.MOTCUA_ALLOWED_HOSTS = 'motcua.phuong-hoabinh.local,10.9.8.7';
    const own = await tempHost();
    try {
      const read = (host: string) =>
        new Promise<number>((resolve, reject) => {
          http.get(`http://127.0.0.1:${own.port}/api/display`, { headers: { host } }, (res) => (res.resume(), resolve(res.statusCode ?? 0))).on('error', reject);
        });
      expect(await read(`motcua.phuong-hoabinh.local:${own.port}`)).toBe(200);
      expect(await read('10.9.8.7')).toBe(200);
      expect(await read(`${os.hostname()}:${own.port}`)).toBe(200);
      expect(await read(`not-${os.hostname()}:${own.port}`)).toBe(403);
    } finally {
      await own.close();
      if (before === undefined) delete process.env.MOTCUA_ALLOWED_HOSTS;
      else process.env.MOTCUA_ALLOWED_HOSTS = before;
    }
  });

  it('refuses a WebSocket upgrade from a foreign origin and accepts our own', async () => {
    const open = (origin: string) =>
      new Promise<boolean>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`, { origin });
        ws.on('open', () => (ws.close(), resolve(true)));
        ws.on('error', () => resolve(false));
      });
    expect(await open('http://evil.example')).toBe(false);
    expect(await open(base)).toBe(true);
  });
});

describe('sign-in that cannot be hammered', () => {
  it('slows a client guessing the admin password, even when it finally guesses right', async () => {
    const c = deviceClient(host, 'admin');
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) codes.push((await c.post('/api/auth/admin', { password: `wrong-${i}` })).body.error.code);
    expect(codes.slice(0, 3)).toEqual(['INVALID_PASSWORD', 'INVALID_PASSWORD', 'INVALID_PASSWORD']);
    expect(codes.slice(4)).toContain('RATE_LIMITED');
    expect((await c.post('/api/auth/admin', { password: TEST_ADMIN_PASSWORD })).body.error?.code).toBe('RATE_LIMITED');
  });
});

describe('sessions end with their reason', () => {
  it('a sign-in at a counter ends the previous officer there; their logout leaves the new officer alone', async () => {
    const first = await signedInCounter(host, 2, 2);
    // The next officer at the same PC (a cookie jar of their own, so the old session can still be tried).
    const second = new HttpClient(base, first.device);
    // Taking over a counter someone is signed in to is confirmed on screen (takeOver), as the counter page does.
    expect((await second.post('/api/auth/login', { counterId: 2, officerId: 3, pin: pinOf(3), takeOver: true })).status).toBe(200);
    expect((await first.post('/api/counters/2/next')).status).toBe(401);
    expect((await first.post('/api/auth/logout')).status).toBe(200);
    const counter = host.db.prepare('SELECT status, officer_id FROM counters WHERE id = 2').get();
    expect(counter).toEqual({ status: 'open', officer_id: 3 });
    expect((await second.get('/api/counters/2/state')).status).toBe(200);
  });

  it('a new PIN or a deactivation ends the officer session at once; a password change ends other admin sessions', async () => {
    // A fresh host: the throttle test above has slowed this client's admin sign-in.
    const h = await tempHost();
    try {
      const a1 = await signedInAdmin(h);
      const a2 = await signedInAdmin(h);
      const officer = await signedInCounter(h, 4);
      const saved = await a1.post('/api/admin/officers', { id: 4, name: 'Phạm Minh Tuấn', title: 'Công chức Văn phòng – Thống kê', pin: '482915' });
      expect(saved.status).toBe(200);
      expect((await officer.get('/api/counters/4/state')).status).toBe(401);
      expect((await a1.post('/api/admin/password', { password: 'một-mật-khẩu-mới-dài' })).status).toBe(200);
      expect((await a2.get('/api/admin/office')).status).toBe(401);
      expect((await a1.get('/api/admin/office')).status).toBe(200);
    } finally {
      await h.close();
    }
  });
});

describe('no 5xx from bad input, no huge log lines', () => {
  it('answers a malformed escape with 400', async () => {
    const r = await new HttpClient(base).get('/api/counters/%ZZ/state');
    expect(r.status).toBe(400);
  });

  it('caps every log line at 2 KB, Vietnamese included', () => {
    const line = logLine({ level: 'error', msg: 'request failed', path: '/api/' + 'ộ'.repeat(15_000), error: 'e'.repeat(9000) });
    expect(Buffer.byteLength(line)).toBeLessThanOrEqual(MAX_LINE);
    expect(JSON.parse(line).truncated).toBe(true);
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'ữ'.repeat(290)]));
    expect(Buffer.byteLength(logLine({ level: 'info', msg: 'x', ...many }))).toBeLessThanOrEqual(MAX_LINE);
  });
});

describe('settings that cannot break the office', () => {
  it('refuses an unknown time zone and the kiosk keeps working', async () => {
    const h = await tempHost();
    try {
      const admin = await signedInAdmin(h);
      const r = await admin.post('/api/admin/office', { timeZone: 'Not/AZone' });
      expect(r.status).toBe(400);
      expect((await admin.post('/api/admin/office', { timeZone: 'Asia/Ho_Chi_Minh' })).status).toBe(200);
      const kiosk = deviceClient(h, 'kiosk');
      expect((await kiosk.get('/api/services')).status).toBe(200);
      expect((await kiosk.post('/api/tickets', { serviceId: 1 })).status).toBe(201);
    } finally {
      await h.close();
    }
  });
});


describe('printer transports go only to printers', () => {
  it('refuses files outside the spool folder, non-device serial paths and the host own ports; accepts real ones', async () => {
    const h = await tempHost();
    try {
      const a = await signedInAdmin(h);
      const set = (transport: unknown) => a.post('/api/admin/printer', { transport });
      const refused = [
        { kind: 'file', path: '/root/.config/autostart/x.desktop' },
        { kind: 'file', path: 'C:\\\\Users\\\\All Users\\\\Start Menu\\\\Programs\\\\Startup\\\\x.bat' },
        { kind: 'file', path: '../restore-pending.sqlite' },
        { kind: 'file', path: `${h.dataDir}/motcua.sqlite` },
        { kind: 'serial', path: '/etc/passwd' },
        { kind: 'tcp', host: '127.0.0.1', port: h.port },
        { kind: 'tcp', host: 'localhost', port: 22 },
      ];
      for (const t of refused) {
        const r = await set(t);
        expect(r.status, JSON.stringify(t)).toBe(400);
        expect(r.body.error.message).toMatch(/^Máy in: /);
      }
      expect((await a.get('/api/admin/printer')).body.transport).toEqual({ kind: 'none' });
      for (const t of [
        { kind: 'file', path: 'tickets.prn' },
        { kind: 'file', path: 'COM3' },
        { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 },
        { kind: 'tcp', host: '192.168.1.50', port: 9100 },
        { kind: 'tcp', host: '127.0.0.1', port: 9100 },
      ]) {
        expect((await set(t)).status, JSON.stringify(t)).toBe(200);
      }
      await set({ kind: 'file', path: 'tickets.prn' });
      expect((await a.get('/api/admin/printer')).body.transport.path).toBe(`${h.dataDir}/spool/tickets.prn`);
    } finally {
      await h.close();
    }
  });
});

describe('officers act where they sit', () => {
  it('refuses another desk’s tickets with 403 and changes nothing; the own desk and an admin still can', async () => {
    const h = await tempHost();
    try {
      const kiosk = deviceClient(h, 'kiosk');
      const landTicket = (await kiosk.post('/api/tickets', { serviceId: 3 })).body; // Đất đai: counter 3 only
      const civil = (await kiosk.post('/api/tickets', { serviceId: 1 })).body; // Hộ tịch: counters 1 and 2
      const c1 = await signedInCounter(h, 1);
      const c3 = await signedInCounter(h, 3);
      const row = (id: string) => h.db.prepare('SELECT state, counter_id, target_counter_id, call_count FROM tickets WHERE id = ?').get(id);
      const before = row(civil.id);
      for (const [op, body] of [['cancel', undefined], ['call', { counterId: 3 }]] as const) {
        const r = await c3.post(`/api/tickets/${civil.id}/${op}`, body);
        expect(r.status, op).toBe(403);
      }
      expect(row(civil.id)).toEqual(before);
      // Counter 1 calls its own citizen; counter 3 may not finish, park or transfer them.
      expect((await c1.post(`/api/tickets/${civil.id}/call`, { counterId: 1 })).status).toBe(200);
      for (const op of ['finish', 'park', 'skip', 'recall']) expect((await c3.post(`/api/tickets/${civil.id}/${op}`, {})).status, op).toBe(403);
      expect((await c3.post(`/api/tickets/${landTicket.id}/cancel`)).status).toBe(200);
      const admin = await signedInAdmin(h);
      expect((await admin.post(`/api/tickets/${civil.id}/finish`, {})).status).toBe(200);
    } finally {
      await h.close();
    }
  });
});
