import type Database from 'better-sqlite3';
import type { CounterState, CounterView, DisplayCall, DisplayState, QueuedTicket, Reopening, ServiceCall, ServiceStatus, TicketStatus } from '../../../shared/api/schemas';
import type { OpeningWindow } from '../../../shared/domain';
import { businessDay, localParts } from '../../../shared/businessDay';
import { AppError } from '../../../shared/errors';
import { effectiveHours, hoursToday, isOpenAt, nextOpening, onBreak } from '../../../shared/openingHours';
import type { LocalParts } from '../../../shared/businessDay';
import type { Catalogue } from './catalogue';
import type { CounterSessions } from './counterSessions';
import type { TicketIssuer } from './issueTicket';
import type { QueueContext } from './queueContext';
import type { EtaBoard } from './etaBoard';
import type { QueueStats } from './queueStats';
import type { Ratings } from './ratings';
import { toService, toTicket } from './rows';
import type { CounterRow, ServiceRow, TicketRow } from './rows';
import { availability } from './serviceAvailability';
import { skipReadiness } from './skipRule';

const RECENT_CALLS = 8;

/** When a closed service opens next, and whether that ends a break in today's work (lunch). */
function opening(hours: OpeningWindow[], at: LocalParts, holidays: readonly string[]): Reopening | null {
  const next = nextOpening(hours, at, holidays);
  return next && { ...next, afterBreak: onBreak(hours, at, holidays) };
}
/** Call events read back to find RECENT_CALLS distinct numbers (recalls repeat a number). */
const RECENT_CALL_EVENTS = 64;

/** Read models for screens: everything they show is computed here, never in the browser. */
export class QueueViews {
  /**
   * The hall's state as of one event-log id: every display (and the hello of every socket) reads
   * the same one, so it is built once per queue change, not once per screen that refetches.
   * Everything it shows changes with an event (queue, counters, config.changed, day.closed).
   */
  private readonly displayCache = new Map<number | null, { seq: number; office: unknown; day: string; state: DisplayState }>();
  private readonly services: Database.Statement<[], ServiceRow>;
  private readonly counters: Database.Statement<[], CounterRow & { officer_name: string | null }>;
  private readonly activeTickets: Database.Statement<[], TicketRow>;
  private readonly recentCalls: Database.Statement<[number], { ticket_id: string; counter_id: number; at: number; type: string }>;
  private readonly lastSeq: Database.Statement<[], { m: number | null }>;
  private readonly byStateAtCounter: Database.Statement<[string, number, string], TicketRow>;
  private readonly servedToday: Database.Statement<[number, string], { n: number }>;
  private readonly successor: Database.Statement<[string], TicketRow>;
  private readonly targetedLine: Database.Statement<[number, number], TicketRow>;
  private readonly serviceLine: Database.Statement<[number, number], TicketRow>;
  private readonly waitingAtCounter: Database.Statement<[number, number], { service_id: number; n: number; oldest: number | null }>;
  private readonly serviceAtCounter: Database.Statement<[number], { number: string; counter_id: number }>;

  constructor(
    private readonly ctx: QueueContext,
    private readonly stats: QueueStats,
    private readonly eta: EtaBoard,
    private readonly issuer: TicketIssuer,
    private readonly ratings: Ratings,
    private readonly counterSessions: CounterSessions,
    private readonly catalogue: Catalogue,
  ) {
    const db = ctx.db;
    this.services = db.prepare('SELECT * FROM services ORDER BY sort_order, id');
    this.counters = db.prepare(
      'SELECT c.*, o.name AS officer_name FROM counters c LEFT JOIN officers o ON o.id = c.officer_id WHERE c.active = 1 ORDER BY c.number',
    );
    this.activeTickets = db.prepare("SELECT * FROM tickets WHERE state IN ('called', 'serving') AND counter_id IS NOT NULL");
    this.recentCalls = db.prepare(
      "SELECT ticket_id, counter_id, at, type FROM events WHERE type IN ('ticket.called', 'ticket.recalled') ORDER BY id DESC LIMIT ?",
    );
    this.lastSeq = db.prepare('SELECT max(id) AS m FROM events');
    // Plan: tickets_set_aside (counter_id, state, business_day); the IN term lets the planner use that partial index.
    this.byStateAtCounter = db.prepare(
      "SELECT * FROM tickets WHERE state IN ('parked', 'skipped') AND state = ? AND counter_id = ? AND business_day = ? ORDER BY coalesce(finished_at, called_at) DESC LIMIT 50",
    );
    this.servedToday = db.prepare('SELECT served AS n FROM counter_day_served WHERE counter_id = ? AND business_day = ?');
    this.successor = db.prepare('SELECT * FROM tickets WHERE transferred_from = ?');
    // The counter's list, read line by line in index order (never a sort of the whole line).
    this.targetedLine = db.prepare("SELECT * FROM tickets WHERE target_counter_id = ? AND state = 'waiting' ORDER BY queued_at, issue_order LIMIT ?");
    this.serviceLine = db.prepare(
      "SELECT * FROM tickets WHERE service_id = ? AND state = 'waiting' AND target_counter_id IS NULL ORDER BY queued_at, issue_order LIMIT ?",
    );
    // Plan: tickets_one_active_per_counter (a row per counter at most); `+service_id` keeps the
    // planner off tickets_called, which would walk the service's whole call history when no one is at a counter.
    this.serviceAtCounter = db.prepare(
      "SELECT number, counter_id FROM tickets WHERE state IN ('called', 'serving') AND counter_id IS NOT NULL AND +service_id = ? ORDER BY called_at DESC LIMIT 1",
    );
    this.waitingAtCounter = db.prepare(`SELECT t.service_id, count(*) AS n, min(t.queued_at) AS oldest FROM tickets t
      WHERE t.state = 'waiting' AND ((t.service_id IN (SELECT service_id FROM counter_services WHERE counter_id = ?) AND t.target_counter_id IS NULL)
        OR t.target_counter_id = ?)
      GROUP BY t.service_id`);
  }

  private today(): string {
    const o = this.ctx.settings.get();
    return businessDay(this.ctx.now(), o.timeZone, o.dayBoundaryMinutes);
  }

  listServices(): ServiceStatus[] {
    const now = this.ctx.now();
    const office = this.ctx.settings.get();
    const waiting = this.stats.waitingCounts();
    const local = localParts(now, office.timeZone);
    const weekday = local.weekday;
    const zones = this.catalogue.serviceZones();
    return this.services.all().map((row) => {
      const a = availability(row, office, now, (day) => this.issuer.counts(row.id, day));
      const w = waiting.get(row.id) ?? 0;
      const s = toService(row);
      // What the kiosk says is what the service follows: its own hours, or the office's.
      const hours = effectiveHours(s.hours, office.hours);
      return {
        ...s,
        waiting: w,
        etaMinutes: this.eta.newTicket(row.id, false, now).etaMinutes,
        openNow: a.closedReason === null,
        closedReason: a.closedReason,
        hoursToday: hours.length === 0 ? '' : hoursToday(hours, weekday),
        opensNext: a.closedReason === 'hours' ? opening(hours, local, office.holidays) : null,
        issuedToday: a.issuedToday,
        zoneIds: zones.get(row.id) ?? [],
      };
    });
  }

  /** Every service's letter and number range, inactive ones too (their tickets may still be waiting). */
  serviceNumbers(): { prefix: string; rangeStart: number; rangeEnd: number }[] {
    return this.services.all().map((s) => ({ prefix: s.prefix, rangeStart: s.range_start, rangeEnd: s.range_end }));
  }

  /**
   * Everything about the service list that changes with time alone: the business day and whether
   * each service takes a ticket now. Cheap (no forecast), for the host's timer to compare.
   */
  openingKey(): string {
    const now = this.ctx.now();
    const office = this.ctx.settings.get();
    const open = this.services.all().map((row) => `${row.id}:${availability(row, office, now, (day) => this.issuer.counts(row.id, day)).closedReason ?? ''}`);
    return `${this.today()}|${open.join(',')}`;
  }

  ticketStatus(id: string): TicketStatus {
    return this.statusOf(this.ctx.ticket(id));
  }

  statusOf(t: TicketRow): TicketStatus {
    // A transferred ticket lives on in its successor; follow the chain so the phone keeps tracking.
    let cur = t;
    for (let i = 0; i < 20 && cur.state === 'transferred'; i++) {
      const next = this.successor.get(cur.id);
      if (!next) break;
      cur = next;
    }
    const service = this.ctx.service(cur.service_id);
    const est = cur.state === 'waiting' ? this.eta.ticket(cur, this.ctx.now()) : { ahead: 0, etaMinutes: 0 };
    const calling = this.nowCalling(cur.service_id);
    const counter = cur.counter_id === null ? null : this.ctx.counterById.get(cur.counter_id) ?? null;
    const rated = this.ratings.isRated(cur.id);
    return {
      id: cur.id,
      number: cur.number,
      serviceId: cur.service_id,
      serviceNameVi: service.name_vi,
      serviceNameEn: service.name_en,
      state: cur.state,
      issuedAt: cur.issued_at,
      ahead: est.ahead,
      etaMinutes: est.etaMinutes,
      counter: counter ? { id: counter.id, number: counter.number, name: counter.name } : null,
      rated,
      canRate: cur.state === 'done' && !rated,
      ratingLevels: this.ctx.settings.get().ratingLevels,
      checkCode: cur.check_code,
      nowCalling: calling,
    };
  }

  /**
   * The number of a service that a counter is calling or serving now, the latest call first: what
   * the hall's screen already shows, for a phone that cannot see it. Null once nobody of that
   * service is at a counter, so a phone never reads "now calling" about someone long gone.
   */
  nowCalling(serviceId: number): ServiceCall | null {
    const r = this.serviceAtCounter.get(serviceId);
    const c = r ? this.ctx.counterById.get(r.counter_id) : undefined;
    return r && c ? { number: r.number, counterNumber: c.number, counterName: c.name } : null;
  }

  listCounters(): CounterView[] {
    const active = new Map(this.activeTickets.all().map((t) => [t.counter_id, t]));
    return this.counters.all().map((c) => {
      const current = active.get(c.id);
      return {
        ...this.ctx.counterView(c),
        officerName: c.officer_name,
        current: current ? toTicket(current) : null,
        pauseReason: c.status === 'paused' ? this.counterSessions.pauseReason(c.id) : null,
      };
    });
  }

  /** Tickets sent to this counter, then each of its services in its order, oldest first. */
  private queueAt(counterId: number, limit: number): TicketRow[] {
    const out = this.targetedLine.all(counterId, limit);
    for (const sid of this.ctx.serviceIdsOf(counterId)) {
      if (out.length >= limit) break;
      out.push(...this.serviceLine.all(sid, limit - out.length));
    }
    return out;
  }

  counterState(counterId: number): CounterState {
    const view = this.listCounters().find((c) => c.id === counterId);
    if (!view) throw new AppError('COUNTER_NOT_FOUND');
    const day = this.today();
    return {
      counter: view,
      waiting: this.waitingAtCounter.all(counterId, counterId).map((r) => ({ serviceId: r.service_id, waiting: r.n, oldestQueuedAt: r.oldest })),
      queue: this.queueAt(counterId, 50).map((r) => this.withOrigin(r)),
      parked: this.byStateAtCounter.all('parked', counterId, day).map(toTicket),
      skipped: this.byStateAtCounter.all('skipped', counterId, day).map(toTicket),
      servedToday: this.servedToday.get(counterId, day)?.n ?? 0,
      skip: this.skipAt(view.current?.id),
      at: this.ctx.now(),
      citizen: this.citizenAt(view.current?.id),
    };
  }

  /**
   * A ticket in a counter's line with where it was sent from: the officer says "chị đến từ quầy 2"
   * rather than starting over. At most 50 key lookups per answer (the line's first 50).
   */
  private withOrigin(r: TicketRow): QueuedTicket {
    const from = r.transferred_from === null ? undefined : this.ctx.ticketById.get(r.transferred_from);
    return { ...toTicket(r), fromCounterId: from?.counter_id ?? null, fromServiceId: from ? from.service_id : null };
  }

  private citizenAt(ticketId: string | undefined): CounterState['citizen'] {
    const row = ticketId === undefined ? undefined : this.ctx.ticketById.get(ticketId);
    return row?.citizen_name ? { name: row.citizen_name, birthYear: row.citizen_birth_year ?? null } : null;
  }

  private skipAt(ticketId: string | undefined) {
    const t = ticketId === undefined ? undefined : this.ctx.ticketById.get(ticketId);
    return t ? skipReadiness(t, this.ctx.settings.get().skipMinSeconds, this.ctx.now()) : null;
  }

  /** Called tickets whose "Bỏ qua" is open now: the host's timer pushes a change of this set. */
  skipsReady(): string[] {
    const min = this.ctx.settings.get().skipMinSeconds;
    const now = this.ctx.now();
    return this.activeTickets
      .all()
      .filter((t) => skipReadiness(t, min, now)?.ready)
      .map((t) => t.id)
      .sort();
  }

  /**
   * The hall's call history: one entry per number called today, newest first — a recall or a call
   * back moves the number's entry to the top instead of adding another, and a number sent on to
   * another counter shows only where it is wanted now.
   */
  private callHistory(byId: Map<number, CounterView>): DisplayCall[] {
    const today = this.today();
    const calls: DisplayCall[] = [];
    const seen = new Set<string>();
    for (const e of this.recentCalls.all(RECENT_CALL_EVENTS)) {
      if (calls.length >= RECENT_CALLS) break;
      const t = this.ctx.ticketById.get(e.ticket_id);
      const c = byId.get(e.counter_id);
      if (!t || !c || t.business_day !== today || seen.has(t.number)) continue;
      seen.add(t.number);
      calls.push({ ticketId: t.id, number: t.number, serviceId: t.service_id, counterId: c.id, counterNumber: c.number, at: e.at, recall: e.type === 'ticket.recalled' });
    }
    return calls;
  }

  /** The event log's last id (screens resync from here). */
  lastEventSeq(): number {
    return this.lastSeq.get()?.m ?? 0;
  }

  /** The hall's screen; with a zone, only what that zone's counters call (an unknown zone is refused). */
  display(zoneId?: number): DisplayState {
    const seq = this.lastEventSeq();
    const office = this.ctx.settings.get();
    const day = this.today();
    const key = zoneId ?? null;
    const c = this.displayCache.get(key);
    const now = this.ctx.now();
    // Whether the office is closed changes with the clock alone, so it is not part of the cached state.
    if (c && c.seq === seq && c.office === office && c.day === day) return { ...c.state, now, reopens: this.reopens(office, now) };
    const state = this.buildDisplay(office, seq, zoneId);
    this.displayCache.set(key, { seq, office, day, state });
    return { ...state, reopens: this.reopens(office, now) };
  }

  /**
   * While every active service is closed for its hours (the lunch break, the evening, a holiday):
   * when the first opens again, for the hall's screen to say. Null while any takes numbers.
   */
  private reopens(office: ReturnType<QueueContext['settings']['get']>, now: number): Reopening | null {
    const local = localParts(now, office.timeZone);
    let best: Reopening | null = null;
    for (const row of this.services.all()) {
      if (row.active !== 1) continue;
      const hours = effectiveHours(JSON.parse(row.hours) as OpeningWindow[], office.hours);
      if (isOpenAt(hours, local, office.holidays)) return null;
      const next = opening(hours, local, office.holidays);
      if (next && (!best || next.daysAhead < best.daysAhead || (next.daysAhead === best.daysAhead && next.time < best.time))) best = next;
    }
    return best;
  }

  private buildDisplay(office: ReturnType<QueueContext['settings']['get']>, seq: number, zoneId: number | undefined): DisplayState {
    const zones = this.catalogue.zones();
    const zone = zoneId === undefined ? null : zones.find((z) => z.id === zoneId);
    if (zone === undefined) throw new AppError('ZONE_NOT_FOUND');
    const counters = this.listCounters().filter((c) => !zone || c.zoneId === zone.id);
    // The waiting counts of the services served here (all of them for the whole office).
    const servedHere = zone ? new Set(counters.flatMap((c) => c.serviceIds)) : null;
    const byId = new Map(counters.map((c) => [c.id, c]));
    const calls = this.callHistory(byId);
    // "Now calling" only while it is true: the ticket is still at the counter that called it.
    const nowCalling = calls.find((call) => byId.get(call.counterId)?.current?.id === call.ticketId) ?? null;
    return {
      zone: zone ? { id: zone.id, nameVi: zone.nameVi, nameEn: zone.nameEn } : null,
      zoneCount: zones.length,
      office: { name: office.name, nameEn: office.nameEn, marquee: office.marquee, logo: office.logo },
      now: this.ctx.now(),
      lastEventSeq: seq,
      counters: counters.map((c) => ({
        id: c.id,
        number: c.number,
        name: c.name,
        status: c.status,
        officerName: c.officerName,
        current: c.current ? { ticketId: c.current.id, number: c.current.number, state: c.current.state } : null,
      })),
      nowCalling,
      recentCalls: calls,
      waiting: this.waitingLines(servedHere),
      reopens: null,
    };
  }

  /**
   * What the hall reads under "waiting": one line per group (a department sums its procedures served
   * here), a service outside any group its own line — a ward (no groups) lists its services as
   * always, a centre its 20 departments instead of 100 procedures no TV could show. Lines follow the
   * catalogue's order (a group where its first procedure is).
   */
  private waitingLines(servedHere: Set<number> | null): DisplayState['waiting'] {
    const waiting = this.stats.waitingCounts();
    const groups = new Map(this.catalogue.groups().map((g) => [g.id, g]));
    const lines = new Map<string, DisplayState['waiting'][number]>();
    for (const s of this.services.all()) {
      if (s.active !== 1 || (servedHere && !servedHere.has(s.id))) continue;
      const group = s.group_id === null ? undefined : groups.get(s.group_id);
      const id = group ? `g${group.id}` : `s${s.id}`;
      const line = lines.get(id) ?? { id, nameVi: group?.nameVi ?? s.name_vi, nameEn: group?.nameEn ?? s.name_en, waiting: 0 };
      line.waiting += waiting.get(s.id) ?? 0;
      lines.set(id, line);
    }
    return [...lines.values()];
  }
}
