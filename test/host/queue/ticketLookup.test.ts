import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { CHECK_CODE_ALPHABET, CHECK_CODE_LENGTH } from '../../../shared/checkCode';
import { deviceClient, signedInCounter } from '../../helpers/devices';
import { HttpClient } from '../../helpers/httpClient';
import { tempHost } from '../../helpers/tempHost';

let host: Host;
let kiosk: HttpClient;
let staff: HttpClient;
/** Someone who knows only a number (seen on the TV), typing it at another kiosk. */
let passerBy: HttpClient;
let phone: HttpClient;

beforeAll(async () => {
  host = await tempHost();
  kiosk = deviceClient(host, 'kiosk');
  staff = await signedInCounter(host, 1);
  passerBy = deviceClient(host, 'kiosk');
  phone = new HttpClient(`http://127.0.0.1:${host.port}`);
});
afterAll(async () => {
  await host.close();
});

/** Issue a ticket of `serviceId` and serve it at counter 1 (which serves services 1 and 2). */
async function servedTicket(serviceId = 1) {
  const issued = await kiosk.post('/api/tickets', { serviceId });
  expect(issued.status).toBe(201);
  const called = await staff.post(`/api/tickets/${issued.body.id}/call`, { counterId: 1 });
  expect(called.status).toBe(200);
  expect((await staff.post(`/api/tickets/${issued.body.id}/finish`, {})).status).toBe(200);
  return issued.body as { id: string; number: string; checkCode: string; serviceNameVi: string };
}

const rows = (sql: string) => host.db.prepare(sql).all() as Record<string, unknown>[];

describe('walk-up rating goes by the ticket, not by the number', () => {
  it('the number alone shows only what the hall sees: no id, no code, nothing to rate with', async () => {
    const t = await servedTicket();
    const res = await passerBy.get(`/api/tickets/lookup?number=${t.number}`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['counter', 'number', 'serviceNameEn', 'serviceNameVi', 'state']);
    expect(res.body).toMatchObject({ number: t.number, state: 'done' });
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(t.id);
    expect(text).not.toContain(t.checkCode);
    expect(rows('SELECT * FROM ratings')).toEqual([]);
  });

  it('number + the check code printed on the ticket open it for one rating; a wrong code opens nothing', async () => {
    const t = await servedTicket();
    expect(t.checkCode).toMatch(new RegExp(`^[${CHECK_CODE_ALPHABET}]{${CHECK_CODE_LENGTH}}$`));
    const other = CHECK_CODE_ALPHABET.split('').find((c) => c !== t.checkCode[0]) as string;
    const wrong = await passerBy.post('/api/tickets/verify', { number: t.number, code: other + t.checkCode.slice(1) });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('WRONG_CHECK_CODE');
    expect(JSON.stringify(wrong.body)).not.toContain(t.id);

    // Typed in lower case with a space, as people do: still the same code.
    const ok = await kiosk.post('/api/tickets/verify', { number: t.number.toLowerCase(), code: `${t.checkCode.slice(0, 2)} ${t.checkCode.slice(2).toLowerCase()}` });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: t.id, number: t.number, canRate: true, rated: false, checkCode: t.checkCode });
    expect((await kiosk.post(`/api/tickets/${ok.body.id}/rating`, { score: 3, source: 'kiosk' })).status).toBe(201);
    const again = await kiosk.post('/api/tickets/verify', { number: t.number, code: t.checkCode });
    expect(again.body).toMatchObject({ rated: true, canRate: false });
    const twice = await kiosk.post(`/api/tickets/${t.id}/rating`, { score: 4 });
    expect(twice.body.error.code).toBe('ALREADY_RATED');
    expect(rows(`SELECT score FROM ratings WHERE ticket_id = '${t.id}'`)).toEqual([{ score: 3 }]);
  });

  it('guessing is cut off for the guesser, not for the citizen: after 10 wrong codes that kiosk is refused before any check, the citizen’s own code still opens the ticket', async () => {
    const t = await servedTicket(2);
    const wrongCode = t.checkCode === 'AAAAA' ? 'CCCCC' : 'AAAAA';
    // A phone cannot try codes at all (issue #13): the verify route is for the office's devices.
    expect((await phone.post('/api/tickets/verify', { number: t.number, code: wrongCode })).body.error.code).toBe('DEVICE_NOT_ENROLLED');
    expect((await phone.get(`/api/tickets/lookup?number=${t.number}`)).body.error.code).toBe('DEVICE_NOT_ENROLLED');
    // Issue #27: ten wrong codes for a number read off the TV used to lock the citizen's own rating.
    const guesser = deviceClient(host, 'kiosk');
    for (let i = 0; i < 10; i++) expect((await guesser.post('/api/tickets/verify', { number: t.number, code: wrongCode })).body.error.code).toBe('WRONG_CHECK_CODE');
    const refused = await guesser.post('/api/tickets/verify', { number: t.number, code: t.checkCode });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('CHECK_CODE_LOCKED');
    // The citizen, at the rating tablet of their counter, with the code on their paper.
    const tablet = deviceClient(host, 'rating', 1);
    const own = await tablet.post('/api/tickets/verify', { number: t.number, code: t.checkCode });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body).toMatchObject({ id: t.id, canRate: true });
  });

  it('codes are random per ticket, stored with it, and survive a transfer (same paper ticket)', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 40; i++) codes.add((await kiosk.post('/api/tickets', { serviceId: 3 })).body.checkCode);
    expect(codes.size).toBeGreaterThanOrEqual(38);
    const t = (await kiosk.post('/api/tickets', { serviceId: 1 })).body;
    await staff.post(`/api/tickets/${t.id}/call`, { counterId: 1 });
    const moved = await staff.post(`/api/tickets/${t.id}/transfer`, { serviceId: 2 });
    expect(moved.status).toBe(200);
    expect(rows(`SELECT check_code FROM tickets WHERE number = '${t.number}' AND business_day = (SELECT business_day FROM tickets WHERE id = '${t.id}')`)).toEqual([
      { check_code: t.checkCode },
      { check_code: t.checkCode },
    ]);
    const status = await kiosk.get(`/api/tickets/${t.id}`);
    expect(status.body.checkCode).toBe(t.checkCode);
  });
});

describe('check-code guessing is bounded overall', () => {
  it('twelve kiosks guessing at twelve tickets: at most 100 wrong codes are checked in all, the rest refused before any check', async () => {
    const h = await tempHost();
    try {
      const k = deviceClient(h, 'kiosk');
      const tickets = [];
      for (let i = 0; i < 12; i++) tickets.push((await k.post('/api/tickets', { serviceId: 1 })).body as { id: string; number: string; checkCode: string });
      const guessers = Array.from({ length: 12 }, () => deviceClient(h, 'kiosk'));
      const codes: string[] = [];
      for (const [i, g] of guessers.entries()) {
        const t = tickets[i] as (typeof tickets)[number];
        const wrongCode = t.checkCode === 'AAAAA' ? 'CCCCC' : 'AAAAA';
        for (let n = 0; n < 10; n++) codes.push((await g.post('/api/tickets/verify', { number: t.number, code: wrongCode })).body.error.code);
      }
      expect(codes.filter((c) => c === 'WRONG_CHECK_CODE')).toHaveLength(100);
      expect(codes.filter((c) => c === 'CHECK_CODE_LOCKED')).toHaveLength(20);
      // A ticket's QR still opens it: the id printed on the paper is not a guess.
      const last = tickets[11] as (typeof tickets)[number];
      expect((await k.get(`/api/tickets/${last.id}`)).body).toMatchObject({ number: last.number, checkCode: last.checkCode });
    } finally {
      await h.close();
    }
  });
});
