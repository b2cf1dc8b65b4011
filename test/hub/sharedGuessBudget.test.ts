// Several hub processes serve one province behind a load balancer: a stranger spreading guesses
// over them gets one budget, not one per process (issue #29: no state lives only in a hub process).
import { afterEach, describe, expect, it } from 'vitest';
import { startHub } from '../../hub/hub';
import type { Hub } from '../../hub/hub';
import { hubPostgresPerFile } from '../helpers/hubPostgres';

const pg = hubPostgresPerFile();
const open: Hub[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

async function hubs(n: number): Promise<Hub[]> {
  const url = await pg.database();
  for (let i = 0; i < n; i++) open.push(await startHub({ port: 0, databaseUrl: url, log: () => undefined }));
  return open;
}

const guess = (h: Hub, code: string) =>
  fetch(`http://127.0.0.1:${h.port}/hub/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) }).then(async (r) => ((await r.json()) as { error?: { code: string } }).error?.code ?? 'JOINED');

describe('guess budgets shared by hub processes', () => {
  it('60 wrong join codes in parallel, spread over three hub processes: one address’s 10, not 30, are checked', async () => {
    const [a, b, c] = await hubs(3);
    const spread = [a, b, c] as Hub[];
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => guess(spread[i % 3] as Hub, `WRONG-GUESS-${String(i).padStart(3, '0')}`)));
    expect(answers.filter((x) => x === 'JOIN_CODE_INVALID').length).toBe(10);
    expect(answers.filter((x) => x === 'JOIN_CODE_LOCKED').length).toBe(50);
  }, 60_000);

  it('a right code is refunded, and the office that joins is not charged for it; wrong credentials share one budget too', async () => {
    const [a, b] = await hubs(2);
    const hubA = a as Hub;
    const hubB = b as Hub;
    for (let i = 0; i < 9; i++) expect(await guess(i % 2 ? hubA : hubB, `WRONG-GUESS-${i}`)).toBe('JOIN_CODE_INVALID');
    // Nine wrong: one guess left for this address. Right codes cost nothing, however many.
    for (let i = 0; i < 3; i++) {
      const { code } = await hubA.offices.add(`UBND xã ${i}`);
      expect(await guess(hubB, code)).toBe('JOINED');
    }
    expect(await guess(hubA, 'WRONG-GUESS-LAST')).toBe('JOIN_CODE_INVALID');
    expect(await guess(hubB, 'WRONG-GUESS-OVER')).toBe('JOIN_CODE_LOCKED');

    const push = (h: Hub) => fetch(`http://127.0.0.1:${h.port}/hub/api/push`, { method: 'POST', headers: { authorization: `Bearer ${'x'.repeat(43)}` }, body: '{}' }).then(async (r) => ((await r.json()) as { error: { code: string } }).error.code);
    const pushes = await Promise.all(Array.from({ length: 50 }, (_, i) => push(i % 2 ? hubA : hubB)));
    expect(pushes.filter((x) => x === 'HUB_CREDENTIAL_INVALID').length).toBe(30);
    expect(pushes.filter((x) => x === 'RATE_LIMITED').length).toBe(20);
  }, 60_000);
});
