/**
 * Estimated wait, in whole minutes, for a ticket with `ahead` people before it.
 *
 * Model (documented in docs/ETA.md): the service's recent mean service time, divided across the
 * counter capacity currently devoted to the service. `capacity` is the sum, over open counters
 * serving the service, of the share of that counter the service gets (1 / number of services with
 * people waiting that the counter serves). Counters busy with someone add on average half a
 * service time before the first of them frees up. With no open counter, the capacity of the
 * counters configured for the service is used, as if they were to open now.
 */
export interface EtaInput {
  ahead: number;
  meanServiceMinutes: number;
  capacity: number;
  /** Open counters for this service with nobody at them right now. */
  idleCounters: number;
  /** Tickets of this service called in the last `windowMinutes` (what the counters actually did). */
  recentCalls?: number;
  windowMinutes?: number;
}

export const MIN_RECENT_CALLS = 4;

export function estimateWaitMinutes(i: EtaInput): number {
  if (i.ahead < i.idleCounters) return 0;
  // Calls per minute the counters could make for this service…
  const capacityRate = Math.max(i.capacity, 0.25) / Math.max(i.meanServiceMinutes, 0.5);
  // …and what they really made lately: this already includes counters shared with busier
  // services, breaks and no-shows. It undercounts when few people came, hence the floor.
  const recent = i.recentCalls ?? 0;
  const rate = recent >= MIN_RECENT_CALLS && i.windowMinutes ? Math.max(recent / i.windowMinutes, capacityRate * 0.75) : capacityRate;
  return Math.round((i.ahead + 0.5) / rate);
}

/** Trimmed mean of recent service durations (ms) → minutes; falls back when too few samples. */
export function meanServiceMinutes(durationsMs: readonly number[], fallbackMinutes: number, minSamples = 5): number {
  const valid = durationsMs.filter((d) => d > 0 && d < 4 * 3600_000).sort((a, b) => a - b);
  if (valid.length < minSamples) {
    // Blend what we have with the default so a single odd ticket does not swing the estimate.
    const n = valid.length;
    const sum = valid.reduce((a, b) => a + b, 0) / 60_000;
    return (sum + fallbackMinutes * (minSamples - n)) / minSamples;
  }
  const cut = Math.floor(valid.length * 0.1);
  const kept = valid.slice(cut, valid.length - cut);
  return kept.reduce((a, b) => a + b, 0) / kept.length / 60_000;
}
