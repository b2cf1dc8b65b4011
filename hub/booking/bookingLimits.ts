import type pg from 'pg';
import { isError } from '../../shared/guessBudget';
import { SharedGuessBudget } from '../guessing/sharedGuessBudget';

/** How much one address, phone, office and the whole province may book from home (HubOptions.bookingLimits). */
export interface BookingLimits {
  perAddressPerDay: number;
  perPhonePerDay: number;
  perOfficePerDay: number;
  provincePerDay: number;
}

export const DEFAULT_BOOKING_LIMITS: BookingLimits = { perAddressPerDay: 6, perPhonePerDay: 3, perOfficePerDay: 2000, provincePerDay: 50_000 };

const perDay = (n: number) => ({ burst: n, perMinute: n / 1440 });

/**
 * The hub's limits on booking from home, all in the shared guess buckets (every hub process draws on
 * the same): each is paid before the booking is looked at and given back when it fails, so a day's
 * allowance counts bookings made. Tries per address are never given back, so hammering a full slot
 * costs its address too. Codes typed to find or cancel a booking are guesses at a secret: a wrong one
 * costs its address and everyone.
 */
export class BookingBudgets {
  readonly tries: SharedGuessBudget;
  readonly byAddress: SharedGuessBudget;
  readonly byPhone: SharedGuessBudget;
  readonly byOffice: SharedGuessBudget;
  private readonly codes: SharedGuessBudget;

  constructor(db: pg.Pool, limits: BookingLimits, now: () => number) {
    this.tries = new SharedGuessBudget(db, { name: 'booking-try', perGuesser: { burst: 20, perMinute: 10 }, overall: { burst: 5000, perMinute: 3000 }, refusal: 'RATE_LIMITED', now });
    this.byAddress = new SharedGuessBudget(db, { name: 'booking-address', perGuesser: perDay(limits.perAddressPerDay), overall: perDay(limits.provincePerDay), refusal: 'BOOKING_LIMIT', now });
    this.byPhone = new SharedGuessBudget(db, { name: 'booking-phone', perGuesser: perDay(limits.perPhonePerDay), overall: perDay(limits.provincePerDay), refusal: 'BOOKING_LIMIT', now });
    this.byOffice = new SharedGuessBudget(db, { name: 'booking-office', perGuesser: perDay(limits.perOfficePerDay), overall: perDay(limits.provincePerDay), refusal: 'BOOKING_LIMIT', now });
    this.codes = new SharedGuessBudget(db, { name: 'booking-code', perGuesser: { burst: 10, perMinute: 5 }, overall: { burst: 300, perMinute: 120 }, refusal: 'BOOKING_CODE_LOCKED', now });
  }

  /** A look-up by code, paid by the caller's address before the code is looked at; a right code is refunded. */
  guessCode<T>(address: string, check: () => Promise<T>): Promise<T> {
    return this.codes.attemptAsync(address, check, isError('BOOKING_UNKNOWN'));
  }

  /**
   * One booking's allowances of the day, taken in order (address, phone, office), after its try was
   * paid (`tries`); when one refuses, those taken are given back. Answers the give-back for a booking
   * that then fails.
   */
  async takeBooking(address: string, phoneHash: string | null, officeId: string): Promise<() => Promise<void>> {
    const taken: [SharedGuessBudget, string][] = [];
    const giveBack = async () => {
      for (const [b, k] of taken.splice(0)) await b.giveBack(k);
    };
    try {
      for (const [b, k] of [[this.byAddress, address], [this.byPhone, phoneHash], [this.byOffice, officeId]] as const) {
        if (k === null) continue;
        await b.spend(k);
        taken.push([b, k]);
      }
    } catch (e) {
      await giveBack();
      throw e;
    }
    return giveBack;
  }
}
