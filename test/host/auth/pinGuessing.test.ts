import { describe, expect, it } from 'vitest';
import { AddressClient } from '../../helpers/addressClient';
import { enrollDevice, pinOf, signedInAdmin } from '../../helpers/devices';
import { hostPerTest } from '../../helpers/hostPerTest';
import { FakeClock } from '../../helpers/tempHost';

// Issue #27: the PIN slowdown read the count, awaited the hash, then wrote the failure, so 100
// parallel wrong PINs from one counter PC were all checked, and a right PIN in a burst erased the count.

const LOGIN = '/api/auth/login';
const hosts = hostPerTest();

/** A paired counter PC (keep-alive connections, so a burst really is parallel). */
function counterPc(counterId: number): AddressClient {
  return hosts.client('127.0.0.1', { 'x-device-token': enrollDevice(hosts.host(), 'counter', counterId) });
}

const wrongPins = (n: number, right: string) => Array.from({ length: n }, (_, i) => String(700000 + i)).filter((p) => p !== right);

describe('PIN guessing from a counter PC', () => {
  it('100 parallel wrong PINs: at most 10 are checked, the rest refused before hashing; the officer signs in at another counter meanwhile and after', async () => {
    await hosts.start();
    const pc = counterPc(2);
    const burst = Promise.all(wrongPins(100, pinOf(2)).map((pin) => pc.post(LOGIN, { counterId: 2, officerId: 2, pin })));
    // The officer at their own desk during the burst: their check waits its turn, it is not refused.
    const during = counterPc(3).post(LOGIN, { counterId: 3, officerId: 2, pin: pinOf(2) });
    const answers = await burst;
    expect((await during).status).toBe(200);
    const codes: Record<string, number> = {};
    for (const a of answers) codes[a.body.error.code] = (codes[a.body.error.code] ?? 0) + 1;
    console.log(`100 parallel wrong PINs from one counter PC: ${codes.INVALID_PIN ?? 0} checked, ${codes.PIN_CHECK_BUSY ?? 0} busy, ${codes.RATE_LIMITED ?? 0} slowed down`);
    expect(codes.INVALID_PIN ?? 0).toBeGreaterThanOrEqual(1);
    expect(codes.INVALID_PIN ?? 0).toBeLessThanOrEqual(10);
    expect((codes.PIN_CHECK_BUSY ?? 0) + (codes.RATE_LIMITED ?? 0)).toBe(100 - (codes.INVALID_PIN ?? 0));
    expect(answers.every((a) => a.status === 401 || a.status === 429)).toBe(true);
    // After the burst, at a third counter.
    expect((await counterPc(4).post(LOGIN, { counterId: 4, officerId: 2, pin: pinOf(2) })).status).toBe(200);
  });

  it('a right PIN in a burst of wrong ones signs in, and the wrong ones before it stay on the admin’s device list', async () => {
    const clock = new FakeClock();
    const logged: Record<string, unknown>[] = [];
    const host = await hosts.start({ clock, log: (e) => logged.push(e) });
    const pc = counterPc(1);
    const right = pinOf(1);
    let wrong = 0;
    const count = (answers: { body: { error?: { code: string } } }[]) => (wrong += answers.filter((a) => a.body.error?.code === 'INVALID_PIN').length);
    // Three typed one by one, then a burst with the right PIN among wrong ones.
    for (const pin of wrongPins(3, right)) count([await pc.post(LOGIN, { counterId: 1, officerId: 1, pin })]);
    expect(wrong).toBe(3);
    const burst = [...wrongPins(12, right).slice(3, 8), right, ...wrongPins(12, right).slice(8)];
    count(await Promise.all(burst.map((pin) => pc.post(LOGIN, { counterId: 1, officerId: 1, pin }))));
    // Until the right one gets through (a slowed-down PC waits: here the clock moves instead).
    let signedIn = false;
    for (let i = 0; i < 50 && !signedIn; i++) {
      const r = await pc.post(LOGIN, { counterId: 1, officerId: 1, pin: right });
      if (r.status === 200) signedIn = true;
      else if (r.body.error.code === 'RATE_LIMITED') clock.minutes(16);
      else await new Promise((res) => setTimeout(res, 20));
    }
    expect(signedIn).toBe(true);
    expect(wrong).toBeGreaterThanOrEqual(1);

    const admin = await signedInAdmin(host);
    const listed = (await admin.get('/api/admin/devices')).body as { id: number; role: string; counterId: number | null; pinFailures: number; pinRightAfterFailures: number; pinRightAt: number | null }[];
    const row = listed.find((d) => d.role === 'counter' && d.counterId === 1);
    expect(row).toMatchObject({ pinFailures: 0, pinRightAfterFailures: wrong, pinRightAt: clock.now() });
    expect(logged).toContainEqual({ level: 'warn', msg: 'right PIN after wrong ones', device: `device:${row?.id}`, failures: wrong });
    // A later right PIN with no wrong ones before it does not wipe the record.
    await pc.post('/api/auth/logout');
    expect((await pc.post(LOGIN, { counterId: 1, officerId: 1, pin: right })).status).toBe(200);
    const again = ((await admin.get('/api/admin/devices')).body as typeof listed).find((d) => d.role === 'counter' && d.counterId === 1);
    expect(again?.pinRightAfterFailures).toBe(wrong);
  });
});
