import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api/contract';
import type { RouteName } from '../../../shared/api/contract';
import { routeCallers } from '../../../shared/api/access';
import { startHost } from '../../../electron/host/host';
import type { Host } from '../../../electron/host/host';
import { HttpClient } from '../../helpers/httpClient';
import { enrollDevice, pinOf, signedInAdmin, signedInCounter } from '../../helpers/devices';
import { tempDir, tempHost } from '../../helpers/tempHost';

const fill = (p: string) => p.replace(':id', p.includes('/tickets/') ? 'AAAAAAAAAAAAAAAA' : '1');

describe('a phone on the Wi-Fi with no credential', () => {
  let host: Host;
  let base: string;
  beforeAll(async () => {
    host = await tempHost();
    base = `http://127.0.0.1:${host.port}`;
  });
  afterAll(async () => {
    await host.close();
  });

  it('reaches only the anonymous routes; everything else is refused for the device before any input is looked at', async () => {
    const phone = new HttpClient(base);
    const names = Object.keys(contract) as RouteName[];
    expect(names.length).toBeGreaterThan(40);
    for (const name of names) {
      const def = contract[name];
      const r = await phone.req(def.method, fill(def.path), def.method === 'POST' ? {} : undefined);
      if (routeCallers[name] === 'anyone') {
        expect(r.status, name).not.toBe(403);
      } else {
        expect(r.status, name).toBe(403);
        expect(r.body.error.code, name).toBe('DEVICE_NOT_ENROLLED');
      }
    }
  });

  it('cannot guess PINs or lock anyone out: 50 wrong PINs are refused before the PIN is checked', async () => {
    const phone = new HttpClient(base);
    for (let i = 0; i < 50; i++) {
      const r = await phone.post('/api/auth/login', { counterId: 1, officerId: 1, pin: String(100000 + i) });
      expect(r.body.error.code).toBe('DEVICE_NOT_ENROLLED');
    }
    const r = await phone.post('/api/auth/admin', { password: 'admin-test' });
    expect(r.body.error.code).toBe('DEVICE_NOT_ENROLLED');
    // The officer still signs in at their own counter at once.
    await signedInCounter(host, 1, 1);
  });

  it('an enrolled counter PC that types wrong PINs slows itself down, never the officer elsewhere', async () => {
    const pc = new HttpClient(base, enrollDevice(host, 'counter', 2));
    const codes: string[] = [];
    for (let i = 0; i < 7; i++) codes.push((await pc.post('/api/auth/login', { counterId: 2, officerId: 2, pin: String(900000 + i) })).body.error.code);
    expect(codes.slice(0, 5).every((c) => c === 'INVALID_PIN')).toBe(true);
    expect(codes.slice(6)).toEqual(['RATE_LIMITED']);
    expect((await pc.post('/api/auth/login', { counterId: 2, officerId: 2, pin: pinOf(2) })).body.error.code).toBe('RATE_LIMITED');
    const other = new HttpClient(base, enrollDevice(host, 'counter', 3));
    expect((await other.post('/api/auth/login', { counterId: 3, officerId: 2, pin: pinOf(2) })).status).toBe(200);
    const admin = await signedInAdmin(host);
    const listed = (await admin.get('/api/admin/devices')).body as { counterId: number | null; pinFailures: number }[];
    expect(listed.find((d) => d.counterId === 2 && d.pinFailures >= 5)).toBeTruthy();
  });

  it('a counter PC signs in only for its own counter, and a kiosk cannot sign in at all', async () => {
    const pc = new HttpClient(base, enrollDevice(host, 'counter', 4));
    expect((await pc.post('/api/auth/login', { counterId: 1, officerId: 1, pin: pinOf(1) })).body.error.code).toBe('DEVICE_ROLE');
    const kiosk = new HttpClient(base, enrollDevice(host, 'kiosk'));
    expect((await kiosk.post('/api/auth/login', { counterId: 1, officerId: 1, pin: pinOf(1) })).body.error.code).toBe('DEVICE_ROLE');
    expect((await kiosk.post('/api/tickets', { serviceId: 1 })).status).toBe(201);
  });

  it('a session cookie copied to another browser is worth nothing there', async () => {
    const c = await signedInCounter(host, 4, 4);
    const thief = new HttpClient(base, enrollDevice(host, 'counter', 4));
    thief.cookie = c.cookie;
    expect((await thief.get('/api/counters/4/state')).status).toBe(401);
    const anon = new HttpClient(base);
    anon.cookie = c.cookie;
    expect((await anon.get('/api/counters/4/state')).status).toBe(403);
    expect((await c.get('/api/counters/4/state')).status).toBe(200);
  });

  it('a revoked device is refused at once, its session ends and its open WebSocket closes', async () => {
    const token = enrollDevice(host, 'counter', 1);
    const pc = new HttpClient(base, token);
    expect((await pc.post('/api/auth/login', { counterId: 1, officerId: 1, pin: pinOf(1) })).status).toBe(200);
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`, { headers: { 'x-device-token': token } });
    await new Promise((r) => ws.on('open', r));
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
    const admin = await signedInAdmin(host);
    const id = ((await admin.get('/api/admin/devices')).body as { id: number; lastAddress: string | null; name: string }[]).find((d) => d.name === 'test counter' && host.devices.identify(token, null)?.id === d.id)?.id;
    expect(id).toBeTruthy();
    const t0 = Date.now();
    expect((await admin.post(`/api/admin/devices/${id}/revoke`)).status).toBe(200);
    expect(await closed).toBe(4403);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect((await pc.get('/api/counters/1/state')).body.error.code).toBe('DEVICE_NOT_ENROLLED');
  });

  it('anonymous event streams carry numbers and states, never ticket ids', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`);
    const got: Record<string, unknown>[] = [];
    ws.on('message', (d) => got.push(JSON.parse(String(d))));
    await new Promise((r) => ws.on('open', r));
    const kiosk = new HttpClient(base, enrollDevice(host, 'kiosk'));
    const t = (await kiosk.post('/api/tickets', { serviceId: 1 })).body as { id: string; number: string };
    const desk = await signedInCounter(host, 1, 1);
    await desk.post(`/api/tickets/${t.id}/call`, { counterId: 1 });
    await new Promise((r) => setTimeout(r, 300));
    ws.close();
    const text = JSON.stringify(got);
    expect(text).toContain(t.number);
    expect(text).not.toContain(t.id);
    expect(text).not.toMatch(/officerId|dossierCode/);
  });
});

describe('first start of a new office', () => {
  it('has no working default credentials; the printed setup link works once; staff routes wait for it', async () => {
    const dir = tempDir();
    const host = await startHost({ dataDir: dir, port: 0, host: '127.0.0.1', log: () => undefined, version: 't', staticDir: path.join(dir, 'none'), resourcesDir: path.resolve('resources'), seedAlwaysOpen: true, backups: false });
    try {
      const base = `http://127.0.0.1:${host.port}`;
      expect(host.setupUrl).toMatch(/\/setup\?token=[A-Za-z0-9_-]{20,}$/);
      const token = new URL(host.setupUrl as string).searchParams.get('token') as string;
      // Even an enrolled admin device or counter PC finds nothing to sign in with yet.
      const adminPc = new HttpClient(base, enrollDevice(host, 'admin'));
      const counterPc = new HttpClient(base, enrollDevice(host, 'counter', 1));
      for (const pw of ['motcua-admin', 'admin-test', '']) expect((await adminPc.post('/api/auth/admin', { password: pw || 'x' })).body.error.code).toBe('SETUP_REQUIRED');
      for (const pin of ['1111', '111111', '481516']) expect((await counterPc.post('/api/auth/login', { counterId: 1, officerId: 1, pin })).body.error.code).toBe('SETUP_REQUIRED');
      expect((await adminPc.get('/api/admin/office')).body.error.code).toBe('SETUP_REQUIRED');

      const browser = new HttpClient(base);
      const status = await browser.get(`/api/setup?token=${token}`);
      expect(status.body).toMatchObject({ required: true, tokenValid: true });
      expect(status.body.officers).toHaveLength(4);
      expect((await browser.get('/api/setup?token=wrong')).body).toMatchObject({ tokenValid: false, officers: [] });
      const pins = status.body.officers.map((o: { id: number }, i: number) => ({ officerId: o.id, pin: ['572946', '318274', '649135', '205817'][i] }));
      const printer = { kind: 'none' };
      const weak = await browser.post('/api/setup', { token, password: 'Hòa Bình 2026', pins, printer });
      expect(weak.body.error.code).toBe('SETUP_INVALID');
      expect(weak.body.error.details.fields).toEqual([{ field: 'password', fault: 'passwordGuessable', message: expect.any(String) }]);
      const shortPins = await browser.post('/api/setup', { token, password: 'cây-đa-giếng-nước-7', pins: pins.map((p: { officerId: number }) => ({ ...p, pin: '5829' })), printer });
      expect(shortPins.status).toBe(400);
      const ok = await browser.post('/api/setup', { token, password: 'cây-đa-giếng-nước-7', pins, printer });
      expect(ok.status).toBe(200);
      expect(browser.device).toBeTruthy();
      const again = await new HttpClient(base).post('/api/setup', { token, password: 'another-long-password-9', pins, printer });
      expect(again.body.error.code).toBe('SETUP_TOKEN_INVALID');
      // The browser that did the setup is now the first admin device.
      expect((await browser.post('/api/auth/admin', { password: 'cây-đa-giếng-nước-7' })).status).toBe(200);
      expect((await browser.get('/api/admin/office')).status).toBe(200);
      expect((await counterPc.post('/api/auth/login', { counterId: 1, officerId: 1, pin: '572946' })).status).toBe(200);
    } finally {
      await host.close();
    }
  });
});

describe('a copied database is not a key to the PINs', () => {
  it('PINs work on the host that holds the office key, not on a copy of the database elsewhere', async () => {
    const host = await tempHost();
    const file = path.join(host.dataDir, 'motcua.sqlite');
    const copyDir = tempDir();
    await host.db.backup(path.join(copyDir, 'motcua.sqlite'));
    const pinHash = (host.db.prepare('SELECT pin_hash FROM officers WHERE id = 1').get() as { pin_hash: string }).pin_hash;
    expect(pinHash.startsWith('p1$scrypt$')).toBe(true);
    await signedInCounter(host, 1, 1);
    await host.close();
    void file;
    const copy = await startHost({ dataDir: copyDir, port: 0, host: '127.0.0.1', log: () => undefined, version: 't', staticDir: path.join(copyDir, 'none'), resourcesDir: path.resolve('resources'), backups: false });
    try {
      const pc = new HttpClient(`http://127.0.0.1:${copy.port}`, enrollDevice(copy, 'counter', 1));
      expect((await pc.post('/api/auth/login', { counterId: 1, officerId: 1, pin: pinOf(1) })).body.error.code).toBe('INVALID_PIN');
    } finally {
      await copy.close();
    }
  });
});

describe('no ticket id reaches anyone but its holder', () => {
  it('every anonymous route and every event an anonymous socket hears, over a whole day of operations, holds no id but the caller’s own', async () => {
    const host = await tempHost();
    const base = `http://127.0.0.1:${host.port}`;
    try {
      const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`);
      const heard: Record<string, unknown>[] = [];
      ws.on('message', (d) => heard.push(JSON.parse(String(d))));
      await new Promise((r) => ws.on('open', r));

      const kiosk = new HttpClient(base, enrollDevice(host, 'kiosk'));
      const desk = await signedInCounter(host, 1, 1);
      const admin = await signedInAdmin(host);
      const issue = async (serviceId: number, priority?: string) => (await kiosk.post('/api/tickets', { serviceId, ...(priority ? { priority } : {}) })).body as { id: string; number: string };
      const t1 = await issue(1);
      const t2 = await issue(1, 'elderly');
      const t3 = await issue(2);
      const t4 = await issue(1);
      const op = async (t: { id: string }, name: string, body: unknown = {}) => {
        const r = await desk.post(`/api/tickets/${t.id}/${name}`, body);
        expect(r.status, `${name}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
      };
      await op(t1, 'call', { counterId: 1 });
      await op(t1, 'recall');
      await op(t1, 'start');
      await op(t1, 'finish', { dossierCode: 'HS-2026-000123' });
      await op(t2, 'call', { counterId: 1 });
      await op(t2, 'recall');
      await op(t2, 'skip');
      await op(t2, 'reactivate');
      await op(t3, 'call', { counterId: 1 });
      await op(t3, 'park');
      await op(t3, 'unpark', { counterId: 1 });
      await op(t3, 'transfer', { serviceId: 1 });
      await op(t4, 'cancel');
      await desk.post('/api/counters/1/pause', { reason: 'break' });
      await desk.post('/api/counters/1/resume');
      await admin.post('/api/admin/office', { marquee: 'Chào mừng công dân' });
      const rated = await new HttpClient(base).post(`/api/tickets/${t1.id}/rating`, { score: 4 });
      expect(rated.status).toBe(201);
      await desk.post('/api/auth/logout');
      await new Promise((r) => setTimeout(r, 400));
      ws.close();

      const allIds = (host.db.prepare('SELECT id FROM tickets').all() as { id: string }[]).map((r) => r.id);
      const officerIdField = /"officerId"|"dossierCode"|HS-2026-000123/;
      const types = new Set(heard.map((m) => String(m.type)));
      for (const type of ['ticket.issued', 'ticket.called', 'ticket.recalled', 'ticket.serving', 'ticket.finished', 'ticket.skipped', 'ticket.reactivated', 'ticket.parked', 'ticket.unparked', 'ticket.transferred', 'ticket.cancelled', 'ticket.rated', 'counter.paused', 'counter.resumed', 'counter.closed', 'config.changed']) {
        expect(types, type).toContain(type);
      }
      const heardText = JSON.stringify(heard);
      for (const id of allIds) expect(heardText, `event stream leaks ${id}`).not.toContain(id);
      expect(heardText).not.toMatch(officerIdField);

      // Every anonymous GET route, enumerated from the contract, with the caller's own ticket where it takes one.
      const phone = new HttpClient(base);
      for (const name of Object.keys(contract) as RouteName[]) {
        const def = contract[name];
        if (routeCallers[name] !== 'anyone' || def.method !== 'GET') continue;
        const own = def.path.includes(':id') ? t1.id : null;
        const r = await phone.get(def.path.replace(':id', own ?? '1'));
        const text = JSON.stringify(r.body);
        for (const id of allIds) if (id !== own) expect(text, `${name} leaks ${id}`).not.toContain(id);
        expect(text, name).not.toMatch(officerIdField);
      }
    } finally {
      await host.close();
    }
  });
});
