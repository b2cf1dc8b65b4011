import { describe, expect, it } from 'vitest';
import type { PriorityStrategy } from '../../shared/domain';
import { SECOND_EVERYWHERE, SEEDED_WARD, simulateCalling } from '../helpers/callingSimulation';
import type { SimOffice } from '../helpers/callingSimulation';

const STRATEGIES: PriorityStrategy[] = [
  { kind: 'alternate', priorityRun: 3 },
  { kind: 'jumpLimit', maxJumps: 3 },
  { kind: 'priorityFirst', agingMinutes: 45 },
  { kind: 'waitBonus', bonusMinutes: 15 },
];
const SEEDS = [1, 2, 3, 4, 5];

/** Ten office days per seed; the worst of every figure over all of them. */
function worst(office: SimOffice, strategy: PriorityStrategy, serviceAgingMinutes: number, arrivalsPerHour: number) {
  const byService = new Map<number, number>();
  let normal = 0;
  for (const seed of SEEDS) {
    const r = simulateCalling({ office, strategy, serviceAgingMinutes, days: 10, arrivalsPerHour, seed });
    for (const [s, w] of r.maxWaitByService) byService.set(s, Math.max(byService.get(s) ?? 0, w));
    normal = Math.max(normal, r.maxWaitNormal);
  }
  const firsts = new Set(office.counters.map((c) => c[0] as number));
  const firstWorst = Math.max(...[...byService].filter(([s]) => firsts.has(s)).map(([, w]) => w));
  const laterWorst = Math.max(...[...byService].filter(([s]) => !firsts.has(s)).map(([, w]) => w));
  return { byService, normal, firstWorst, laterWorst, all: Math.max(...byService.values()) };
}

// Bounds: an absolute one for the office's day, and "no service listed later waits more than a
// service time or two beyond the worst wait of the services counters call first".
const CASES: [string, SimOffice, number, number][] = [
  ['the seeded ward at 16 arrivals/h', SEEDED_WARD, 16, 75],
  ['a centre whose second service is second at every counter, 12 arrivals/h', SECOND_EVERYWHERE, 12, 100],
];

describe('fair calling across services (50 simulated office days per case)', () => {
  for (const [name, office, rate, bound] of CASES) {
    it.each(STRATEGIES)(`${name}: every service and every normal ticket is called within the bound (%o)`, (strategy) => {
      const w = worst(office, strategy, 30, rate);
      for (const [service, wait] of w.byService) expect(wait, `longest wait of service ${service}`).toBeLessThanOrEqual(bound);
      expect(w.normal).toBeLessThanOrEqual(bound);
      expect(w.laterWorst).toBeLessThanOrEqual(w.firstWorst + 20);
    });
  }

  it("without the aging rule (a counter's order as a wall) the same days break both bounds", () => {
    for (const [, office, rate, bound] of CASES) {
      const w = worst(office, { kind: 'alternate', priorityRun: 3 }, 1e9, rate);
      expect(w.all).toBeGreaterThan(bound);
      expect(w.laterWorst).toBeGreaterThan(w.firstWorst + 20);
    }
  });
});
