import type pg from 'pg';
import { AppError } from '../../shared/errors';
import type { ErrorCode } from '../../shared/errors';
import type { BudgetRate } from '../../shared/guessBudget';

export interface SharedGuessBudgetOptions {
  /** Which secret is guessed at ("join", "credential", "sign-in"): each has its own buckets. */
  name: string;
  perGuesser: BudgetRate;
  overall: BudgetRate;
  refusal: ErrorCode;
  now?: () => number;
}

/** Key of the bucket everyone shares; an address or user name never looks like it. */
const EVERYONE = '*';
const PRUNE_EVERY_MS = 60_000;

/**
 * The hub's budget of guesses at a secret, kept in PostgreSQL so that every hub process behind a
 * load balancer draws on the same buckets (a budget per process would give N processes N times the
 * guesses). Same rules as the office's GuessBudget: a guess is paid for by its guesser and then by
 * everyone, before the secret is looked at; a right answer (or any outcome that is not a wrong
 * guess) is refunded. Each charge is one row-locked upsert, so parallel guesses cannot all pass.
 */
export class SharedGuessBudget {
  private readonly now: () => number;
  private lastPrune = 0;

  constructor(
    private readonly db: pg.Pool,
    private readonly o: SharedGuessBudgetOptions,
  ) {
    this.now = o.now ?? Date.now;
  }

  async attemptAsync<T>(guesser: string, check: () => Promise<T>, wrong: (e: unknown) => boolean): Promise<T> {
    const key = guesser === EVERYONE ? `${EVERYONE}${EVERYONE}` : guesser;
    // Everyone's bucket is charged only when the guesser could pay: one flooding address must not
    // use up what every other office has.
    if (!(await this.take(key, this.o.perGuesser))) throw new AppError(this.o.refusal);
    if (!(await this.take(EVERYONE, this.o.overall))) throw new AppError(this.o.refusal);
    void this.pruneNowAndThen();
    try {
      const result = await check();
      await this.refund(key);
      return result;
    } catch (e) {
      if (!wrong(e)) await this.refund(key);
      throw e;
    }
  }

  /**
   * One use that is kept when it succeeds (a booking made counts against the day's), paid for by its
   * guesser and by everyone before anything is looked at; `giveBack` returns it when the use failed.
   */
  async spend(guesser: string): Promise<void> {
    const key = guesser === EVERYONE ? `${EVERYONE}${EVERYONE}` : guesser;
    if (!(await this.take(key, this.o.perGuesser))) throw new AppError(this.o.refusal);
    if (!(await this.take(EVERYONE, this.o.overall))) {
      await this.refund(key);
      throw new AppError(this.o.refusal);
    }
    void this.pruneNowAndThen();
  }

  async giveBack(guesser: string): Promise<void> {
    await this.refund(guesser === EVERYONE ? `${EVERYONE}${EVERYONE}` : guesser);
  }

  private async take(key: string, rate: BudgetRate): Promise<boolean> {
    const refilled = 'least(EXCLUDED.burst, b.tokens + greatest(0, EXCLUDED.at - b.at) * EXCLUDED.per_minute / 60000.0)';
    const r = await this.db.query<{ taken: boolean }>(
      `INSERT INTO guess_buckets AS b (budget, key, per_minute, burst, tokens, at, taken)
       VALUES ($1, $2, $3::float8, $4::float8, $4::float8 - 1, $5::bigint, $4::float8 >= 1)
       ON CONFLICT (budget, key) DO UPDATE SET
         tokens = CASE WHEN ${refilled} >= 1 THEN ${refilled} - 1 ELSE ${refilled} END,
         taken = ${refilled} >= 1,
         at = greatest(b.at, EXCLUDED.at), per_minute = EXCLUDED.per_minute, burst = EXCLUDED.burst
       RETURNING taken`,
      [this.o.name, key, rate.perMinute, rate.burst, this.now()],
    );
    return r.rows[0]?.taken === true;
  }

  private async refund(key: string): Promise<void> {
    await this.db.query('UPDATE guess_buckets SET tokens = least(burst, tokens + 1) WHERE budget = $1 AND key = ANY($2::text[])', [this.o.name, [key, EVERYONE]]);
  }

  /** A bucket that has refilled to full says nothing; dropping it keeps the table as small as the guessing now. */
  private async pruneNowAndThen(): Promise<void> {
    const t = this.now();
    if (t - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = t;
    await this.db
      .query('DELETE FROM guess_buckets WHERE budget = $1 AND key <> $2 AND tokens + greatest(0, $3 - at) * per_minute / 60000.0 >= burst', [this.o.name, EVERYONE, t])
      .catch(() => undefined);
  }
}
