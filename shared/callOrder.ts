import type { PriorityStrategy } from './domain';

export interface CallCandidate {
  id: string;
  /** Position of the ticket's service in the counter's ordered list (lower is served first). */
  serviceRank: number;
  isPriority: boolean;
  /** Original queue time (kept across transfers so a transferred citizen does not lose their place). */
  queuedAt: number;
  /** Tie-breaker for tickets queued in the same millisecond: issue order. */
  issueOrder: number;
}

export interface CallContext {
  strategy: PriorityStrategy;
  now: number;
  /**
   * For the interleaved strategy: how many priority tickets queued after `normalQueuedAt` have
   * already been called while that normal ticket waited. The host counts this from the database,
   * so the rule holds across counters and restarts.
   */
  priorityCallsAhead: (normalQueuedAt: number, serviceRank: number) => number;
}

const older = (a: CallCandidate, b: CallCandidate) => a.queuedAt - b.queuedAt || a.issueOrder - b.issueOrder;

/**
 * Pick the ticket a counter should call next: the first service in the counter's order that has
 * anyone waiting, then the office's priority strategy inside that service, then the oldest.
 */
export function pickNext(candidates: readonly CallCandidate[], ctx: CallContext): CallCandidate | undefined {
  if (candidates.length === 0) return undefined;
  const rank = Math.min(...candidates.map((c) => c.serviceRank));
  const pool = candidates.filter((c) => c.serviceRank === rank);
  const normals = pool.filter((c) => !c.isPriority).sort(older);
  const priorities = pool.filter((c) => c.isPriority).sort(older);
  const oldestNormal = normals[0];
  const oldestPriority = priorities[0];
  if (!oldestPriority) return oldestNormal;
  if (!oldestNormal) return oldestPriority;

  const s = ctx.strategy;
  switch (s.kind) {
    case 'strict': {
      // A normal ticket that has waited agingMinutes is promoted and competes on age.
      const starving = ctx.now - oldestNormal.queuedAt >= s.agingMinutes * 60_000;
      return starving && older(oldestNormal, oldestPriority) < 0 ? oldestNormal : oldestPriority;
    }
    case 'interleaved': {
      if (oldestPriority.queuedAt <= oldestNormal.queuedAt) return oldestPriority;
      const jumped = ctx.priorityCallsAhead(oldestNormal.queuedAt, rank);
      return jumped >= s.ratio ? oldestNormal : oldestPriority;
    }
    case 'elapsed': {
      const bonus = s.bonusMinutes * 60_000;
      const scoreN = ctx.now - oldestNormal.queuedAt;
      const scoreP = ctx.now - oldestPriority.queuedAt + bonus;
      if (scoreP === scoreN) return older(oldestNormal, oldestPriority) <= 0 ? oldestNormal : oldestPriority;
      return scoreP > scoreN ? oldestPriority : oldestNormal;
    }
  }
}
