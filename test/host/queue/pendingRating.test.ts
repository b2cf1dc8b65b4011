// Issue #28 point 14: a rating tablet opened or reloaded after the finish asks the host whom to
// rate. The host answers from the tickets on its SQLite file, for that counter's tablet only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { RATING_PROMPT_MS } from '../../../electron/host/queue/ratings';
import { deviceClient, signedInAdmin } from '../../helpers/devices';
import { HttpClient } from '../../helpers/httpClient';
import { FakeClock, STAFF, tempHost, tempQueue } from '../../helpers/tempHost';

describe('the citizen a counter’s tablet asks', () => {
  it('is the counter’s last finished, unrated ticket, for three minutes after the finish', () => {
    const { queue, clock } = tempQueue();
    queue.counters.open(1, 1);
    queue.counters.open(2, 2);
    expect(queue.ratings.pendingAt(1)).toBeNull();

    const a = queue.issuer.issue({ serviceId: 1 });
    queue.calling.callNext(1, STAFF(1, 1));
    queue.lifecycle.start(a.id, STAFF(1, 1));
    // Being served is not finished: nothing to rate yet.
    expect(queue.ratings.pendingAt(1)).toBeNull();
    queue.lifecycle.finish(a.id, STAFF(1, 1));
    expect(queue.ratings.pendingAt(1)).toEqual({ ticketId: a.id, number: a.number, finishedAt: clock.t, expiresInSeconds: 180 });
    // Another counter's tablet has nobody to ask.
    expect(queue.ratings.pendingAt(2)).toBeNull();

    clock.advance(100_000);
    expect(queue.ratings.pendingAt(1)?.expiresInSeconds).toBe(80);
    clock.advance(80_000 - 1);
    expect(queue.ratings.pendingAt(1)?.ticketId).toBe(a.id);
    clock.advance(1);
    expect(queue.ratings.pendingAt(1)).toBeNull();
    expect(RATING_PROMPT_MS).toBe(180_000);
  });

  it('is only the last citizen: a newer finish replaces an unrated one, and a rating ends it', () => {
    const { queue, clock } = tempQueue();
    queue.counters.open(1, 1);
    const a = queue.issuer.issue({ serviceId: 1 });
    const b = queue.issuer.issue({ serviceId: 1 });
    queue.calling.callNext(1, STAFF(1, 1));
    clock.advance(30_000);
    queue.calling.callNext(1, STAFF(1, 1)); // finishes a, calls b
    expect(queue.ratings.pendingAt(1)?.ticketId).toBe(a.id);
    clock.advance(30_000);
    queue.lifecycle.finish(b.id, STAFF(1, 1));
    expect(queue.ratings.pendingAt(1)?.ticketId).toBe(b.id);
    queue.ratings.rate({ ticketId: b.id, score: 4 });
    // a was never rated, but whoever stands at the tablet now is b, who has rated.
    expect(queue.ratings.pendingAt(1)).toBeNull();
    expect(queue.ratings.isRated(a.id)).toBe(false);
  });

  it('a citizen sent on to another service is not asked at the counter that sent them', () => {
    const { queue } = tempQueue();
    queue.counters.open(1, 1);
    const a = queue.issuer.issue({ serviceId: 1 });
    queue.calling.callNext(1, STAFF(1, 1));
    queue.lifecycle.transfer(a.id, { serviceId: 2 }, STAFF(1, 1));
    expect(queue.ratings.pendingAt(1)).toBeNull();
  });
});

describe('GET /api/counters/:id/pending-rating', () => {
  let host: Host;
  let base: string;
  const clock = new FakeClock();
  beforeAll(async () => {
    host = await tempHost({ clock });
    base = `http://127.0.0.1:${host.port}`;
    host.queue.counters.open(1, 1);
    const t = host.queue.issuer.issue({ serviceId: 1 });
    host.queue.calling.callNext(1, STAFF(1, 1));
    host.queue.lifecycle.finish(t.id, STAFF(1, 1));
  });
  afterAll(async () => {
    await host.close();
  });

  it('answers the tablet paired for that counter and the signed-in admin', async () => {
    const tablet = deviceClient(host, 'rating', 1);
    const r = await tablet.get('/api/counters/1/pending-rating');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ number: 'A001', expiresInSeconds: 180 });
    expect(typeof r.body.ticketId).toBe('string');
    const admin = await signedInAdmin(host);
    expect((await admin.get('/api/counters/1/pending-rating')).body).toEqual(r.body);
    // Counter 2 has finished nobody.
    expect((await deviceClient(host, 'rating', 2).get('/api/counters/2/pending-rating')).body).toBeNull();
  });

  it('refuses another counter’s tablet, a counter PC, an admin PC nobody signed in on, and a phone', async () => {
    const other = await deviceClient(host, 'rating', 2).get('/api/counters/1/pending-rating');
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('FORBIDDEN');
    const counterPc = await deviceClient(host, 'counter', 1).get('/api/counters/1/pending-rating');
    expect(counterPc.status).toBe(403);
    expect(counterPc.body.error.code).toBe('DEVICE_ROLE');
    const adminPc = await deviceClient(host, 'admin').get('/api/counters/1/pending-rating');
    expect(adminPc.status).toBe(401);
    const phone = await new HttpClient(base).get('/api/counters/1/pending-rating');
    expect(phone.body.error.code).toBe('DEVICE_NOT_ENROLLED');
    for (const r of [other, counterPc, adminPc, phone]) expect(JSON.stringify(r.body)).not.toContain('A001');
  });

  it('a counter that does not exist is COUNTER_NOT_FOUND for the admin', async () => {
    const admin = await signedInAdmin(host);
    const r = await admin.get('/api/counters/99/pending-rating');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('COUNTER_NOT_FOUND');
  });
});
