import { AppError } from '../../../shared/errors';

export interface ThrottleOptions {
  /** Wrong answers a client may give before it has to wait. */
  freeFailures: number;
  /** Longest wait imposed on one client. */
  maxDelayMs: number;
  /** Wrong answers per minute from all clients together before everyone waits. */
  overallPerMinute: number;
  /** Hashes running at once; more attempts than this are refused, not queued. */
  maxInFlight: number;
}

const DEFAULTS: ThrottleOptions = { freeFailures: 3, maxDelayMs: 60_000, overallPerMinute: 30, maxInFlight: 4 };

/**
 * Guessing a password must be slow for one client and for a crowd of them: after a few wrong
 * answers a client waits 1 s, 2 s, 4 s … (capped), and past a global budget of wrong answers
 * every client waits. Refusals cost no hashing, so a flood cannot freeze the host.
 */
export class SignInThrottle {
  private readonly clients = new Map<string, { failures: number; until: number }>();
  private failuresAt: number[] = [];
  private inFlight = 0;
  private readonly o: ThrottleOptions;

  constructor(
    private readonly now: () => number = Date.now,
    opts: Partial<ThrottleOptions> = {},
  ) {
    this.o = { ...DEFAULTS, ...opts };
  }

  /** Runs one attempt if allowed; `attempt` resolves true on a right answer. */
  async run<T>(client: string, attempt: () => Promise<{ ok: boolean; value?: T }>): Promise<T | undefined> {
    const t = this.now();
    const c = this.clients.get(client);
    if (c && c.until > t) throw new AppError('RATE_LIMITED');
    this.failuresAt = this.failuresAt.filter((at) => at > t - 60_000);
    if (this.failuresAt.length >= this.o.overallPerMinute) throw new AppError('RATE_LIMITED');
    if (this.inFlight >= this.o.maxInFlight) throw new AppError('RATE_LIMITED');
    this.inFlight++;
    try {
      const r = await attempt();
      if (r.ok) {
        this.clients.delete(client);
        return r.value;
      }
      this.fail(client);
      return undefined;
    } finally {
      this.inFlight--;
    }
  }

  private fail(client: string): void {
    const t = this.now();
    this.failuresAt.push(t);
    const c = this.clients.get(client) ?? { failures: 0, until: 0 };
    c.failures++;
    const over = c.failures - this.o.freeFailures;
    c.until = over >= 0 ? t + Math.min(this.o.maxDelayMs, 1000 * 2 ** over) : 0;
    if (this.clients.size > 10_000) this.clients.clear();
    this.clients.set(client, c);
  }
}
