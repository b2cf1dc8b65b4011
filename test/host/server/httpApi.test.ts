import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Host } from '../../../electron/host/host';
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

function openSocket(): Promise<{ ws: WebSocket; messages: unknown[]; next: (type: string) => Promise<Record<string, unknown>> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`);
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
    const c = new HttpClient(base);
    expect((await c.get('/api/health')).body.ok).toBe(true);
    const services = await c.get('/api/services');
    expect(services.status).toBe(200);
    expect(services.body[0]).toMatchObject({ nameVi: 'Hộ tịch', prefix: 'A', waiting: 0, openNow: true });
    expect(typeof services.body[0].etaMinutes).toBe('number');
  });

  it('the whole lifecycle, with WebSocket events a screen can render from', async () => {
    const sock = await openSocket();
    const hello = await sock.next('hello');
    expect(typeof hello.lastEventSeq).toBe('number');

    const kiosk = new HttpClient(base);
    const issued = await kiosk.post('/api/tickets', { serviceId: 1, priority: 'elderly' });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ number: 'A001', state: 'waiting', ahead: 0, priority: 'elderly' });
    expect(issued.body.trackUrl).toMatch(/\/t\/[A-Za-z0-9]+$/);
    const ev = await sock.next('ticket.issued');
    expect(ev).toMatchObject({ ticket: { number: 'A001' }, waiting: 1 });

    const staff = new HttpClient(base);
    expect((await staff.post('/api/counters/1/next')).status).toBe(401);
    const login = await staff.post('/api/auth/login', { counterId: 1, officerId: 1, pin: '1111' });
    expect(login.status).toBe(200);
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    expect(login.body.officer.name).toBe('Nguyễn Thị Lan');

    const called = await staff.post('/api/counters/1/next');
    expect(called.status).toBe(200);
    expect(called.body).toMatchObject({ number: 'A001', state: 'called', counterId: 1 });
    const callEv = await sock.next('ticket.called');
    expect(callEv).toMatchObject({ ticket: { number: 'A001' }, counter: { number: 1 } });

    const status = await kiosk.get(`/api/tickets/${issued.body.id}`);
    expect(status.body).toMatchObject({ state: 'called', counter: { number: 1 } });

    expect((await staff.post(`/api/tickets/${issued.body.id}/recall`)).body.callCount).toBe(2);
    await sock.next('ticket.recalled');
    expect((await staff.post(`/api/tickets/${issued.body.id}/start`)).body.state).toBe('serving');
    const fin = await staff.post(`/api/tickets/${issued.body.id}/finish`, { dossierCode: 'H12.34-261124-0001' });
    expect(fin.body).toMatchObject({ state: 'done', dossierCode: 'H12.34-261124-0001' });
    await sock.next('ticket.finished');

    const display = await kiosk.get('/api/display');
    expect(display.body.recentCalls[0]).toMatchObject({ number: 'A001', counterNumber: 1 });

    const rate = await kiosk.post(`/api/tickets/${issued.body.id}/rating`, { score: 4, reasons: ['friendly'], comment: 'Rất tốt', source: 'phone' });
    expect(rate.status).toBe(201);
    await sock.next('ticket.rated');
    const again = await kiosk.post(`/api/tickets/${issued.body.id}/rating`, { score: 3 });
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
    const staff = new HttpClient(base);
    await staff.post('/api/auth/login', { counterId: 2, officerId: 2, pin: '2222' });
    const other = await staff.post('/api/counters/3/next');
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('FORBIDDEN');
  });

  it('locks an officer out after repeated wrong PINs', async () => {
    const c = new HttpClient(base);
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) codes.push((await c.post('/api/auth/login', { counterId: 4, officerId: 4, pin: '0000' })).body.error.code);
    expect(codes.slice(0, 4)).toEqual(['INVALID_PIN', 'INVALID_PIN', 'INVALID_PIN', 'INVALID_PIN']);
    expect(codes[4]).toBe('OFFICER_LOCKED');
    expect((await c.post('/api/auth/login', { counterId: 4, officerId: 4, pin: '4444' })).body.error.code).toBe('OFFICER_LOCKED');
  });

  it('answers bad input with a typed 4xx and writes nothing', async () => {
    const c = new HttpClient(base);
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
      const r = await c.req(method, path, body);
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
      const c = new HttpClient(`http://127.0.0.1:${limited.port}`);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await c.post('/api/tickets', { serviceId: 1 })).status);
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
      expect((limited.db.prepare('SELECT count(*) n FROM tickets').get() as { n: number }).n).toBe(3);
    } finally {
      await limited.close();
    }
  });
});
