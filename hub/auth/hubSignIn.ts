import type pg from 'pg';
import { AppError } from '../../shared/errors';
import { isError } from '../../shared/guessBudget';
import type { HubMe } from '../../shared/hubBoard';
import { SharedGuessBudget } from '../guessing/sharedGuessBudget';
import type { HubUsers } from './hubUsers';
import { DECOY_HASH, verifyPassword } from './passwordHash';

/**
 * Password sign-in. Each guess is paid for before the password is hashed — by its address, by the
 * name it tries (so many addresses cannot pool their guesses at one account) and by everyone —
 * in PostgreSQL, so wrong passwords sent in parallel, to one hub process or several, are counted
 * rather than raced past the count.
 */
export class HubSignIn {
  private readonly byAddress: SharedGuessBudget;
  private readonly byName: SharedGuessBudget;
  /** Passwords actually hashed and compared by this process since start: what a test of the budget counts. */
  checked = 0;

  constructor(
    db: pg.Pool,
    private readonly users: HubUsers,
    now: () => number,
  ) {
    this.byAddress = new SharedGuessBudget(db, { name: 'sign-in', perGuesser: { perMinute: 5, burst: 10 }, overall: { perMinute: 120, burst: 300 }, refusal: 'RATE_LIMITED', now });
    this.byName = new SharedGuessBudget(db, { name: 'sign-in-name', perGuesser: { perMinute: 3, burst: 10 }, overall: { perMinute: 120, burst: 300 }, refusal: 'RATE_LIMITED', now });
  }

  async signIn(name: string, password: string, address: string): Promise<HubMe> {
    const wrong = isError('INVALID_PASSWORD');
    return this.byAddress.attemptAsync(address, () => this.byName.attemptAsync(name.normalize('NFC').trim().toLowerCase(), () => this.check(name, password), wrong), wrong);
  }

  private async check(name: string, password: string): Promise<HubMe> {
    const user = await this.users.byName(name);
    this.checked++;
    const ok = await verifyPassword(password, user?.passwordHash ?? DECOY_HASH);
    if (!user || !ok) throw new AppError('INVALID_PASSWORD', 'Tên đăng nhập hoặc mật khẩu không đúng');
    return { id: user.id, name: user.name, role: user.role, officeId: user.officeId };
  }
}
