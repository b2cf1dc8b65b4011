import type { ServiceCall, TicketStatus } from '../../../shared/api/schemas';
import type { QueueService } from '../queue/queueService';
import type { TicketRow } from '../queue/rows';
import type { EventHub } from './eventHub';

/** What a phone shows of the hall: the number its service is calling now, and where (null: nobody now). */
export interface TrackCalling {
  type: 'track.calling';
  serviceId: number;
  nowCalling: ServiceCall | null;
  at: number;
}

interface Followed {
  /** The ticket the citizen holds now (a transfer moves them to a new row with the same number). */
  currentId: string;
  serviceId: number;
  /** What was last pushed, so an unchanged estimate is not sent again. */
  shown: string;
  /** While waiting: the row the estimate is looked up for (a map lookup in the last play). */
  waiting: TicketRow | null;
  estimate: string;
  /** The service's "now calling" the phone was last told. */
  calling: string;
}

const callingKey = (c: ServiceCall | null) => (c ? `${c.number}|${c.counterNumber}|${c.counterName}` : '');
const shownKey = (s: TicketStatus) => `${s.id}|${s.state}|${s.ahead}|${s.etaMinutes}|${s.counter?.id ?? ''}|${s.rated}|${callingKey(s.nowCalling)}`;

/**
 * Pushes each phone's own ticket to its tracking page (issue #14: subscriptions): its status when
 * the ticket itself changes or a new forecast moves its place or estimate, and its service's "now
 * calling". A phone fetches its ticket once when it connects and never again over the day.
 */
export class TrackingFeed {
  private readonly followed = new Map<string, Followed>();
  private readonly stops: (() => void)[] = [];

  constructor(
    private readonly queue: QueueService,
    private readonly hub: EventHub,
  ) {
    this.stops.push(
      hub.onTracking((id, listening) => {
        if (!listening) this.followed.delete(id);
        else this.follow(id);
      }),
      queue.onEvent((e) => {
        if (!e.ticket) return;
        // A call, a finish, a skip, a transfer… of a service may change what it is calling now:
        // read once per service per event (a row per counter at most), however many phones follow it.
        const touched = new Set([e.ticket.serviceId, e.newTicket?.serviceId]);
        const calling = new Map<number, ServiceCall | null>();
        for (const [id, f] of this.followed) {
          if (e.ticket.id === f.currentId) {
            if (e.newTicket) f.currentId = e.newTicket.id;
            this.push(id, f, true);
          } else if (touched.has(f.serviceId)) {
            let now = calling.get(f.serviceId);
            if (now === undefined) calling.set(f.serviceId, (now = this.queue.views.nowCalling(f.serviceId)));
            const key = callingKey(now);
            if (key === f.calling) continue;
            f.calling = key;
            const m: TrackCalling = { type: 'track.calling', serviceId: f.serviceId, nowCalling: now, at: e.at };
            hub.sendToTracking(id, m);
          }
        }
      }),
    );
  }

  private follow(id: string): void {
    try {
      const s = this.queue.views.ticketStatus(id);
      const f: Followed = { currentId: s.id, serviceId: s.serviceId, shown: '', waiting: null, estimate: '', calling: '' };
      this.remember(f, s);
      this.followed.set(id, f);
    } catch {
      // An unknown ticket: nothing to follow (the page shows "not found" from its own fetch).
    }
  }

  private push(id: string, f: Followed, force: boolean): void {
    let s: TicketStatus;
    try {
      s = this.queue.views.ticketStatus(f.currentId);
    } catch {
      return;
    }
    const key = shownKey(s);
    if (!force && key === f.shown) return;
    this.remember(f, s);
    this.hub.sendToTracking(id, { type: 'track.status', status: s });
  }

  private remember(f: Followed, s: TicketStatus): void {
    f.shown = shownKey(s);
    f.serviceId = s.serviceId;
    f.estimate = `${s.ahead}|${s.etaMinutes}`;
    f.calling = callingKey(s.nowCalling);
    f.waiting = s.state === 'waiting' ? this.queue.ctx.ticketById.get(s.id) ?? null : null;
  }

  /** A new play of the forecast: waiting tickets whose place or estimate moved hear it. */
  played(): void {
    const now = this.queue.now();
    for (const [id, f] of this.followed) {
      if (!f.waiting) continue;
      // Only a moved place or estimate costs the full status.
      const e = this.queue.eta.ticket(f.waiting, now);
      if (`${e.ahead}|${e.etaMinutes}` !== f.estimate) this.push(id, f, false);
    }
  }

  close(): void {
    for (const s of this.stops) s();
    this.followed.clear();
  }
}
