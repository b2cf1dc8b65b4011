import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { BookingPullAnswer } from '../../../shared/bookingProtocol';
import type { BookingOffer, OfferedSlot } from '../../../shared/bookingProtocol';
import type { Appointments } from './appointments';

const VERSION_KEY = 'bookingOfferVersion';
const CURSOR_KEY = 'bookingPullSeq';
/** A new day comes into reach and slots begin: the offer is read again at least this often. */
const REREAD_MS = 60_000;

/** What the province link needs of appointments (#30): the offer to push, and where pulled bookings go. */
export interface BookingLinkSource {
  /** The offer to send to this hub, or null when it already holds this version. */
  pending(hub: string): { offer: BookingOffer; mark: string } | null;
  /** The hub answered that it holds `version`. */
  acknowledged(mark: string, version: number | null | undefined): void;
  /** The last hub sequence applied here: the next pull asks for what came after. */
  cursor(): number;
  /** Apply one pulled page (validated here: the hub is another machine). */
  apply(body: unknown): BookingPullAnswer;
}

interface Stored {
  version: number;
  hash: string;
}

/**
 * The office's booking offer (#30): every slot still to come within each service's days ahead,
 * with the capacity the hub may book — the rule's hub share, less what staff bookings have taken
 * beyond the rest of the slot — and the window, the zone and the card-matching key. Its version
 * goes up (kept in the office's settings, so a restart does not reuse one) only when its content
 * changed. Read again when a booking or a rule changed, and at least once a minute.
 */
export class BookingOfferSource implements BookingLinkSource {
  private readonly officeHeld: Database.Statement<[number], { service_id: number; slot_start: number; n: number }>;
  private dirty = true;
  private readAt = -Infinity;
  private current: BookingOffer | null = null;
  private acked: string | null = null;

  constructor(private readonly appointments: Appointments) {
    // Plan: bookings_by_slot range over what is still to come.
    this.officeHeld = appointments.queue.ctx.db.prepare(
      "SELECT service_id, slot_start, count(*) AS n FROM bookings WHERE slot_start > ? AND state IN ('booked', 'checkedIn') AND source = 'office' GROUP BY service_id, slot_start",
    );
    const previous = appointments.book.onChange;
    appointments.book.onChange = () => {
      previous();
      this.dirty = true;
    };
    appointments.queue.onEvent((e) => {
      if (e.type === 'config.changed') this.dirty = true;
    });
  }

  /** A rule, the hours or a booking changed: the next push reads the offer again. */
  invalidate(): void {
    this.dirty = true;
  }

  offer(): BookingOffer {
    const { queue, rules, matchKey } = this.appointments;
    const now = queue.now();
    if (this.current && !this.dirty && now - this.readAt < REREAD_MS) return this.current;
    this.dirty = false;
    this.readAt = now;
    const ruleOf = new Map(rules.list().map((r) => [r.serviceId, r]));
    const held = new Map(this.officeHeld.all(now).map((r) => [`${r.service_id} ${r.slot_start}`, r.n]));
    const slots: OfferedSlot[] = rules.upcoming().map((s) => {
      const rule = ruleOf.get(s.serviceId)!;
      const office = held.get(`${s.serviceId} ${s.start}`) ?? 0;
      return { serviceId: s.serviceId, start: s.start, minutes: s.minutes, capacity: Math.max(0, Math.min(rule.hubShare, rule.capacity - office)) };
    });
    const serviceIds = new Set(slots.map((s) => s.serviceId));
    const services = [...serviceIds].map((id) => {
      const row = queue.ctx.serviceById.get(id)!;
      return { id, nameVi: row.name_vi.slice(0, 300), nameEn: row.name_en.slice(0, 300) };
    });
    const office = queue.settings.get();
    const content = { timeZone: office.timeZone, services, slots, window: office.appointments, matchKey: matchKey.value() };
    const hash = crypto.createHash('sha256').update(JSON.stringify(content)).digest('base64url');
    let stored = queue.settings.getRaw<Stored>(VERSION_KEY);
    if (!stored || stored.hash !== hash) {
      stored = { version: (stored?.version ?? 0) + 1, hash };
      queue.settings.setRaw(VERSION_KEY, stored);
    }
    this.current = { version: stored.version, ...content };
    return this.current;
  }

  pending(hub: string): { offer: BookingOffer; mark: string } | null {
    const offer = this.offer();
    const mark = `${hub} ${offer.version}`;
    return mark === this.acked ? null : { offer, mark };
  }

  acknowledged(mark: string, version: number | null | undefined): void {
    if (version !== undefined && version !== null && mark.endsWith(` ${version}`)) this.acked = mark;
  }

  cursor(): number {
    const stored = this.appointments.queue.settings.getRaw<number>(CURSOR_KEY);
    return Math.max(typeof stored === 'number' ? stored : 0, this.appointments.book.lastHubSeq());
  }

  apply(body: unknown): BookingPullAnswer {
    const page = BookingPullAnswer.parse(body);
    const { queue, book } = this.appointments;
    queue.ctx.tx(() => {
      book.applyPulled(page.bookings);
      // The cursor moves with what was applied, in the same transaction (a page of a service since removed included).
      const last = page.bookings.reduce((m, b) => Math.max(m, b.hubSeq), this.cursor());
      queue.settings.setRaw(CURSOR_KEY, last);
    });
    return page;
  }
}
