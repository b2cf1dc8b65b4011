import { AppError } from './errors';
import type { ErrorCode } from './errors';
import { RateLimiter } from './rateLimiter';

export interface BudgetRate {
  /** Guesses refilled per minute. */
  perMinute: number;
  /** Guesses that may be spent at once. */
  burst: number;
}

export interface GuessBudgetOptions {
  /** One guesser: an address, or an enrolled device. */
  perGuesser: BudgetRate;
  /** Everyone together, so that many guessers are bounded too. */
  overall: BudgetRate;
  /** The answer to a guess over budget. */
  refusal: ErrorCode;
  now: () => number;
}

/**
 * A budget of guesses at a secret (a pairing code, a ticket's check code). Every guess is paid
 * for, by its guesser and from the overall budget, before the secret is looked at, in the same
 * synchronous step as the check: parallel requests cannot all pass the count and then be checked.
 * A right answer is refunded, so only wrong guesses use a budget up.
 */
export class GuessBudget {
  private readonly guessers: RateLimiter;
  private readonly overall: RateLimiter;

  constructor(private readonly o: GuessBudgetOptions) {
    this.guessers = new RateLimiter(o.perGuesser.perMinute, o.perGuesser.burst, o.now);
    this.overall = new RateLimiter(o.overall.perMinute, o.overall.burst, o.now);
  }

  /**
   * Charge one guess to `guesser` and to everyone, then run `check` (synchronous, on purpose).
   * `wrong` tells a wrong guess from any other outcome; everything else is refunded.
   */
  attempt<T>(guesser: string, check: () => T, wrong: (e: unknown) => boolean): T {
    if (!this.guessers.take(guesser)) throw new AppError(this.o.refusal);
    if (!this.overall.take('')) throw new AppError(this.o.refusal);
    try {
      const result = check();
      this.refund(guesser);
      return result;
    } catch (e) {
      if (!wrong(e)) this.refund(guesser);
      throw e;
    }
  }

  /** `attempt` for a check that must wait (a database): the guess is still paid for before the first await. */
  async attemptAsync<T>(guesser: string, check: () => Promise<T>, wrong: (e: unknown) => boolean): Promise<T> {
    if (!this.guessers.take(guesser)) throw new AppError(this.o.refusal);
    if (!this.overall.take('')) throw new AppError(this.o.refusal);
    try {
      const result = await check();
      this.refund(guesser);
      return result;
    } catch (e) {
      if (!wrong(e)) this.refund(guesser);
      throw e;
    }
  }

  private refund(guesser: string): void {
    this.guessers.refund(guesser);
    this.overall.refund('');
  }
}

/** True for an AppError with this code: what `attempt` counts as a wrong guess. */
export const isError = (code: ErrorCode) => (e: unknown) => e instanceof AppError && e.code === code;
