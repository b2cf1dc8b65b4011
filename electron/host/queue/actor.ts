import { AppError } from '../../../shared/errors';
import type { TicketRow } from './rows';

/** Who performs a staff operation: an officer at a counter, or an admin (no counter binding). */
export interface Actor {
  counterId: number | null;
  officerId: number | null;
  admin: boolean;
}

export const ADMIN: Actor = { counterId: null, officerId: null, admin: true };

export function actorLabel(a: Actor): string {
  return a.admin ? 'admin' : `officer:${a.officerId ?? '?'}@counter:${a.counterId ?? '?'}`;
}

/** Officers act on the citizen at their own counter; an admin may act on any ticket. */
export function assertAtCounter(t: TicketRow, a: Actor): void {
  if (!a.admin && t.counter_id !== a.counterId) throw new AppError('NOT_AT_COUNTER');
}

export function assertState(t: TicketRow, ...allowed: TicketRow['state'][]): void {
  if (!allowed.includes(t.state)) throw new AppError('INVALID_STATE', `Phiếu ${t.number} đang ở trạng thái "${t.state}"`);
}
