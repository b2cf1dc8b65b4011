import type { PriorityStrategy } from './domain';

export interface CallCandidate {
  id: string;
  serviceId: number;
  /**
   * Position of the ticket's service in the counter's ordered list (lower is preferred); -1 for a
   * ticket transferred to this very counter, which the counter takes before its services.
   */
  serviceRank: number;
  isPriority: boolean;
  /** Original queue time (kept across transfers so a transferred citizen does not lose their place). */
  queuedAt: number;
  /** Tie-breaker for tickets queued in the same millisecond: issue order. */
  issueOrder: number;
  /**
   * An appointment (#30) is not called before this moment: its queue time (slot − callableBefore),
   * or its re-offer after a no-show. Its queue time then puts it ahead of walk-ins queued after
   * that moment. Null or absent: a walk-in, callable as soon as it is queued.
   */
  callableAt?: number | null;
  /**
   * An appointment not yet called, from its slot's start: it then heads its line, ahead of walk-ins
   * who came before its queue time too (the earliest slot first). Null or absent: a walk-in, or an
   * appointment re-offered after a no-show, which keeps only its queue time.
   */
  dueAt?: number | null;
}

/** Whether a candidate may be called at `now` (the merge rule's first half). */
export const callableNow = (c: Pick<CallCandidate, 'callableAt'>, now: number) => c.callableAt === undefined || c.callableAt === null || c.callableAt <= now;

export interface CallContext {
  strategy: PriorityStrategy;
  /** A later service's ticket waiting this long is called ahead of newer tickets of earlier services. */
  serviceAgingMinutes: number;
  now: number;
  /**
   * jumpLimit: how many priority tickets of the service queued after `normalQueuedAt` have already
   * been called while that normal ticket waited. Counted by the caller (the host from the
   * database, so the rule holds across counters and restarts; the forecast from its own play).
   */
  priorityCallsAhead: (serviceId: number, normalQueuedAt: number) => number;
  /** alternate: priority tickets of the service called in a row since its last normal call. */
  priorityRun: (serviceId: number) => number;
}

export const older = (a: CallCandidate, b: CallCandidate) => a.queuedAt - b.queuedAt || a.issueOrder - b.issueOrder;

/** Whether an appointment's slot has begun (it heads its line). */
export const dueNow = (c: Pick<CallCandidate, 'dueAt'>, now: number) => c.dueAt !== undefined && c.dueAt !== null && c.dueAt <= now;

/**
 * Order inside a line at `now`. The queue time alone (ZMS's merge rule) left an appointment behind
 * every walk-in who came before slot − callableBefore: on a two-desk ward at 70 % load a quarter
 * of them were called more than 5 minutes after their slot. So from its slot's start an
 * appointment goes first, and only then.
 */
export function lineOrder(now: number): (a: CallCandidate, b: CallCandidate) => number {
  return (a, b) => {
    const da = dueNow(a, now);
    const db = dueNow(b, now);
    if (da !== db) return da ? -1 : 1;
    return (da ? (a.dueAt as number) - (b.dueAt as number) : 0) || older(a, b);
  };
}

/** The office's priority strategy inside one group of tickets (one service, or those sent to the counter). */
export function pickWithin(pool: readonly CallCandidate[], ctx: CallContext): CallCandidate | undefined {
  const first = lineOrder(ctx.now);
  let oldestNormal: CallCandidate | undefined;
  let oldestPriority: CallCandidate | undefined;
  for (const c of pool) {
    if (c.isPriority) {
      if (!oldestPriority || first(c, oldestPriority) < 0) oldestPriority = c;
    } else if (!oldestNormal || first(c, oldestNormal) < 0) oldestNormal = c;
  }
  if (!oldestPriority) return oldestNormal;
  if (!oldestNormal) return oldestPriority;

  const s = ctx.strategy;
  switch (s.kind) {
    case 'alternate':
      return ctx.priorityRun(oldestNormal.serviceId) >= s.priorityRun ? oldestNormal : oldestPriority;
    case 'jumpLimit': {
      if (oldestPriority.queuedAt <= oldestNormal.queuedAt) return oldestPriority;
      const jumped = ctx.priorityCallsAhead(oldestNormal.serviceId, oldestNormal.queuedAt);
      return jumped >= s.maxJumps ? oldestNormal : oldestPriority;
    }
    case 'priorityFirst': {
      const starving = ctx.now - oldestNormal.queuedAt >= s.agingMinutes * 60_000;
      return starving && older(oldestNormal, oldestPriority) < 0 ? oldestNormal : oldestPriority;
    }
    case 'waitBonus': {
      const bonus = s.bonusMinutes * 60_000;
      const scoreN = ctx.now - oldestNormal.queuedAt;
      const scoreP = ctx.now - oldestPriority.queuedAt + bonus;
      if (scoreP === scoreN) return older(oldestNormal, oldestPriority) <= 0 ? oldestNormal : oldestPriority;
      return scoreP > scoreN ? oldestPriority : oldestNormal;
    }
  }
}

/**
 * Pick the ticket a counter should call next. Tickets sent to this counter come first, then its
 * services in its order — but that order is a preference, not a wall: the ticket a later service
 * would call next, once it has waited `serviceAgingMinutes`, goes ahead of a newer ticket of an
 * earlier service (the oldest such one first). Inside a service, the office's priority strategy.
 */
export function pickNext(candidates: readonly CallCandidate[], ctx: CallContext): CallCandidate | undefined {
  // Group by rank, ranks in ascending order (a counter has a handful of services: no Map, no sort).
  const ranks: number[] = [];
  const pools: CallCandidate[][] = [];
  for (const c of candidates) {
    if (!callableNow(c, ctx.now)) continue;
    let i = ranks.indexOf(c.serviceRank);
    if (i < 0) {
      i = 0;
      while (i < ranks.length && (ranks[i] as number) < c.serviceRank) i++;
      ranks.splice(i, 0, c.serviceRank);
      pools.splice(i, 0, []);
    }
    (pools[i] as CallCandidate[]).push(c);
  }
  let choice: CallCandidate | undefined;
  const limit = ctx.serviceAgingMinutes * 60_000;
  for (const pool of pools) {
    const x = pickWithin(pool, ctx);
    if (!x) continue;
    if (!choice) choice = x;
    else if (ctx.now - x.queuedAt >= limit && older(x, choice) < 0) choice = x;
  }
  return choice;
}
