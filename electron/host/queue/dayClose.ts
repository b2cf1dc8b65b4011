import type Database from 'better-sqlite3';
import { businessDay, businessDayStart, nextDay } from '../../../shared/businessDay';
import { OPEN_AT_DAY_CLOSE } from '../../../shared/domain';
import type { OfficeConfig } from '../../../shared/domain';
import type { QueueContext } from './queueContext';
import type { CounterRow, TicketRow } from './rows';

const ACTOR = 'system:day-close';
const OPEN_STATES = OPEN_AT_DAY_CLOSE.map((s) => `'${s}'`).join(', ');

export interface DayCloseResult {
  /** The business day now open. */
  day: string;
  /** Past business days that had tickets still open. */
  closedDays: string[];
  expired: number;
  counters: number;
}

/**
 * Close of day. Whatever is still waiting, called, serving or parked when its business day ends
 * becomes `expired` (dated at the day's end, or now if that is earlier), never to be called again;
 * every counter closes, an open pause ends and the officers are signed out. Numbering restarts by
 * itself: sequences are per business day.
 *
 * It runs from the host's timer at the boundary, at host start (a PC switched off at midnight), and
 * before any write whose clock has left the business day last looked at, so the first "next" of
 * the morning can never reach yesterday's queue even if the timer has not fired yet.
 */
export class DayClose {
  private checkedFor: OfficeConfig | null = null;
  private checkedFrom = Number.POSITIVE_INFINITY;
  private checkedUntil = Number.NEGATIVE_INFINITY;
  private closing = false;
  private readonly lastEventAt: Database.Statement<[], { at: number }>;
  private readonly openDays: Database.Statement<[string], { business_day: string }>;
  private readonly openOfDay: Database.Statement<[string], TicketRow>;
  private readonly expire: Database.Statement<[number, string]>;
  private readonly liveCounters: Database.Statement<[], CounterRow>;
  private readonly openPauses: Database.Statement<[number], { id: number; from_at: number }>;
  private readonly endPause: Database.Statement<[number, number]>;
  private readonly closeCounter: Database.Statement<[number]>;
  private readonly staleSessions: Database.Statement<[number], { n: number }>;
  private readonly signOut: Database.Statement<[number]>;

  constructor(private readonly ctx: QueueContext) {
    const db = ctx.db;
    this.lastEventAt = db.prepare('SELECT at FROM events ORDER BY id DESC LIMIT 1');
    // Plan: tickets_open_by_day partial index, so only what is still open is looked at.
    this.openDays = db.prepare(`SELECT DISTINCT business_day FROM tickets WHERE state IN (${OPEN_STATES}) AND business_day < ? ORDER BY business_day`);
    this.openOfDay = db.prepare(`SELECT * FROM tickets WHERE state IN (${OPEN_STATES}) AND business_day = ? ORDER BY issue_order`);
    this.expire = db.prepare(`UPDATE tickets SET state = 'expired', finished_at = max(?, coalesce(serving_at, called_at, issued_at)) WHERE id = ?`);
    this.liveCounters = db.prepare("SELECT * FROM counters WHERE status != 'closed' OR officer_id IS NOT NULL ORDER BY number");
    this.openPauses = db.prepare('SELECT id, from_at FROM pauses WHERE counter_id = ? AND to_at IS NULL');
    this.endPause = db.prepare('UPDATE pauses SET to_at = max(?, from_at) WHERE id = ?');
    this.closeCounter = db.prepare("UPDATE counters SET status = 'closed', officer_id = NULL WHERE id = ?");
    this.staleSessions = db.prepare("SELECT count(*) AS n FROM sessions WHERE kind = 'staff' AND created_at < ?");
    this.signOut = db.prepare("DELETE FROM sessions WHERE kind = 'staff' AND created_at < ?");
  }

  /**
   * Cheap enough for every write: only when the clock has left the business day last looked at
   * (or the office's day settings changed) does it look at the database.
   */
  closeIfDue(): DayCloseResult | null {
    const now = this.ctx.now();
    const office = this.ctx.settings.get();
    if (this.closing || (office === this.checkedFor && now >= this.checkedFrom && now < this.checkedUntil)) return null;
    // The close is itself a write: its own transaction must not run the before-write check again.
    this.closing = true;
    let result: DayCloseResult | null;
    try {
      result = this.closePastDays();
    } finally {
      this.closing = false;
    }
    const day = businessDay(now, office.timeZone, office.dayBoundaryMinutes);
    this.checkedFor = office;
    this.checkedFrom = businessDayStart(day, office.timeZone, office.dayBoundaryMinutes);
    this.checkedUntil = businessDayStart(nextDay(day), office.timeZone, office.dayBoundaryMinutes);
    return result;
  }

  /** One transaction: expire past days' open tickets; if a boundary passed since the last activity, close the counters. */
  closePastDays(): DayCloseResult | null {
    return this.ctx.tx(() => {
      const now = this.ctx.now();
      const { timeZone, dayBoundaryMinutes } = this.ctx.settings.get();
      const dayOf = (at: number) => businessDay(at, timeZone, dayBoundaryMinutes);
      const endOf = (day: string) => Math.min(now, businessDayStart(nextDay(day), timeZone, dayBoundaryMinutes));
      const today = dayOf(now);
      const lastAt = this.lastEventAt.get()?.at;
      // The office's last recorded act was on an earlier business day: the counters are yesterday's.
      const boundaryPassed = lastAt !== undefined && dayOf(lastAt) < today;
      const closedDays = this.openDays.all(today).map((r) => r.business_day);
      const live = boundaryPassed ? this.liveCounters.all() : [];
      const dayStart = businessDayStart(today, timeZone, dayBoundaryMinutes);
      const stale = boundaryPassed ? (this.staleSessions.get(dayStart)?.n ?? 0) : 0;
      if (closedDays.length === 0 && live.length === 0 && stale === 0) return null;

      let expired = 0;
      for (const day of closedDays) {
        const end = endOf(day);
        for (const t of this.openOfDay.all(day)) {
          this.expire.run(end, t.id);
          const counter = t.counter_id === null ? null : (this.ctx.counterById.get(t.counter_id) ?? null);
          this.ctx.record('ticket.expired', { ticket: this.ctx.ticket(t.id), counter, actor: ACTOR, reason: 'day.closed' });
          expired++;
        }
      }
      for (const c of live) {
        for (const p of this.openPauses.all(c.id)) this.endPause.run(endOf(dayOf(p.from_at)), p.id);
        this.closeCounter.run(c.id);
        this.ctx.record('counter.closed', { counter: this.ctx.counterById.get(c.id) ?? c, serviceId: null, actor: ACTOR, reason: 'day.closed' });
      }
      // Every officer signs in again in the morning: yesterday's sessions end with the day.
      if (boundaryPassed) this.signOut.run(dayStart);
      const result: DayCloseResult = { day: today, closedDays, expired, counters: live.length };
      this.ctx.record('day.closed', { serviceId: null, actor: ACTOR, reason: 'day.closed', payload: { ...result } });
      return result;
    });
  }
}
