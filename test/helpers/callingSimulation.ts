// Office days played through the pure calling rule (shared/callOrder.ts) alone: Poisson arrivals
// with a morning and an after-lunch peak, log-normal service times, 10 % priority tickets, the
// counters of the seeded ward each calling its services in its own order. No database, no clock:
// what it measures is the rule — how long the longest wait of each service and of normal tickets
// gets when a counter's first service keeps having people.
import { pickNext } from '../../shared/callOrder';
import type { CallCandidate, CallContext } from '../../shared/callOrder';
import type { PriorityStrategy } from '../../shared/domain';
import { prng } from './prng';

const MIN = 60_000;

export interface SimOffice {
  /** Counter → its services in calling order. */
  counters: number[][];
  /** Median service minutes per service. */
  medianMinutes: Record<number, number>;
  /** Share of arrivals per service (sums to 1). */
  share: Record<number, number>;
}

/**
 * The counters of the seeded ward (electron/host/db/seed.ts), A=1 … F=6: Tư pháp (4) and Trả kết
 * quả (6) are never a counter's first service. Times and shares keep every counter below capacity
 * over the day (peaks above it), so long waits come from the calling rule, not from a lack of staff.
 */
export const SEEDED_WARD: SimOffice = {
  counters: [
    [1, 2],
    [2, 1, 4],
    [3, 6],
    [5, 4, 6],
  ],
  medianMinutes: { 1: 10, 2: 5, 3: 12, 4: 12, 5: 10, 6: 3 },
  share: { 1: 0.25, 2: 0.3, 3: 0.1, 4: 0.1, 5: 0.1, 6: 0.15 },
};

/** A centre hall: three counters all calling a busy service first and a small one second. */
export const SECOND_EVERYWHERE: SimOffice = {
  counters: [
    [1, 2],
    [1, 2],
    [1, 2],
  ],
  medianMinutes: { 1: 10, 2: 8 },
  share: { 1: 0.9, 2: 0.1 },
};

export interface SimResult {
  tickets: number;
  /** Longest wait (issue → call) per service, minutes. */
  maxWaitByService: Map<number, number>;
  maxWaitNormal: number;
  maxWaitPriority: number;
}

interface SimTicket extends CallCandidate {
  calledAt: number | null;
}

export function simulateCalling(o: {
  office?: SimOffice;
  strategy: PriorityStrategy;
  serviceAgingMinutes: number;
  days: number;
  arrivalsPerHour: number;
  seed: number;
}): SimResult {
  const office = o.office ?? SEEDED_WARD;
  const rnd = prng(o.seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const services = Object.keys(office.share).map(Number);
  const pickService = () => {
    let r = rnd();
    for (const sid of services) if ((r -= office.share[sid] ?? 0) < 0) return sid;
    return services[0] as number;
  };
  const all: SimTicket[] = [];
  let order = 0;
  for (let day = 0; day < o.days; day++) {
    const open = day * 24 * 60 * MIN;
    // Arrivals 07:30–16:30 with lunch 11:30–13:30; peaks in the first 90 minutes and after lunch.
    for (let t = open; t < open + 9 * 60 * MIN; ) {
      const minute = (t - open) / MIN;
      const lunch = minute >= 240 && minute < 360;
      const peak = minute < 90 || (minute >= 360 && minute < 420);
      const perMin = lunch ? 0 : (o.arrivalsPerHour * (peak ? 1.6 : 0.8)) / 60;
      if (perMin === 0) {
        t = open + 360 * MIN;
        continue;
      }
      t += (-Math.log(1 - rnd()) / perMin) * MIN;
      const m = (t - open) / MIN;
      if (m >= 240 && m < 360) continue;
      const sid = pickService();
      all.push({ id: `t${++order}`, serviceId: sid, serviceRank: 0, isPriority: rnd() < 0.1, queuedAt: Math.round(t), issueOrder: order, calledAt: null });
    }
  }
  all.sort((a, b) => a.queuedAt - b.queuedAt);

  // Per service: waiting normal and priority tickets in queue order (heads are all the rule needs).
  const waitingN = new Map<number, SimTicket[]>(services.map((s) => [s, []]));
  const waitingP = new Map<number, SimTicket[]>(services.map((s) => [s, []]));
  const calls = new Map<number, SimTicket[]>(services.map((s) => [s, []]));
  const ctxAt = (now: number): CallContext => ({
    strategy: o.strategy,
    serviceAgingMinutes: o.serviceAgingMinutes,
    now,
    priorityRun: (sid) => {
      const list = calls.get(sid) ?? [];
      let n = 0;
      for (let i = list.length - 1; i >= 0 && (list[i] as SimTicket).isPriority; i--) n++;
      return n;
    },
    priorityCallsAhead: (sid, q) => {
      const list = calls.get(sid) ?? [];
      let n = 0;
      for (let i = list.length - 1; i >= 0 && ((list[i] as SimTicket).calledAt ?? 0) >= q; i--) if ((list[i] as SimTicket).isPriority && (list[i] as SimTicket).queuedAt > q) n++;
      return n;
    },
  });

  const free = office.counters.map(() => 0);
  let next = 0;
  let remaining = all.length;
  // Counters work until everyone who came is served (a wait cut short by closing would hide starvation).
  for (let guard = 0; remaining > 0 && guard < all.length * 20; guard++) {
    let c = 0;
    for (let i = 1; i < free.length; i++) if ((free[i] as number) < (free[c] as number)) c = i;
    const now = free[c] as number;
    for (; next < all.length && (all[next] as SimTicket).queuedAt <= now; next++) {
      const t = all[next] as SimTicket;
      (t.isPriority ? waitingP : waitingN).get(t.serviceId)?.push(t);
    }
    const mine = office.counters[c] as number[];
    const candidates: CallCandidate[] = [];
    mine.forEach((sid, rank) => {
      for (const q of [waitingN.get(sid), waitingP.get(sid)]) {
        const head = q?.[0];
        if (head) candidates.push({ ...head, serviceRank: rank });
      }
    });
    const choice = pickNext(candidates, ctxAt(now));
    if (!choice) {
      // Idle until the next arrival.
      free[c] = next < all.length ? Math.max(now + 1, (all[next] as SimTicket).queuedAt) : Infinity;
      continue;
    }
    const t = all.find((x) => x.id === choice.id) as SimTicket;
    const q = (t.isPriority ? waitingP : waitingN).get(t.serviceId) as SimTicket[];
    q.splice(q.indexOf(t), 1);
    t.calledAt = now;
    calls.get(t.serviceId)?.push(t);
    remaining--;
    free[c] = now + Math.exp(Math.log(office.medianMinutes[t.serviceId] ?? 10) + 0.4 * normal()) * MIN;
  }

  const maxWaitByService = new Map<number, number>();
  let maxWaitNormal = 0;
  let maxWaitPriority = 0;
  for (const t of all) {
    const w = ((t.calledAt ?? Infinity) - t.queuedAt) / MIN;
    maxWaitByService.set(t.serviceId, Math.max(maxWaitByService.get(t.serviceId) ?? 0, w));
    if (t.isPriority) maxWaitPriority = Math.max(maxWaitPriority, w);
    else maxWaitNormal = Math.max(maxWaitNormal, w);
  }
  return { tickets: all.length, maxWaitByService, maxWaitNormal, maxWaitPriority };
}
