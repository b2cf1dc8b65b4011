import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { PublicTicketView, TicketStatus } from '../../../shared/api/schemas';
import { businessDay } from '../../../shared/businessDay';
import { normalizeCheckCode } from '../../../shared/checkCode';
import { AppError } from '../../../shared/errors';
import type { QueueContext } from './queueContext';
import type { QueueViews } from './queueViews';
import type { TicketRow } from './rows';

/**
 * Finding a ticket by its printed number. The number is public (the display calls it), so by
 * itself it shows only what the hall already sees; with the ticket's check code it opens the
 * ticket (its id, so it can be rated), like scanning its QR does. Guesses are budgeted per
 * guesser by the caller (server/apiHandlers.ts), never per ticket: a stranger's wrong codes must
 * not lock the citizen out of their own ticket.
 */
export class TicketLookup {
  private readonly byNumber: Database.Statement<[string, string], TicketRow>;
  private readonly byCode: Database.Statement<[string, string], TicketRow>;

  constructor(
    private readonly ctx: QueueContext,
    private readonly views: QueueViews,
  ) {
    // Plan: tickets_number_lookup (number, business_day); a transfer re-queues the same number, the newest row wins.
    this.byNumber = ctx.db.prepare('SELECT * FROM tickets WHERE number = ? AND business_day = ? ORDER BY issue_order DESC LIMIT 1');
    // Plan: tickets_day_check_code (m019); codes are unique within a day, a transfer's row shares its ticket's.
    this.byCode = ctx.db.prepare('SELECT * FROM tickets WHERE check_code = ? AND business_day = ? ORDER BY issue_order DESC LIMIT 1');
  }

  private today(): string {
    const o = this.ctx.settings.get();
    return businessDay(this.ctx.now(), o.timeZone, o.dayBoundaryMinutes);
  }

  private todays(number: string): TicketRow {
    const t = this.byNumber.get(number.toUpperCase(), this.today());
    if (!t) throw new AppError('TICKET_NOT_FOUND');
    return t;
  }

  /** Today's ticket with this number, as a passer-by may see it: no id, no code, no rating. */
  publicView(number: string): PublicTicketView {
    const s = this.views.statusOf(this.todays(number));
    return { number: s.number, serviceNameVi: s.serviceNameVi, serviceNameEn: s.serviceNameEn, state: s.state, counter: s.counter };
  }

  /**
   * Today's ticket opened by the check code printed on it: with its number, or by the code alone
   * (unique within the day, m019). Either way a miss is the same WRONG_CHECK_CODE, charged to the
   * guesser, so the answer never says whether a number exists.
   */
  verify(number: string | undefined, code: string): TicketStatus {
    if (number === undefined) {
      const t = this.byCode.get(normalizeCheckCode(code), this.today());
      if (!t) throw new AppError('WRONG_CHECK_CODE');
      return this.views.statusOf(t);
    }
    const t = this.todays(number);
    const given = Buffer.from(normalizeCheckCode(code));
    const stored = Buffer.from(t.check_code ?? '');
    if (stored.length === 0 || given.length !== stored.length || !crypto.timingSafeEqual(given, stored)) {
      throw new AppError('WRONG_CHECK_CODE');
    }
    return this.views.statusOf(t);
  }
}
