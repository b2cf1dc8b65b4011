import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { tempQueue } from '../../helpers/tempHost';
import { FakeClock, tempHost } from '../../helpers/tempHost';
import { deviceClient, signedInCounter } from '../../helpers/devices';
import type { HttpClient } from '../../helpers/httpClient';

// The issuer's random draws, scripted for the clash test; every other draw is the real one.
const scripted: string[] = [];
vi.mock('../../../electron/host/queue/ticketId', async (real) => {
  const mod = await real<typeof import('../../../electron/host/queue/ticketId')>();
  return { ...mod, newCheckCode: () => scripted.shift() ?? mod.newCheckCode() };
});

describe('walk-up rating by the check code alone (#28 point 9)', () => {
  const clock = new FakeClock();
  let host: Host;
  let kiosk: HttpClient;
  let staff: HttpClient;
  beforeAll(async () => {
    host = await tempHost({ clock });
    kiosk = deviceClient(host, 'kiosk');
    staff = await signedInCounter(host, 1);
  });
  afterAll(async () => {
    await host.close();
  });

  async function served() {
    const issued = await kiosk.post('/api/tickets', { serviceId: 1 });
    expect(issued.status).toBe(201);
    expect((await staff.post(`/api/tickets/${issued.body.id}/call`, { counterId: 1 })).status).toBe(200);
    expect((await staff.post(`/api/tickets/${issued.body.id}/finish`, {})).status).toBe(200);
    return issued.body as { id: string; number: string; checkCode: string };
  }

  it('a code already held today is drawn again: no two of the day’s tickets share one', async () => {
    scripted.push('AAAAA', 'AAAAA', 'AAAAA', 'CCCCC');
    const first = await kiosk.post('/api/tickets', { serviceId: 1 });
    const second = await kiosk.post('/api/tickets', { serviceId: 1 });
    expect(first.body.checkCode).toBe('AAAAA');
    expect(second.body.checkCode).toBe('CCCCC');
    const dupes = host.db.prepare('SELECT check_code, count(DISTINCT number) AS n FROM tickets GROUP BY business_day, check_code HAVING n > 1').all();
    expect(dupes).toEqual([]);
  });

  it('the code alone (as typed: lower case, a space) opens today’s ticket for one rating; the answer is the same as with its number', async () => {
    const t = await served();
    const typed = `${t.checkCode.slice(0, 2).toLowerCase()} ${t.checkCode.slice(2)}`;
    const alone = await kiosk.post('/api/tickets/verify', { code: typed });
    expect(alone.status).toBe(200);
    expect(alone.body).toMatchObject({ id: t.id, number: t.number, canRate: true, rated: false });
    const withNumber = await kiosk.post('/api/tickets/verify', { number: t.number, code: t.checkCode });
    expect(withNumber.body).toEqual(alone.body);
    expect((await kiosk.post(`/api/tickets/${t.id}/rating`, { score: 4, source: 'kiosk' })).status).toBe(201);
    expect((await kiosk.post('/api/tickets/verify', { code: t.checkCode })).body).toMatchObject({ rated: true, canRate: false });
  });

  it('a code nobody holds today is a wrong code, charged to the guesser, never a hint that a number exists', async () => {
    const t = await served();
    const guesser = deviceClient(host, 'kiosk');
    const held = new Set((host.db.prepare('SELECT check_code AS c FROM tickets').all() as { c: string }[]).map((r) => r.c));
    const free = ['KKKKK', 'MMMMM', 'NNNNN', 'PPPPP', 'RRRRR', 'TTTTT', 'UUUUU', 'VVVVV', 'XXXXX', 'YYYYY', '33333'].filter((c) => !held.has(c));
    const answers: string[] = [];
    for (const code of free.slice(0, 10)) answers.push((await guesser.post('/api/tickets/verify', { code })).body.error.code);
    expect(answers).toEqual(Array(10).fill('WRONG_CHECK_CODE'));
    // Out of guesses: even the right code is refused to this guesser, before it is compared…
    expect((await guesser.post('/api/tickets/verify', { code: t.checkCode })).body.error.code).toBe('CHECK_CODE_LOCKED');
    // …while the citizen at another kiosk still gets in.
    expect((await kiosk.post('/api/tickets/verify', { code: t.checkCode })).status).toBe(200);
  });

  it('yesterday’s code opens nothing the next morning', async () => {
    const t = await served();
    clock.advance(24 * 3600_000);
    const next = await kiosk.post('/api/tickets/verify', { code: t.checkCode });
    expect(next.status).toBe(403);
    expect(next.body.error.code).toBe('WRONG_CHECK_CODE');
  });
});

describe('the check-code index', () => {
  it('finding a ticket by its code is one index step, not a scan of the year', () => {
    const { db } = tempQueue();
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM tickets WHERE check_code = 'AAAAA' AND business_day = '2026-11-23' ORDER BY issue_order DESC LIMIT 1").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' | ')).toContain('USING INDEX tickets_day_check_code');
    db.close();
  });
});
