import type { QueueEvent } from '../../../shared/api/events';
import type { OfficeConfig } from '../../../shared/domain';
import { forecastQueue } from '../../../shared/etaForecast';
import type { OfficeSettings } from '../config/officeSettings';
import type { QueueStats } from './queueStats';
import type { TicketRow } from './rows';

const MIN = 60_000;
/** Without a queue change the forecast is still redone this often (a counter running long, a pause ending). */
export const ETA_REFRESH_MS = 60_000;

interface Entry {
  /** Minutes until the call, as of the snapshot's `at`. */
  minutes: number;
  ahead: number;
  serviceId: number;
  /** An open counter (signed in, not paused) could call it now: only then are minutes promised. */
  open: boolean;
}

interface Snapshot {
  version: number;
  office: OfficeConfig;
  at: number;
  tickets: Map<string, Entry>;
  newTicket: Map<number, { normal: Entry; priority: Entry }>;
  /**
   * A ticket issued right after this forecast, when nothing else happened: it stands exactly where
   * the forecast placed "a ticket taken now", so its estimate is known without playing again.
   */
  issued: { id: string; version: number; entry: Entry } | null;
  /** The last ticket issued before this play: later ones are not in `tickets` yet. */
  lastIssueOrder: number;
  /** Minutes one more ticket in the service's line adds, for tickets issued after this play. */
  stepMinutes: Map<number, number>;
  /** Counters open at the play, and the services they serve (see `Entry.open`). */
  openCounters: ReadonlySet<number>;
  openServices: ReadonlySet<number>;
}

export interface Estimate {
  ahead: number;
  /**
   * Null when no open counter could call the ticket: nobody is working that line now, so any
   * figure would be a promise nobody keeps (issue #28: "3 minutes" with every counter closed).
   */
  etaMinutes: number | null;
  /** The play's (or the capacity model's) figure even then: for the printed ticket only. */
  modelMinutes: number;
}

/**
 * Every estimate the screens show, computed once per queue change for all tickets and services
 * together (one play of shared/etaForecast.ts) and read from here by every kiosk, phone and
 * printed ticket. What is shown:
 * - counts down with the clock between two forecasts;
 * - never reads 0 while someone will be called first;
 * - when the forecast is redone only because time passed (no ticket or counter changed), moves at
 *   most one service time of the ticket's service away from what the previous one said by now.
 */
export class EtaBoard {
  private snap: Snapshot | null = null;
  /**
   * In the host the play runs off the request path (see host.ts): reads take the last play as it
   * is, and a ticket issued after it is placed from that play's "a ticket taken now" plus a cheap
   * indexed count of who came since. Without it (tests, the ETA simulation) every read plays first
   * when the queue changed, which is what the background play converges to within a moment.
   */
  private background = false;

  constructor(
    private readonly stats: QueueStats,
    private readonly settings: OfficeSettings,
    /** Changes with every queue or configuration change (the event log's last id). */
    private readonly version: () => number,
    private readonly serviceIds: () => number[],
  ) {}

  private upToDate(s: Snapshot | null, now: number): s is Snapshot {
    return !!s && s.version === this.version() && s.office === this.settings.get() && now >= s.at && now - s.at < ETA_REFRESH_MS;
  }

  private current(now: number): Snapshot {
    const s = this.snap;
    if (this.background && s && now >= s.at) return s;
    return this.upToDate(s, now) ? s : this.compute(now);
  }

  /** Reads no longer play: the host plays after changes, coalesced, and readers take the last play. */
  playInBackground(): void {
    this.background = true;
  }

  /** Redo the forecast now if it is out of date; true when it was redone. */
  refresh(now: number): boolean {
    if (this.upToDate(this.snap, now)) return false;
    this.compute(now);
    return true;
  }

  /** The last play's queue version (the event log's last id when it ran). */
  get playedVersion(): number {
    return this.snap?.version ?? 0;
  }

  private compute(now: number): Snapshot {
    const office = this.settings.get();
    const version = this.version();
    const services = this.serviceIds();
    const lastIssueOrder = this.stats.lastIssueOrder();
    const input = this.stats.forecastInput(now, services);
    const f = forecastQueue(input);
    const openCounters = input.openCounterIds;
    const openServices = new Set(input.counters.filter((c) => openCounters.has(c.id)).flatMap((c) => c.serviceIds));
    const reachable = (w: { serviceId: number; targetCounterId: number | null }) =>
      w.targetCounterId === null ? openServices.has(w.serviceId) : openCounters.has(w.targetCounterId);
    const means = new Map<number, number>();
    const mean = (sid: number) => {
      let m = means.get(sid);
      if (m === undefined) means.set(sid, (m = input.meanMinutes(sid)));
      return m;
    };
    const tickets = new Map<string, Entry>();
    // Tickets no open counter will call: the capacity model, in the order the line would go.
    const unplaced = new Map<string, typeof input.waiting[number][]>();
    for (const w of input.waiting) {
      const p = f.tickets.get(w.id);
      if (p) tickets.set(w.id, { minutes: p.minutes, ahead: p.ahead, serviceId: w.serviceId, open: reachable(w) });
      else {
        const key = w.targetCounterId === null ? `s${w.serviceId}` : `c${w.targetCounterId}`;
        const l = unplaced.get(key);
        if (l) l.push(w);
        else unplaced.set(key, [w]);
      }
    }
    const models = new Map<number, (ahead: number) => number>();
    const capacity = (sid: number) => {
      let m = models.get(sid);
      if (!m) models.set(sid, (m = this.stats.capacityModel(sid, now)));
      return m;
    };
    for (const line of unplaced.values()) {
      line.sort((a, b) => Number(b.priority) - Number(a.priority) || a.queuedAt - b.queuedAt || a.issueOrder - b.issueOrder);
      line.forEach((w, ahead) => tickets.set(w.id, { minutes: capacity(w.serviceId)(ahead), ahead, serviceId: w.serviceId, open: reachable(w) }));
    }
    const waitingBy = new Map<number, { all: number; priority: number }>();
    for (const w of input.waiting) {
      const c = waitingBy.get(w.serviceId) ?? { all: 0, priority: 0 };
      c.all++;
      if (w.priority) c.priority++;
      waitingBy.set(w.serviceId, c);
    }
    const newTicket = new Map<number, { normal: Entry; priority: Entry }>();
    for (const sid of services) {
      const p = f.newTicket.get(sid);
      const w = waitingBy.get(sid) ?? { all: 0, priority: 0 };
      const open = openServices.has(sid);
      const fallback = (ahead: number): Entry => ({ minutes: capacity(sid)(ahead), ahead, serviceId: sid, open });
      newTicket.set(sid, {
        normal: p?.normal ? { minutes: p.normal.minutes, ahead: p.normal.ahead, serviceId: sid, open } : fallback(w.all),
        priority: p?.priority ? { minutes: p.priority.minutes, ahead: p.priority.ahead, serviceId: sid, open } : fallback(w.priority),
      });
    }
    const prev = this.snap;
    if (prev && prev.version === version && prev.office === office && now >= prev.at) {
      // Nothing happened, only time passed: glide from what was shown instead of jumping.
      const glide = (e: Entry, before: Entry | undefined) => {
        if (!before) return e;
        const expected = before.minutes - (now - prev.at) / MIN;
        const limit = mean(e.serviceId);
        return { ...e, minutes: Math.min(expected + limit, Math.max(expected - limit, e.minutes)) };
      };
      for (const [id, e] of tickets) tickets.set(id, glide(e, prev.tickets.get(id)));
      for (const [sid, e] of newTicket) {
        const before = prev.newTicket.get(sid);
        newTicket.set(sid, { normal: glide(e.normal, before?.normal), priority: glide(e.priority, before?.priority) });
      }
    }
    // One more ticket in a line costs its mean time shared by the counters that call it first.
    const firstCallers = new Map<number, number>();
    for (const c of input.counters) if (c.serviceIds[0] !== undefined) firstCallers.set(c.serviceIds[0], (firstCallers.get(c.serviceIds[0]) ?? 0) + 1);
    const stepMinutes = new Map(services.map((sid) => [sid, mean(sid) / Math.max(1, firstCallers.get(sid) ?? 0)]));
    this.snap = { version, office, at: now, tickets, newTicket, issued: null, lastIssueOrder, stepMinutes, openCounters, openServices };
    return this.snap;
  }

  private shown(e: Entry, snap: Snapshot, now: number): Estimate {
    const left = Math.round(e.minutes - (now - snap.at) / MIN);
    // Someone is called first: the wait is at least a minute, whatever the arithmetic says.
    const minutes = Math.max(e.ahead > 0 ? 1 : 0, left);
    return { ahead: e.ahead, etaMinutes: e.open ? minutes : null, modelMinutes: minutes };
  }

  /**
   * Told of every issue, in commit order: the issue answer and the printed ticket then read the new
   * ticket's estimate without a forecast on the request path (the host redoes it right after).
   */
  noteIssued(e: QueueEvent): void {
    const s = this.snap;
    if (e.type !== 'ticket.issued' || !e.ticket || !s || s.issued || e.seq !== s.version + 1) return;
    const slot = s.newTicket.get(e.ticket.serviceId);
    if (slot) s.issued = { id: e.ticket.id, version: e.seq, entry: e.ticket.priority ? slot.priority : slot.normal };
  }

  /** A waiting ticket's people ahead and estimate. */
  ticket(t: Pick<TicketRow, 'id' | 'service_id' | 'priority' | 'issue_order' | 'target_counter_id'>, now: number): Estimate {
    const s = this.snap;
    if (s?.issued?.id === t.id && s.issued.version === this.version() && now >= s.at && now - s.at < ETA_REFRESH_MS) return this.shown(s.issued.entry, s, now);
    let snap = this.current(now);
    let e = snap.tickets.get(t.id);
    if (!e && this.background) {
      // Back in line or issued after the last play: where "a ticket taken now" stood then, behind
      // those of its service issued in between (an indexed count over the line, not a play).
      const slot = snap.newTicket.get(t.service_id);
      if (slot) {
        const base = t.priority !== null ? slot.priority : slot.normal;
        const since = t.issue_order > snap.lastIssueOrder ? this.stats.waitingIssuedBetween(t.service_id, snap.lastIssueOrder, t.issue_order, t.priority !== null) : 0;
        // Sent to one counter: only that counter being open counts, not its service's.
        const open = t.target_counter_id === null ? base.open : snap.openCounters.has(t.target_counter_id);
        return this.shown({ ...base, open, ahead: base.ahead + since, minutes: base.minutes + since * (snap.stepMinutes.get(t.service_id) ?? 0) }, snap, now);
      }
    }
    if (!e && snap.at !== now) {
      snap = this.compute(now);
      e = snap.tickets.get(t.id);
    }
    return e ? this.shown(e, snap, now) : { ahead: 0, etaMinutes: null, modelMinutes: 0 };
  }

  /** What a citizen taking a number for this service now would be told (the kiosk tile, the issue answer). */
  newTicket(serviceId: number, priority: boolean, now: number): Estimate {
    const snap = this.current(now);
    const e = snap.newTicket.get(serviceId);
    if (!e) return { ahead: 0, etaMinutes: null, modelMinutes: 0 };
    return this.shown(priority ? e.priority : e.normal, snap, now);
  }
}
