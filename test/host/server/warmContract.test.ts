import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { eachSchema, warmContract } from '../../../electron/host/server/warmContract';
import { contract } from '../../../shared/api/contract';
import { IssuedTicket } from '../../../shared/api/schemas';

describe('the contract is warmed at start, before the first citizen waits for it', () => {
  it('reaches object schemas inside arrays, unions, optionals, defaults, pipes, records, lazies, tuples and intersections', () => {
    const inner = (k: string) => z.object({ [k]: z.string() });
    const s = z.object({
      a: z.array(inner('a')).optional(),
      b: z.union([inner('b'), z.null()]),
      c: z.record(z.string(), inner('c')),
      d: z.lazy(() => inner('d')),
      e: inner('e').default({ e: 'x' }),
      f: z.string().pipe(z.string()),
      g: z.tuple([inner('g')]),
      h: z.intersection(inner('h'), inner('i')),
      i: z.discriminatedUnion('t', [z.object({ t: z.literal('x') })]),
    });
    const keys: string[] = [];
    eachSchema(s, (x) => {
      if (x._zod.def.type === 'object') keys.push(Object.keys((x._zod.def as unknown as { shape: object }).shape).join(''));
    });
    expect(keys.sort()).toEqual(['a', 'abcdefghi', 'b', 'c', 'd', 'e', 'g', 'h', 'i', 't']);
  });

  it('parses every object schema of every route once, and leaves every schema working as before', async () => {
    const warmed = await warmContract();
    let objects = 0;
    const seen = new Set<unknown>();
    for (const def of Object.values(contract)) for (const s of [def.params, def.query, def.body, def.response]) eachSchema(s, (x) => void (x._zod.def.type === 'object' && objects++), seen);
    expect(warmed).toBe(objects);
    expect(warmed).toBeGreaterThan(50);
    // Warming with {} must not leave anything behind that changes later answers.
    const ticket = { id: 'a'.repeat(26), number: 'A001', serviceId: 1, serviceNameVi: 'Hộ tịch', serviceNameEn: 'Civil status', priority: null, state: 'waiting', issuedAt: 1, ahead: 0, etaMinutes: 3, trackUrl: 'http://x/t/1', checkCode: '1234', print: { jobId: 1, state: 'queued', printer: 'host' } };
    const before = IssuedTicket.safeParse(ticket);
    expect(before.success).toBe(true);
    expect(IssuedTicket.safeParse(ticket)).toEqual(before);
    expect(IssuedTicket.safeParse({ ...ticket, number: 7 }).success).toBe(false);
  });
});
