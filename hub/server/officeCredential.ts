import type http from 'node:http';
import { AppError } from '../../shared/errors';
import type pg from 'pg';
import { isError } from '../../shared/guessBudget';
import { SharedGuessBudget } from '../guessing/sharedGuessBudget';
import type { OfficeRegistry, OfficeRow } from '../offices/officeRegistry';
import { guesserOf } from './clientAddress';

/**
 * The office behind a request's `Authorization: Bearer <credential>`, for every route an office
 * calls (push, catalogue). One budget for all of them: a wrong credential costs its address (30,
 * then 30 a minute) and everyone together (600, then 600 a minute) before it is checked, so nobody
 * makes the hub hash and look up forever, whichever route they knock on.
 */
export class OfficeCredentials {
  private readonly budget: SharedGuessBudget;

  constructor(
    private readonly offices: OfficeRegistry,
    db: pg.Pool,
    now: () => number,
  ) {
    // In PostgreSQL: every hub process behind a balancer draws on the same budget.
    this.budget = new SharedGuessBudget(db, { name: 'credential', perGuesser: { perMinute: 30, burst: 30 }, overall: { perMinute: 600, burst: 600 }, refusal: 'RATE_LIMITED', now });
  }

  office(req: http.IncomingMessage): Promise<OfficeRow> {
    const token = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(req.headers.authorization ?? '')?.[1];
    return this.budget.attemptAsync(guesserOf(req), async () => {
      if (!token) throw new AppError('HUB_CREDENTIAL_INVALID');
      return this.offices.authenticate(token);
    }, isError('HUB_CREDENTIAL_INVALID'));
  }
}
