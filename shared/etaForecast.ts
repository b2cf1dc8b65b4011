// Forecast of when every waiting ticket will be called, by playing the counters forward from now:
// each open counter finishes its current citizen (its service's mean time, less what has passed),
// then calls the next ticket by the very rule the host uses (shared/callOrder.ts: tickets sent to
// it, its services in order with the aging limit, the office's priority strategy), taking that
// service's mean time, until every ticket is placed. Arrivals after now are not known, so a
// counter that calls another service first would otherwise look free too soon: the forecast adds
// the newcomers each service's recent arrival rate predicts, evenly spaced.
//
// One play places every ticket at once (the host caches it per queue change). The queues are kept
// per service (and per counter for transfers to a counter), sorted, and only their heads are looked
// at, so a simulated call costs O(services of the counter + log counters), not a search of the line.
import { callableNow, dueNow, pickNext } from './callOrder';
import type { CallCandidate, CallContext } from './callOrder';
import type { PriorityStrategy } from './domain';

const MIN = 60_000;

export interface ForecastCounter {
  id: number;
  serviceIds: number[];
  /** Minutes until the counter is free: remaining service time, or remaining pause. */
  freeInMinutes: number;
}

export interface ForecastTicket {
  id: string;
  serviceId: number;
  priority: boolean;
  queuedAt: number;
  issueOrder: number;
  targetCounterId: number | null;
  /** An appointment not callable before this moment (#30, the host's merge rule); null for a walk-in. */
  callableAt?: number | null;
  /** From this moment an appointment heads its line (#30, the host's merge rule); null otherwise. */
  dueAt?: number | null;
}

export interface ForecastInput {
  now: number;
  counters: readonly ForecastCounter[];
  waiting: readonly ForecastTicket[];
  meanMinutes: (serviceId: number) => number;
  /** Expected newcomers per minute, per service. */
  arrivalsPerMinute?: ReadonlyMap<number, number>;
  strategy: PriorityStrategy;
  serviceAgingMinutes: number;
  /** Priority calls in a row per service since its last normal call, as the host counts them now. */
  priorityRun?: ReadonlyMap<number, number>;
  /** jumpLimit: priority tickets already called ahead of each service's oldest normal ticket. */
  headJumps?: ReadonlyMap<number, number>;
  /**
   * Services for which to place a ticket taken right now, normal and priority (the kiosk's "if you
   * take a number now"). Such a ticket is placed but takes no counter time, so it changes nothing
   * for the real tickets.
   */
  newTicketServices?: readonly number[];
  horizonMinutes?: number;
}

export interface ForecastPlace {
  /** Minutes from `now` until the ticket is called. */
  minutes: number;
  /** Real tickets called before it by the counters that could call it. */
  ahead: number;
  counterId: number;
}

export interface Forecast {
  tickets: Map<string, ForecastPlace>;
  newTicket: Map<number, { normal: ForecastPlace | null; priority: ForecastPlace | null }>;
}

type Kind = 'real' | 'new' | 'expected';
interface Item extends CallCandidate {
  kind: Kind;
}

const byQueue = (a: ForecastTicket, b: ForecastTicket) => a.queuedAt - b.queuedAt || a.issueOrder - b.issueOrder;

/**
 * A queue read from its head; the sort happens once, pops are O(1). An appointment not yet callable
 * at the play's moment is stepped over, as the host's query does (there are a few of them at most).
 */
class Line {
  private head = 0;
  private seen = -1;
  private readonly taken = new Set<number>();
  /** Where the appointments that can head the line are: a few a day, looked at before the head. */
  private readonly dueable: number[];
  constructor(readonly items: Item[] = []) {
    this.dueable = items.flatMap((it, i) => (it.dueAt !== undefined && it.dueAt !== null ? [i] : []));
  }
  peek(t: number): Item | undefined {
    while (this.taken.has(this.head)) this.head++;
    let due = -1;
    for (const i of this.dueable) {
      const it = this.items[i] as Item;
      if (this.taken.has(i) || !dueNow(it, t)) continue;
      if (due < 0 || (it.dueAt as number) < ((this.items[due] as Item).dueAt as number)) due = i;
    }
    if (due >= 0) {
      this.seen = due;
      return this.items[due];
    }
    for (let i = this.head; i < this.items.length; i++) {
      const it = this.items[i] as Item;
      if (this.taken.has(i) || !callableNow(it, t)) continue;
      this.seen = i;
      return it;
    }
    return undefined;
  }
  pop(): void {
    this.taken.add(this.seen);
  }
  /** The next moment after `t` an appointment here becomes callable (Infinity: none waits for one). */
  nextCallable(t: number): number {
    let next = Infinity;
    for (let i = this.head; i < this.items.length; i++) {
      const at = (this.items[i] as Item).callableAt;
      if (!this.taken.has(i) && at !== undefined && at !== null && at > t && at < next) next = at;
    }
    return next;
  }
}

/** Min-heap of counters by the time they are free (ties: lower id first, for a stable play). */
class CounterHeap {
  private readonly a: { at: number; c: ForecastCounter }[] = [];
  private less(i: number, j: number): boolean {
    const x = this.a[i] as { at: number; c: ForecastCounter };
    const y = this.a[j] as { at: number; c: ForecastCounter };
    return x.at < y.at || (x.at === y.at && x.c.id < y.c.id);
  }
  private swap(i: number, j: number): void {
    const t = this.a[i] as { at: number; c: ForecastCounter };
    this.a[i] = this.a[j] as { at: number; c: ForecastCounter };
    this.a[j] = t;
  }
  get size(): number {
    return this.a.length;
  }
  push(at: number, c: ForecastCounter): void {
    this.a.push({ at, c });
    for (let i = this.a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }
  pop(): { at: number; c: ForecastCounter } | undefined {
    const top = this.a[0];
    const last = this.a.pop();
    if (this.a.length > 0 && last) {
      this.a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.a.length && this.less(l, m)) m = l;
        if (r < this.a.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}

/** Sorted insertion count: how many of `sorted` are greater than `x`. */
function countAbove(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}

export function forecastQueue(input: ForecastInput): Forecast {
  const now = input.now;
  const horizon = now + (input.horizonMinutes ?? 600) * MIN;
  const arrivals = input.arrivalsPerMinute ?? new Map<number, number>();
  const toItem = (t: ForecastTicket, kind: Kind): Item => ({
    id: t.id,
    serviceId: t.serviceId,
    serviceRank: 0,
    isPriority: t.priority,
    queuedAt: t.queuedAt,
    issueOrder: t.issueOrder,
    callableAt: t.callableAt ?? null,
    dueAt: t.dueAt ?? null,
    kind,
  });

  // Lines: per service (normal, priority) and per counter for tickets sent to it.
  const sorted = [...input.waiting].sort(byQueue);
  const normal = new Map<number, Item[]>();
  const priority = new Map<number, Item[]>();
  const toCounterN = new Map<number, Item[]>();
  const toCounterP = new Map<number, Item[]>();
  const push = (m: Map<number, Item[]>, k: number, it: Item) => {
    const l = m.get(k);
    if (l) l.push(it);
    else m.set(k, [it]);
  };
  for (const t of sorted) {
    const it = toItem(t, 'real');
    if (t.targetCounterId !== null) push(t.priority ? toCounterP : toCounterN, t.targetCounterId, it);
    else push(t.priority ? priority : normal, t.serviceId, it);
  }
  // Tickets taken now: last of their line (behind every real ticket, before anyone who comes
  // after now). They never take part in the real choice — each is placed at the first moment the
  // rule would call it if it were there — so they cannot change anyone else's turn.
  const pendingNew = new Map<number, { normal: Item | null; priority: Item | null }>();
  for (const sid of input.newTicketServices ?? []) {
    const make = (isPriority: boolean): Item => ({ id: `~new:${sid}:${isPriority ? 'p' : 'n'}`, serviceId: sid, serviceRank: 0, isPriority, queuedAt: now, issueOrder: Number.MAX_SAFE_INTEGER, kind: 'new' });
    pendingNew.set(sid, { normal: make(false), priority: make(true) });
  }
  const lines = {
    normal: new Map([...normal].map(([k, v]) => [k, new Line(v)])),
    priority: new Map([...priority].map(([k, v]) => [k, new Line(v)])),
    toCounterN: new Map([...toCounterN].map(([k, v]) => [k, new Line(v)])),
    toCounterP: new Map([...toCounterP].map(([k, v]) => [k, new Line(v)])),
  };
  // Expected newcomers, generated lazily per service: the k-th arrives k / rate minutes from now.
  const expectedK = new Map<number, number>();
  const expectedAt = (sid: number): number => {
    const rate = arrivals.get(sid) ?? 0;
    if (rate <= 0) return Infinity;
    return now + (((expectedK.get(sid) ?? 0) + 1) / rate) * MIN;
  };

  // What the strategies remember, played forward from what the host counted.
  const run = new Map(input.priorityRun ?? []);
  const calledPriorityQueuedAt = new Map<number, number[]>();
  // The host's count of jumps is for each service's oldest normal ticket as of now.
  const firstNormal = new Map<number, number>();
  for (const [sid, l] of lines.normal) {
    const head = l.peek(now);
    if (head?.kind === 'real') firstNormal.set(sid, head.queuedAt);
  }
  const rules: CallContext = {
    strategy: input.strategy,
    serviceAgingMinutes: input.serviceAgingMinutes,
    now,
    priorityRun: (sid) => run.get(sid) ?? 0,
    priorityCallsAhead: (sid, q) => countAbove(calledPriorityQueuedAt.get(sid) ?? [], q) + (firstNormal.get(sid) === q ? (input.headJumps?.get(sid) ?? 0) : 0),
  };

  const out: Forecast = { tickets: new Map(), newTicket: new Map() };
  for (const sid of input.newTicketServices ?? []) out.newTicket.set(sid, { normal: null, priority: null });
  // Only what some counter here could call; the rest is left to the caller's fallback.
  const served = new Set(input.counters.flatMap((c) => c.serviceIds));
  const counterIds = new Set(input.counters.map((c) => c.id));
  let toPlace =
    input.waiting.filter((t) => (t.targetCounterId === null ? served.has(t.serviceId) : counterIds.has(t.targetCounterId))).length +
    2 * (input.newTicketServices ?? []).filter((sid) => served.has(sid)).length;
  // Real tickets already called by each counter, and by the counters serving each service.
  const calledBy = new Map<number, number>();
  const calledFor = new Map<number, number>();

  const heap = new CounterHeap();
  for (const c of input.counters) heap.push(now + Math.max(0, c.freeInMinutes) * MIN, c);

  while (toPlace > 0 && heap.size > 0) {
    const { at: t, c } = heap.pop() as { at: number; c: ForecastCounter };
    if (t > horizon) break;
    const candidates: Item[] = [];
    const heads: { item: Item; line: Line | null }[] = [];
    // A taken-now ticket is a head of its line once the real tickets before it are gone.
    const newHeads: Item[] = [];
    const offer = (line: Line | undefined, rank: number) => {
      const h = line?.peek(t);
      if (h) {
        candidates.push({ ...h, serviceRank: rank });
        heads.push({ item: h, line: line ?? null });
      }
      return !!h;
    };
    offer(lines.toCounterN.get(c.id), -1);
    offer(lines.toCounterP.get(c.id), -1);
    c.serviceIds.forEach((sid, rank) => {
      const pn = pendingNew.get(sid);
      if (!offer(lines.normal.get(sid), rank)) {
        if (pn?.normal) newHeads.push({ ...pn.normal, serviceRank: rank });
        if (expectedAt(sid) <= t) {
          const k = (expectedK.get(sid) ?? 0) + 1;
          const e: Item = { id: `~exp:${sid}:${k}`, serviceId: sid, serviceRank: rank, isPriority: false, queuedAt: expectedAt(sid), issueOrder: Number.MAX_SAFE_INTEGER, kind: 'expected' };
          candidates.push(e);
          heads.push({ item: e, line: null });
        }
      }
      if (!offer(lines.priority.get(sid), rank) && pn?.priority) newHeads.push({ ...pn.priority, serviceRank: rank });
    });
    rules.now = t;
    let placedNew = false;
    for (const n of newHeads) {
      // The expected newcomer behind it is not there yet for it: drop it from its own trial.
      const others = n.isPriority ? candidates : candidates.filter((x) => !(x.kind === 'expected' && x.serviceId === n.serviceId));
      if (pickNext([...others, n], rules)?.id !== n.id) continue;
      const slot = out.newTicket.get(n.serviceId);
      if (slot) slot[n.isPriority ? 'priority' : 'normal'] = { minutes: (t - now) / MIN, ahead: calledFor.get(n.serviceId) ?? 0, counterId: c.id };
      const pn = pendingNew.get(n.serviceId);
      if (pn) pn[n.isPriority ? 'priority' : 'normal'] = null;
      toPlace--;
      placedNew = true;
    }
    const choice = pickNext(candidates, rules);
    if (!choice) {
      // Idle until the next expected arrival for one of its services, if any (or at once, when a
      // taken-now ticket was just placed and another may be its turn too).
      // An appointment becoming callable wakes it as well.
      const lined = (m: Map<number, Line>, k: number) => m.get(k)?.nextCallable(t) ?? Infinity;
      const appointments = Math.min(lined(lines.toCounterN, c.id), lined(lines.toCounterP, c.id), ...c.serviceIds.flatMap((sid) => [lined(lines.normal, sid), lined(lines.priority, sid)]));
      const next = placedNew ? t : Math.min(...c.serviceIds.map(expectedAt), appointments);
      if (Number.isFinite(next)) heap.push(Math.max(next, t), c);
      continue;
    }
    const picked = heads.find((h) => h.item.id === choice.id) as { item: Item; line: Line | null };
    const item = picked.item;
    if (picked.line) picked.line.pop();
    else expectedK.set(item.serviceId, (expectedK.get(item.serviceId) ?? 0) + 1);
    if (item.kind === 'real') {
      const targeted = choice.serviceRank === -1;
      out.tickets.set(item.id, { minutes: (t - now) / MIN, ahead: targeted ? (calledBy.get(c.id) ?? 0) : (calledFor.get(item.serviceId) ?? 0), counterId: c.id });
      toPlace--;
      calledBy.set(c.id, (calledBy.get(c.id) ?? 0) + 1);
      for (const sid of c.serviceIds) calledFor.set(sid, (calledFor.get(sid) ?? 0) + 1);
    }
    // The strategies' memory: what the host's counters will have done by then.
    if (item.isPriority) {
      run.set(item.serviceId, (run.get(item.serviceId) ?? 0) + 1);
      if (choice.serviceRank !== -1) {
        const l = calledPriorityQueuedAt.get(item.serviceId);
        if (l) l.push(item.queuedAt);
        else calledPriorityQueuedAt.set(item.serviceId, [item.queuedAt]);
      }
    } else run.set(item.serviceId, 0);
    heap.push(t + input.meanMinutes(item.serviceId) * MIN, c);
  }
  return out;
}
