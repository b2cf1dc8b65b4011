import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../shared/rateLimiter';
import { loopback } from '../../helpers/addressClient';
import { signedInAdmin } from '../../helpers/devices';
import { hostPerTest } from '../../helpers/hostPerTest';
import { FakeClock } from '../../helpers/tempHost';

// Issue #27: the limiter forgot every bucket once it held 10,000 keys, so a flood of addresses gave
// everyone — the flooder first — a fresh budget; and phones' tickets were limited per address only.

describe('a rate limiter full of keys forgets nobody who still owes', () => {
  it('an exhausted bucket stays exhausted through a flood of 20,000 new keys; buckets that refilled make room', () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(2, 2, clock.now);
    expect(limiter.take('guesser')).toBe(true);
    expect(limiter.take('guesser')).toBe(true);
    expect(limiter.take('guesser')).toBe(false);
    let admitted = 0;
    for (let i = 0; i < 20_000; i++) if (limiter.take(`flood-${i}`)) admitted++;
    expect(limiter.take('guesser')).toBe(false);
    // The map stayed bounded; new keys past it were refused, not let in by forgetting others.
    expect(limiter.size).toBeLessThanOrEqual(10_000);
    expect(admitted).toBeLessThan(10_000);
    // A minute later every bucket has refilled: forgetting them changes nothing, so a newcomer gets in.
    clock.minutes(1);
    expect(limiter.take('newcomer')).toBe(true);
    expect(limiter.take('guesser')).toBe(true);
  });
});

describe('phones taking numbers', () => {
  const hosts = hostPerTest();

  it('60 addresses asking for 2 tickets each in the same second get at most 10 between them', async () => {
    const admin = await signedInAdmin(await hosts.start());
    expect((await admin.post('/api/admin/office', { phonesMayTakeNumber: true })).status).toBe(200);
    const phones = Array.from({ length: 60 }, (_, i) => hosts.client(loopback(i)));
    const answers = (await Promise.all(phones.map((p) => Promise.all([p.post('/api/tickets', { serviceId: 1 }), p.post('/api/tickets', { serviceId: 1 })])))).flat();
    const issued = answers.filter((a) => a.status === 201).length;
    console.log(`120 phone ticket requests from 60 addresses: ${issued} issued, ${answers.filter((a) => a.status === 429).length} refused`);
    expect(issued).toBeGreaterThanOrEqual(1);
    expect(issued).toBeLessThanOrEqual(10);
    expect(answers.filter((a) => a.status !== 201).every((a) => a.body.error.code === 'RATE_LIMITED')).toBe(true);
  });
});
