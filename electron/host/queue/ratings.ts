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

/**
 * How long after the finish a counter's rating tablet still offers that citizen's form, reload or
 * not: long enough to walk to the tablet, short enough that the next citizen is not asked about
 * someone else.
 */
export const RATING_PROMPT_MS = 3 * 60_000;

export interface PendingRating {
  ticketId: string;
  number: string;
  finishedAt: number;
  /** Seconds from this answer until the tablet stops offering it. */
  expiresInSeconds: number;
}

/** One rating per finished ticket, tied to the service, counter and officer who served it. */
export class Ratings {
  private readonly exists: Database.Statement<[string], { x: number }>;
  private readonly insert: Database.Statement;
  private readonly lastDone: Database.Statement<[number, number], { id: string; number: string; finished_at: number }>;
  private readonly counterIds: Database.Statement<[], { id: number }>;

  constructor(private readonly ctx: QueueContext) {
    this.exists = ctx.db.prepare('SELECT 1 AS x FROM ratings WHERE ticket_id = ?');
    // Plan: tickets_done_at_counter (m016), one step from its end.
    this.lastDone = ctx.db.prepare("SELECT id, number, finished_at FROM tickets WHERE counter_id = ? AND state = 'done' AND finished_at > ? ORDER BY finished_at DESC LIMIT 1");
    this.counterIds = ctx.db.prepare('SELECT id FROM counters ORDER BY id');
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

  /**
   * The citizen a counter's tablet should ask now: the counter's last finished ticket, if it
   * finished within RATING_PROMPT_MS and is not rated. Only the last one: whoever stands at the
   * tablet was served last.
   */
  pendingAt(counterId: number): PendingRating | null {
    const now = this.ctx.now();
    const t = this.lastDone.get(counterId, now - RATING_PROMPT_MS);
    if (!t || this.isRated(t.id)) return null;
    return { ticketId: t.id, number: t.number, finishedAt: t.finished_at, expiresInSeconds: Math.max(1, Math.ceil((t.finished_at + RATING_PROMPT_MS - now) / 1000)) };
  }

  /**
   * Which citizen each counter's tablet asks now, as one string: the host's timer pushes a change
   * (a window running out with no ticket event) so a tablet left alone goes back to its name tag.
   */
  pendingKey(): string {
    return this.counterIds
      .all()
      .map((c) => `${c.id}:${this.pendingAt(c.id)?.ticketId ?? ''}`)
      .join(',');
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
