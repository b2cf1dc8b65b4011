import { describe, expect, it } from 'vitest';
import { simulateEta } from '../../bench/etaSimulation';

describe('ETA accuracy on simulated office days', () => {
  it('errs at least 30 % less than "people ahead × mean service time"', () => {
    const r = simulateEta({ days: 4, seed: 11, arrivalsPerHour: 14 });
    expect(r.tickets).toBeGreaterThan(300);
    expect(r.improvement).toBeGreaterThanOrEqual(0.3);
  }, 60_000);
});
