// The merge rule (#30), pure: an appointment is not callable before its queue time (slot −
// callableBefore) and then goes ahead of walk-ins queued after that moment, by the host's rule
// (shared/callOrder.ts) and in the forecast that replays it (shared/etaForecast.ts).
import { describe, expect, it } from 'vitest';
import { pickNext } from '../../shared/callOrder';
import type { CallCandidate, CallContext } from '../../shared/callOrder';
import { forecastQueue } from '../../shared/etaForecast';
import type { ForecastTicket } from '../../shared/etaForecast';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 23, 1, 0);
const ctx = (now: number): CallContext => ({
  strategy: { kind: 'alternate', priorityRun: 3 },
  serviceAgingMinutes: 30,
  now,
  priorityCallsAhead: () => 0,
  priorityRun: () => 0,
});
const walkIn = (id: string, at: number, order: number): CallCandidate => ({ id, serviceId: 1, serviceRank: 0, isPriority: false, queuedAt: at, issueOrder: order });
const appointment = (id: string, slot: number, order: number): CallCandidate => ({ ...walkIn(id, slot - 2 * MIN, order), callableAt: slot - 2 * MIN });

describe('pickNext with appointments', () => {
  it('passes over an appointment before its moment, takes it at its moment ahead of a walk-in queued later', () => {
    const appt = appointment('A', T0 + 30 * MIN, 1);
    const later = walkIn('W', T0 + 27 * MIN + 30_000, 2);
    expect(pickNext([appt], ctx(T0 + 27 * MIN))).toBeUndefined();
    // 27:59: the walk-in is there and the appointment is not callable yet.
    expect(pickNext([appt, later], ctx(T0 + 28 * MIN - 1000))?.id).toBe('W');
    const afterMoment = walkIn('W2', T0 + 28 * MIN + 1000, 3);
    expect(pickNext([appt, afterMoment], ctx(T0 + 29 * MIN))?.id).toBe('A');
    expect(pickNext([afterMoment, appt], ctx(T0 + 40 * MIN))?.id).toBe('A');
  });

  it('a walk-in queued before the appointment’s moment keeps its turn', () => {
    const earlier = walkIn('W', T0 + 27 * MIN, 2);
    const appt = appointment('A', T0 + 30 * MIN, 1);
    expect(pickNext([appt, earlier], ctx(T0 + 31 * MIN))?.id).toBe('W');
  });

  it('a re-offered appointment keeps its place but waits for the re-offer moment', () => {
    const reoffered: CallCandidate = { ...walkIn('A', T0, 1), callableAt: T0 + 10 * MIN };
    const w = walkIn('W', T0 + 5 * MIN, 2);
    expect(pickNext([reoffered, w], ctx(T0 + 9 * MIN))?.id).toBe('W');
    expect(pickNext([reoffered, w], ctx(T0 + 10 * MIN))?.id).toBe('A');
  });
});

describe('the forecast replays the rule', () => {
  const t = (id: string, queuedAt: number, order: number, callableAt: number | null = null): ForecastTicket => ({ id, serviceId: 1, priority: false, queuedAt, issueOrder: order, targetCounterId: null, callableAt });
  const play = (waiting: ForecastTicket[]) =>
    forecastQueue({ now: T0, counters: [{ id: 1, serviceIds: [1], freeInMinutes: 0 }], waiting, meanMinutes: () => 10, strategy: { kind: 'alternate', priorityRun: 3 }, serviceAgingMinutes: 30 });

  it('a counter idle until an appointment’s moment calls it then, not at once', () => {
    const f = play([t('A', T0 + 15 * MIN, 1, T0 + 15 * MIN)]);
    expect(f.tickets.get('A')?.minutes).toBe(15);
  });

  it('walk-ins are not held behind an early appointment; the appointment is called at its moment ahead of those queued after it', () => {
    const f = play([t('A', T0 + 15 * MIN, 1, T0 + 15 * MIN), t('W1', T0 - 5 * MIN, 2), t('W2', T0 - 4 * MIN, 3), t('W3', T0 + 16 * MIN, 4)]);
    expect(f.tickets.get('W1')?.minutes).toBe(0);
    expect(f.tickets.get('W2')?.minutes).toBe(10);
    // At 20 min the counter is free: A (queued 15) goes before W3 (queued 16).
    expect(f.tickets.get('A')?.minutes).toBe(20);
    expect(f.tickets.get('W3')?.minutes).toBe(30);
  });
});
