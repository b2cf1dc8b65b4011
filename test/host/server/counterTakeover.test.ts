import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { deviceClient, enrollDevice, pinOf } from '../../helpers/devices';
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

const counterRow = (id: number) => host.db.prepare('SELECT status, officer_id FROM counters WHERE id = ?').get(id) as { status: string; officer_id: number | null };

describe('signing in at a counter another officer is signed in to', () => {
  it('is refused with COUNTER_TAKEN and changes nothing, unless the officer confirms the take-over', async () => {
    // Counter 1's PC (paired, issue #13): Lan signed in on it; Hùng sits down at the same PC later
    // (a cookie jar of his own, so Lan's old session can still be tried).
    const desk1 = enrollDevice(host, 'counter', 1);
    const lan = new HttpClient(base, desk1);
    const hung = new HttpClient(base, desk1);
    expect((await lan.post('/api/auth/login', { counterId: 1, officerId: 1, pin: pinOf(1) })).status).toBe(200);
    const ticket = (await deviceClient(host, 'kiosk').post('/api/tickets', { serviceId: 1 })).body as { id: string };
    expect((await lan.post('/api/counters/1/next')).body.id).toBe(ticket.id);
    const sessionsBefore = host.db.prepare('SELECT count(*) AS n FROM sessions').get();

    // A wrong PIN is still a wrong PIN: nobody learns who holds the counter without theirs.
    expect((await hung.post('/api/auth/login', { counterId: 1, officerId: 2, pin: '999999' })).body.error.code).toBe('INVALID_PIN');
    const refused = await hung.post('/api/auth/login', { counterId: 1, officerId: 2, pin: pinOf(2) });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'COUNTER_TAKEN', message: 'Nguyễn Thị Lan đang đăng nhập tại Quầy 1' });
    expect(hung.cookie).toBe('');
    expect(counterRow(1)).toEqual({ status: 'open', officer_id: 1 });
    expect(host.db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual(sessionsBefore);
    expect((await lan.get('/api/counters/1/state')).body.counter.current.id).toBe(ticket.id);

    // Confirmed: Hùng has the counter, Lan's session there is over (her screen cannot act for it).
    const taken = await hung.post('/api/auth/login', { counterId: 1, officerId: 2, pin: pinOf(2), takeOver: true });
    expect(taken.status).toBe(200);
    expect(counterRow(1)).toEqual({ status: 'open', officer_id: 2 });
    expect((await lan.post('/api/counters/1/next')).body.error.code).toBe('UNAUTHORIZED');
    expect((await lan.get('/api/auth/session')).body).toBeNull();
    expect((await hung.get('/api/auth/session')).body).toMatchObject({ kind: 'staff', counter: { id: 1 }, officer: { id: 2 } });
    // Other counters and sessions are untouched.
    expect(counterRow(2)).toEqual({ status: 'closed', officer_id: null });
  });

  it('the same officer signing in again, or at a closed counter, needs no confirmation', async () => {
    const desk3 = enrollDevice(host, 'counter', 3);
    const a = new HttpClient(base, desk3);
    expect((await a.post('/api/auth/login', { counterId: 3, officerId: 3, pin: pinOf(3) })).status).toBe(200);
    const again = new HttpClient(base, desk3);
    expect((await again.post('/api/auth/login', { counterId: 3, officerId: 3, pin: pinOf(3) })).status).toBe(200);
    // On this branch a sign-in ends every earlier session at the counter, the same officer's too, so
    // the counter is closed from the newer one (main keeps the same officer's earlier session).
    expect((await again.post('/api/auth/logout')).status).toBe(200);
    expect(counterRow(3)).toEqual({ status: 'closed', officer_id: null });
    expect((await new HttpClient(base, desk3).post('/api/auth/login', { counterId: 3, officerId: 4, pin: pinOf(4) })).status).toBe(200);
  });
});
