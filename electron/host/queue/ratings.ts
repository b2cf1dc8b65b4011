import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { QueueContext } from './queueContext';
import { plainCommentText } from '../../../shared/plainText';

export interface RateInput {
  ticketId: string;
  score: number;
  reasons?: string[];
  comment?: string;
  source?: 'kiosk' | 'tablet' | 'phone';
}

// Zero-width characters carry no meaning in a comment and can hide text (controls and bidi: plainText).
const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\uFEFF]/g;

export function cleanComment(text: string): string {
  return plainCommentText(text.normalize('NFC')).replace(INVISIBLE, '').trim();
}

/** One rating per finished ticket, tied to the service, counter and officer who served it. */
export class Ratings {
  private readonly exists: Database.Statement<[string], { x: number }>;
  private readonly insert: Database.Statement;

  constructor(private readonly ctx: QueueContext) {
    this.exists = ctx.db.prepare('SELECT 1 AS x FROM ratings WHERE ticket_id = ?');
    this.insert = ctx.db.prepare(`INSERT INTO ratings (ticket_id, score, levels, reasons, comment, service_id, counter_id, officer_id, source, created_at)
      VALUES (@ticket_id, @score, @levels, @reasons, @comment, @service_id, @counter_id, @officer_id, @source, @created_at)`);
  }

  private insertOnce(row: Record<string, unknown>): void {
    try {
      this.insert.run(row);
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new AppError('ALREADY_RATED');
      throw e;
    }
  }

  isRated(ticketId: string): boolean {
    return !!this.exists.get(ticketId);
  }

  rate(input: RateInput): { ticketId: string; score: number } {
    const office = this.ctx.settings.get();
    const levels = office.ratingLevels;
    if (input.score < 1 || input.score > levels) throw new AppError('SCORE_OUT_OF_SCALE', `Mức đánh giá từ 1 đến ${levels}`);
    const known = new Set(office.ratingReasons.map((r) => r.code));
    const reasons = [...new Set(input.reasons ?? [])];
    if (reasons.some((r) => !known.has(r))) throw new AppError('BAD_REQUEST', 'Lý do đánh giá không hợp lệ');
    return this.ctx.tx(() => {
      const t = this.ctx.ticket(input.ticketId);
      if (t.state !== 'done') throw new AppError('NOT_RATABLE');
      // The primary key refuses a second rating; no read before the write.
      this.insertOnce({
        ticket_id: t.id,
        score: input.score,
        levels,
        reasons: JSON.stringify(reasons),
        comment: cleanComment(input.comment ?? ''),
        service_id: t.service_id,
        counter_id: t.counter_id,
        officer_id: t.officer_id,
        source: input.source ?? 'kiosk',
        created_at: this.ctx.now(),
      });
      const counter = t.counter_id === null ? null : this.ctx.counterById.get(t.counter_id) ?? null;
      this.ctx.record('ticket.rated', { ticket: t, counter, payload: { score: input.score } });
      return { ticketId: t.id, score: input.score };
    });
  }
}
