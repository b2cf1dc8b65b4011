// Forecast of when a waiting ticket will be called, by playing the counters forward from now:
// each open counter finishes its current citizen (its service's mean time, less what has passed),
// then calls the next ticket the way the host does — its services in order, priority tickets
// first, then oldest — taking that service's mean time, until the ticket of interest is reached.
// Pure; the host feeds it the queue as it is. Arrivals after now are not known, so a normal ticket
// would otherwise be missed: so the forecast adds the arrivals the recent rate of each service
// predicts, which matter where a counter calls another service before this one.

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
}

const HORIZON_MIN = 300;

/** Minutes until `targetId` is called, or null if no open counter will ever call it. */
export function forecastWait(
  counters: ForecastCounter[],
  waiting: ForecastTicket[],
  meanMinutes: (serviceId: number) => number,
  targetId: string,
  arrivalsPerMinute: ReadonlyMap<number, number> = new Map(),
): number | null {
  const free = counters.map((c) => ({ ...c, at: Math.max(0, c.freeInMinutes) }));
  type Item = ForecastTicket & { arrives: number };
  const pending: Item[] = [...waiting]
    .sort((a, b) => Number(b.priority) - Number(a.priority) || a.queuedAt - b.queuedAt || a.issueOrder - b.issueOrder)
    .map((t) => ({ ...t, arrives: 0 }));
  // Expected newcomers, evenly spaced at each service's recent arrival rate.
  for (const [sid, rate] of arrivalsPerMinute) {
    if (rate <= 0) continue;
    for (let k = 1, at = 1 / rate; at < HORIZON_MIN && k <= 300; k++, at = k / rate) {
      pending.push({ id: `~${sid}:${k}`, serviceId: sid, priority: false, queuedAt: Infinity, issueOrder: k, targetCounterId: null, arrives: at });
    }
  }
  const taken = new Set<string>();
  const eligible = (t: Item, counterId: number, sid: number, at: number) =>
    !taken.has(t.id) && t.arrives <= at && (sid === -1 ? t.targetCounterId === counterId : t.serviceId === sid && (t.targetCounterId === null || t.targetCounterId === counterId));
  for (let guard = 0; guard < pending.length * 2 + counters.length + 10; guard++) {
    let best: (typeof free)[number] | undefined;
    for (const c of free) if (Number.isFinite(c.at) && (!best || c.at < best.at)) best = c;
    if (!best || best.at > HORIZON_MIN * 2) return null;
    const b = best;
    let next: Item | undefined;
    for (const sid of [-1, ...b.serviceIds]) {
      next = pending.find((t) => eligible(t, b.id, sid, b.at));
      if (next) break;
    }
    if (!next) {
      // Idle until the next expected arrival for one of its services, if any.
      const upcoming = pending.filter((t) => !taken.has(t.id) && t.arrives > b.at && b.serviceIds.includes(t.serviceId)).map((t) => t.arrives);
      b.at = upcoming.length ? Math.min(...upcoming) : Infinity;
      continue;
    }
    if (next.id === targetId) return b.at;
    taken.add(next.id);
    b.at += meanMinutes(next.serviceId);
  }
  return null;
}
