import { describe, expect, it } from 'vitest';
import { SWEEP_FAILURES } from '../../../electron/host/auth/pairingGuard';
import { PAIRING_CODE_ALPHABET, PAIRING_CODE_LENGTH } from '../../../shared/pairingCode';
import { AddressClient, loopback } from '../../helpers/addressClient';
import { signedInAdmin } from '../../helpers/devices';
import { prng } from '../../helpers/prng';
import { hostPerTest } from '../../helpers/hostPerTest';
import { FakeClock } from '../../helpers/tempHost';

// Issue #27: a phone on the Wi-Fi swept pairing codes (2,000 checked in 1.9 s) and hit a live one.

const PAIR = '/api/devices/pair';
const hosts = hostPerTest();

const client = (address: string): AddressClient => hosts.client(address);

/** Codes in the host's own format, none of them the real one. */
function wrongCodes(n: number, real: string, seed: number): { code: string }[] {
  const rnd = prng(seed);
  const out: { code: string }[] = [];
  while (out.length < n) {
    const code = Array.from({ length: PAIRING_CODE_LENGTH }, () => PAIRING_CODE_ALPHABET[Math.floor(rnd() * PAIRING_CODE_ALPHABET.length)]).join('');
    if (code !== real) out.push({ code });
  }
  return out;
}

const tally = (answers: { body: { error?: { code: string } } | null }[]) => {
  const t: Record<string, number> = {};
  for (const a of answers) {
    const code = a.body?.error?.code ?? 'OK';
    t[code] = (t[code] ?? 0) + 1;
  }
  return t;
};

describe('pairing codes cannot be swept', () => {
  it('3,000 wrong codes from one address: at most 100 are looked up, the rest refused before lookup; the admin’s code still pairs from another address', async () => {
    const host = await hosts.start();
    const admin = await signedInAdmin(host);
    const made = await admin.post('/api/admin/devices/pairing', { role: 'kiosk' });
    expect(made.status).toBe(200);
    const real = made.body.code as string;

    const phone = client('127.0.0.1');
    const t0 = performance.now();
    const answers = await phone.postMany(PAIR, wrongCodes(3000, real, 27), 100);
    const ms = performance.now() - t0;
    const t = tally(answers);
    const checked = t.PAIRING_CODE_INVALID ?? 0;
    console.log(`3,000 pairing guesses from one address: ${checked} checked, ${t.RATE_LIMITED ?? 0} refused (429) in ${(ms / 1000).toFixed(2)} s`);
    expect(checked).toBeLessThanOrEqual(100);
    expect(t.RATE_LIMITED).toBe(3000 - checked);
    expect(answers.find((a) => a.body?.error?.code === 'RATE_LIMITED')?.status).toBe(429);

    const kiosk = client('127.0.0.2');
    const paired = await kiosk.post(PAIR, { code: real, name: 'Kiosk sảnh' });
    expect(paired.status, JSON.stringify(paired.body)).toBe(200);
    expect(paired.body.device).toMatchObject({ role: 'kiosk', name: 'Kiosk sảnh' });
    expect((await admin.get('/api/admin/devices/alerts')).body).toEqual([]);
  });

  it('many addresses together trip the overall budget: every live code is voided, the admin is told, and a new code works', async () => {
    const clock = new FakeClock();
    const logged: Record<string, unknown>[] = [];
    const host = await hosts.start({ clock, log: (e) => logged.push(e) });
    const admin = await signedInAdmin(host);
    const real = (await admin.post('/api/admin/devices/pairing', { role: 'counter', counterId: 1 })).body.code as string;

    // 70 phones, 5 guesses each (what one address may spend at once): 350 guesses in all.
    const phones = Array.from({ length: 70 }, (_, i) => client(loopback(i)));
    const answers = (await Promise.all(phones.map((p, i) => p.postMany(PAIR, wrongCodes(5, real, 1000 + i), 5)))).flat();
    const t = tally(answers);
    console.log(`350 pairing guesses from 70 addresses: ${t.PAIRING_CODE_INVALID ?? 0} checked, ${t.RATE_LIMITED ?? 0} refused`);
    expect(t.PAIRING_CODE_INVALID ?? 0).toBeGreaterThanOrEqual(SWEEP_FAILURES);
    expect(t.PAIRING_CODE_INVALID ?? 0).toBeLessThanOrEqual(300);

    const alerts = (await admin.get('/api/admin/devices/alerts')).body as { kind: string; failures: number; voided: number }[];
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'pairing.swept', voided: 1 });
    expect(alerts[0]?.failures).toBeGreaterThanOrEqual(SWEEP_FAILURES);
    expect(logged.filter((e) => e.level === 'warn' && String(e.msg).startsWith('pairing codes swept'))).toEqual([
      { level: 'warn', msg: 'pairing codes swept: every live code voided', failures: SWEEP_FAILURES, voided: 1 },
    ]);

    // A minute later (the code has 9 left) the admin's code was voided, not just out of budget.
    clock.advance(60_000);
    const late = client(loopback(500));
    expect((await late.post(PAIR, { code: real })).body.error.code).toBe('PAIRING_CODE_INVALID');
    const fresh = (await admin.post('/api/admin/devices/pairing', { role: 'counter', counterId: 1 })).body.code as string;
    expect((await client(loopback(501)).post(PAIR, { code: fresh.toLowerCase().replace(/^(.{4})/, '$1-') })).status).toBe(200);
  });
});
