/**
 * Token bucket per client key. Guards ticket issuing (a stuck touchscreen or a script looping on
 * "lấy số" must not drain the printer's paper or flood the queue with numbers) and every budget of
 * guesses (pairing codes, check codes).
 *
 * The map is bounded, and bounded without forgetting anyone still owing: only a bucket that has
 * refilled to full is dropped (forgetting it changes nothing), oldest touched first; when none has,
 * a new key is refused until one does. Clearing everything when full would hand a fresh budget to
 * the very client that filled the map with addresses.
 */
export class RateLimiter {
  // Insertion order is recency order: a touched bucket is moved to the end.
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 10_000,
  ) {}

  private refilled(b: { tokens: number; at: number }, t: number): number {
    return Math.min(this.burst, b.tokens + ((t - b.at) * this.perMinute) / 60_000);
  }

  /** True when the request may proceed (one token is spent). A limit of 0 disables limiting. */
  take(key: string): boolean {
    if (this.perMinute <= 0) return true;
    const t = this.now();
    let b = this.buckets.get(key);
    if (b) this.buckets.delete(key);
    else if (!this.makeRoom(t)) return false;
    b ??= { tokens: this.burst, at: t };
    b.tokens = this.refilled(b, t);
    b.at = t;
    const ok = b.tokens >= 1;
    if (ok) b.tokens -= 1;
    this.buckets.set(key, b);
    return ok;
  }

  /** Give back the token of an attempt that turned out right: only wrong guesses use up a budget. */
  refund(key: string): void {
    const b = this.buckets.get(key);
    if (b) b.tokens = Math.min(this.burst, b.tokens + 1);
  }

  /** Tokens `key` has now (a full bucket for a key never seen). */
  left(key: string): number {
    const b = this.buckets.get(key);
    return b ? this.refilled(b, this.now()) : this.burst;
  }

  get size(): number {
    return this.buckets.size;
  }

  private makeRoom(t: number): boolean {
    for (const [key, b] of this.buckets) {
      if (this.buckets.size < this.maxKeys) break;
      // The least recently touched bucket has had the longest to refill; if it is not full yet,
      // refusing the newcomer is the safe answer (nothing owed is forgotten).
      if (this.refilled(b, t) < this.burst) break;
      this.buckets.delete(key);
    }
    return this.buckets.size < this.maxKeys;
  }
}
