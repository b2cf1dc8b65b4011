import { GuessBudget } from '../../../shared/guessBudget';
import type { Log } from '../logger';
import type { QueueService } from '../queue/queueService';
import { AppointmentCheckin } from './appointmentCheckin';
import { AppointmentRules } from './appointmentRules';
import { BookingBook } from './bookingBook';
import { MatchKey } from './matchKey';

/** Everything appointments are on the office host (#30), built once per host around its queue. */
export class Appointments {
  readonly matchKey: MatchKey;
  readonly rules: AppointmentRules;
  readonly book: BookingBook;
  readonly checkin: AppointmentCheckin;
  /**
   * Booking codes typed or scanned at a kiosk (check-in, cancel): a code is the key to a booking, so
   * each kiosk pays for a wrong one (10 at once, then one a minute), and so does everyone together
   * (100, then 100 an hour), before the code is looked up.
   */
  readonly codeGuesses: GuessBudget;

  constructor(readonly queue: QueueService) {
    this.matchKey = new MatchKey(queue.settings);
    this.rules = new AppointmentRules(queue);
    this.book = new BookingBook(queue, this.rules, this.matchKey);
    this.checkin = new AppointmentCheckin(this.book);
    this.codeGuesses = new GuessBudget({ perGuesser: { perMinute: 1, burst: 10 }, overall: { perMinute: 100 / 60, burst: 100 }, refusal: 'BOOKING_CODE_LOCKED', now: queue.now });
  }

  /** Past days' bookings never checked in become missed: at start (a host off overnight) and each minute after. */
  startSweep(log: Log, everyMs = 60_000): () => void {
    const tick = () => {
      try {
        const n = this.book.sweepMissed();
        if (n > 0) log({ level: 'info', msg: 'bookings missed (their day passed without a check-in)', bookings: n });
      } catch (e) {
        log({ level: 'error', msg: 'missed-booking sweep failed', error: String(e) });
      }
    };
    tick();
    const timer = setInterval(tick, everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
