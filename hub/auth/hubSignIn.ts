import { AppError } from '../../shared/errors';
import { GuessBudget, isError } from '../../shared/guessBudget';
import type { HubMe } from '../../shared/hubBoard';
import type { HubUsers } from './hubUsers';
import { DECOY_HASH, verifyPassword } from './passwordHash';

/**
 * Password sign-in. Each guess is paid for before the password is hashed — by its address, by the
 * name it tries (so many addresses cannot share one account's guesses) and by everyone — so
 * wrong passwords sent in parallel are counted, not raced past the count.
 */
export class HubSignIn {
  private readonly byAddress: GuessBudget;
  private readonly byName: GuessBudget;
  /** Passwords actually hashed and compared since start: what a test of the budget counts. */
  checked = 0;

  constructor(
    private readonly users: HubUsers,
    now: () => number,
  ) {
    this.byAddress = new GuessBudget({ perGuesser: { perMinute: 5, burst: 10 }, overall: { perMinute: 120, burst: 300 }, refusal: 'RATE_LIMITED', now });
    this.byName = new GuessBudget({ perGuesser: { perMinute: 3, burst: 10 }, overall: { perMinute: 120, burst: 300 }, refusal: 'RATE_LIMITED', now });
  }

  async signIn(name: string, password: string, address: string): Promise<HubMe> {
    const wrong = isError('INVALID_PASSWORD');
    return this.byAddress.attemptAsync(address, () => this.byName.attemptAsync(name.trim().toLowerCase(), () => this.check(name, password), wrong), wrong);
  }

  private async check(name: string, password: string): Promise<HubMe> {
    const user = await this.users.byName(name);
    this.checked++;
    const ok = await verifyPassword(password, user?.passwordHash ?? DECOY_HASH);
    if (!user || !ok) throw new AppError('INVALID_PASSWORD', 'Tên đăng nhập hoặc mật khẩu không đúng');
    return { id: user.id, name: user.name, role: user.role, officeId: user.officeId };
  }
}
