import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';

/**
 * Officers act where they sit: a ticket is within a counter's reach when it is (or was last)
 * at that counter, is targeted at it, or belongs to a service the counter serves and is not
 * targeted at another counter. Everything else is another desk's citizen.
 */
export class CounterReach {
  private readonly reach: Database.Statement<[number, number, number], { ok: number }>;
  private readonly exists: Database.Statement<[string], { id: string; counter_id: number | null; target_counter_id: number | null; service_id: number }>;

  constructor(db: Database.Database) {
    this.exists = db.prepare('SELECT id, counter_id, target_counter_id, service_id FROM tickets WHERE id = ?');
    this.reach = db.prepare('SELECT 1 AS ok FROM counter_services WHERE counter_id = ? AND service_id = ? AND ? = 1');
  }

  assert(ticketId: string, counterId: number | null): void {
    const t = this.exists.get(ticketId);
    if (!t) throw new AppError('TICKET_NOT_FOUND');
    if (counterId === null) throw new AppError('FORBIDDEN', 'Phiên đăng nhập không gắn với quầy nào');
    if (t.counter_id === counterId || t.target_counter_id === counterId) return;
    const untargeted = t.target_counter_id === null ? 1 : 0;
    if (this.reach.get(counterId, t.service_id, untargeted)) return;
    throw new AppError('FORBIDDEN', 'Phiếu này không thuộc dịch vụ hoặc quầy của bạn');
  }
}
