import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Host } from '../../../electron/host/host';
import { deviceClient, enrollDevice, pinOf, signedInCounter } from '../../helpers/devices';
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

const countRows = (table: string) => (host.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** A screen's event socket; `deviceToken` makes it an enrolled device's (full events, not the public view). */
function openSocket(deviceToken?: string): Promise<{ ws: WebSocket; messages: unknown[]; next: (type: string) => Promise<Record<string, unknown>> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`, deviceToken ? { headers: { 'x-device-token': deviceToken } } : {});
    const messages: Record<string, unknown>[] = [];
    const waiters: { type: string; resolve: (m: Record<string, unknown>) => void }[] = [];
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as Record<string, unknown>;
      messages.push(m);
      const i = waiters.findIndex((w) => w.type === m.type);
      if (i >= 0) waiters.splice(i, 1)[0]?.resolve(m);
    });
    const next = (type: string) =>
      new Promise<Record<string, unknown>>((res) => {
        const seen = messages.findIndex((m) => m.type === type);
        if (seen >= 0) res(messages.splice(seen, 1)[0] as Record<string, unknown>);
        else waiters.push({ type, resolve: res });
      });
    ws.on('open', () => resolve({ ws, messages, next }));
    ws.on('error', reject);
  });
}

describe('LAN API over a real socket', () => {
  it('health and services with waiting counts and ETA', async () => {
    const phone = new HttpClient(base);
    expect((await phone.get('/api/health')).body.ok).toBe(true);
    // The service list is for the office's devices (issue #13): a phone is refused, the kiosk is served.
    expect((await phone.get('/api/services')).body.error.code).toBe('DEVICE_NOT_ENROLLED');
    const c = deviceClient(host, 'kiosk');
    const services = await c.get('/api/services');
    expect(services.status).toBe(200);
    expect(services.body[0]).toMatchObject({ nameVi: 'Hộ tịch', prefix: 'A', waiting: 0, openNow: true });
    // No counter is open yet: no minutes are promised (issue #28).
    expect(services.body[0].etaMinutes).toBeNull();
  });

  it('the whole lifecycle, with WebSocket events a screen can render from', async () => {
    // A display on the office's list hears the full events (the pause reason is not public).
    const sock = await openSocket(enrollDevice(host, 'display'));
    const hello = await sock.next('hello');
    expect(typeof hello.lastEventSeq).toBe('number');

    const kiosk = deviceClient(host, 'kiosk');
    // The citizen's phone holds only the ticket id from the QR.
    const phone = new HttpClient(base);
    const issued = await kiosk.post('/api/tickets', { serviceId: 1, priority: 'elderly' });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ number: 'A001', state: 'waiting', ahead: 0, priority: 'elderly' });
    expect(issued.body.trackUrl).toMatch(/\/t\/[A-Za-z0-9]+$/);
    const ev = await sock.next('ticket.issued');
    // Waiting counts are not counted per event (issue #14): screens read them from their views.
    expect(ev).toMatchObject({ ticket: { number: 'A001', serviceId: 1 }, serviceId: 1, waiting: null });

    const staff = deviceClient(host, 'counter', 1);
    expect((await staff.post('/api/counters/1/next')).status).toBe(401);
    const login = await staff.post('/api/auth/login', { counterId: 1, officerId: 1, pin: pinOf(1) });
    expect(login.status).toBe(200);
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    expect(login.body.officer.name).toBe('Nguyễn Thị Lan');

    const called = await staff.post('/api/counters/1/next');
    expect(called.status).toBe(200);
    expect(called.body).toMatchObject({ number: 'A001', state: 'called', counterId: 1 });
    const callEv = await sock.next('ticket.called');
    expect(callEv).toMatchObject({ ticket: { number: 'A001' }, counter: { number: 1 } });

    const status = await phone.get(`/api/tickets/${issued.body.id}`);
    expect(status.body).toMatchObject({ state: 'called', counter: { number: 1 } });

    expect((await staff.post(`/api/tickets/${issued.body.id}/recall`)).body.callCount).toBe(2);
    await sock.next('ticket.recalled');
    expect((await staff.post(`/api/tickets/${issued.body.id}/start`)).body.state).toBe('serving');
    const fin = await staff.post(`/api/tickets/${issued.body.id}/finish`, { dossierCode: 'H12.34-261124-0001' });
    expect(fin.body).toMatchObject({ state: 'done', dossierCode: 'H12.34-261124-0001' });
    await sock.next('ticket.finished');

    const display = await phone.get('/api/display');
    expect(display.body.recentCalls[0]).toMatchObject({ number: 'A001', counterNumber: 1 });

    const rate = await phone.post(`/api/tickets/${issued.body.id}/rating`, { score: 4, reasons: ['friendly'], comment: 'Rất tốt', source: 'phone' });
    expect(rate.status).toBe(201);
    await sock.next('ticket.rated');
    const again = await phone.post(`/api/tickets/${issued.body.id}/rating`, { score: 3 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_RATED');

    const lookup = await kiosk.get('/api/tickets/lookup?number=a001');
    expect(lookup.body).toEqual({ number: 'A001', serviceNameVi: issued.body.serviceNameVi, serviceNameEn: issued.body.serviceNameEn, state: 'done', counter: { id: 1, number: 1, name: 'Quầy 1' } });
    const verified = await kiosk.post('/api/tickets/verify', { number: 'a001', code: issued.body.checkCode.toLowerCase() });
    expect(verified.body).toMatchObject({ id: issued.body.id, rated: true, canRate: false });

    const pause = await staff.post('/api/counters/1/pause', { reason: 'break' });
    expect(pause.body).toMatchObject({ status: 'paused', pauseReason: 'break' });
    expect((await sock.next('counter.paused')).reason).toBe('break');
    expect((await staff.post('/api/counters/1/resume')).body.status).toBe('open');
    sock.ws.close();
  });

  it('a staff session acts only for its own counter', async () => {
    const staff = await signedInCounter(host, 2);
    const other = await staff.post('/api/counters/3/next');
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('FORBIDDEN');
    // Nor can its PC sign anyone in at another counter (issue #13: a device serves its own counter).
    const elsewhere = await staff.post('/api/auth/login', { counterId: 3, officerId: 3, pin: pinOf(3) });
    expect(elsewhere.body.error.code).toBe('DEVICE_ROLE');
  });

  it('slows down the device that types wrong PINs, never the officer', async () => {
    // Was: OFFICER_LOCKED after 5 wrong PINs. Issue #13: that let one client lock every officer out,
    // so now the device that typed them waits (RATE_LIMITED backoff) and the officer is never locked.
    const c = deviceClient(host, 'counter', 4);
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) codes.push((await c.post('/api/auth/login', { counterId: 4, officerId: 4, pin: '000000' })).body.error.code);
    expect(codes).toEqual(['INVALID_PIN', 'INVALID_PIN', 'INVALID_PIN', 'INVALID_PIN', 'INVALID_PIN', 'RATE_LIMITED']);
    expect((await c.post('/api/auth/login', { counterId: 4, officerId: 4, pin: pinOf(4) })).body.error.code).toBe('RATE_LIMITED');
    const otherPc = deviceClient(host, 'counter', 4);
    expect((await otherPc.post('/api/auth/login', { counterId: 4, officerId: 4, pin: pinOf(4) })).status).toBe(200);
    expect(host.db.prepare('SELECT failed_pins, locked_until FROM officers WHERE id = 4').get()).toEqual({ failed_pins: 0, locked_until: null });
  });

  it('answers bad input with a typed 4xx and writes nothing', async () => {
    const c = deviceClient(host, 'kiosk');
    const counterPc = deviceClient(host, 'counter', 1);
    const tickets = countRows('tickets');
    const events = countRows('events');
    const cases: [string, string, unknown, number, string][] = [
      ['POST', '/api/tickets', '{not json', 400, 'BAD_REQUEST'],
      ['POST', '/api/tickets', { serviceId: '1' }, 400, 'BAD_REQUEST'],
      ['POST', '/api/tickets', { serviceId: 1, extra: true }, 400, 'BAD_REQUEST'],
      ['POST', '/api/tickets', { serviceId: 999 }, 404, 'SERVICE_NOT_FOUND'],
      ['POST', '/api/tickets', { serviceId: 1, priority: 'vip' }, 400, 'PRIORITY_UNKNOWN'],
      ['POST', '/api/tickets', 'x'.repeat(70_000), 413, 'PAYLOAD_TOO_LARGE'],
      ['GET', '/api/tickets/..%2F..%2Fetc', undefined, 400, 'BAD_REQUEST'],
      ['GET', '/api/tickets/AAAAAAAAAAAAAA', undefined, 404, 'TICKET_NOT_FOUND'],
      ['POST', '/api/tickets/AAAAAAAAAAAAAA/rating', { score: 9 }, 400, 'BAD_REQUEST'],
      ['GET', '/api/nope', undefined, 404, 'NOT_FOUND'],
      ['DELETE', '/api/tickets', undefined, 405, 'METHOD_NOT_ALLOWED'],
      ['POST', '/api/auth/login', { counterId: 1, officerId: 1, pin: '12ab' }, 400, 'BAD_REQUEST'],
    ];
    for (const [method, path, body, status, code] of cases) {
      const r = await (path === '/api/auth/login' ? counterPc : c).req(method, path, body);
      expect({ path, status: r.status, code: r.body?.error?.code }).toEqual({ path, status, code });
    }
    const text = await c.req('POST', '/api/tickets', 'serviceId=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(text.status).toBe(415);
    expect(countRows('tickets')).toBe(tickets);
    expect(countRows('events')).toBe(events);
  });

  it('serves no file outside the app folder', async () => {
    const r = await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd`);
    expect(r.status === 404 || (await r.text()).includes('motcua')).toBe(true);
  });
});

describe('ticket issuing rate limit', () => {
  it('refuses a client that takes tickets faster than a person could', async () => {
    const limited = await tempHost({ issueRatePerMinute: 6 });
    try {
      const c = deviceClient(limited, 'kiosk');
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await c.post('/api/tickets', { serviceId: 1 })).status);
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
      expect((limited.db.prepare('SELECT count(*) n FROM tickets').get() as { n: number }).n).toBe(3);
    } finally {
      await limited.close();
    }
  });
});
