import { z } from 'zod';
import { BOOKING_EVENT_TYPES } from '../bookingProtocol';
import { Ticket } from '../domain';

export const EVENT_TYPES = [
  'ticket.issued',
  'ticket.called',
  'ticket.recalled',
  'ticket.serving',
  'ticket.finished',
  'ticket.skipped',
  'ticket.reactivated',
  'ticket.parked',
  'ticket.unparked',
  'ticket.transferred',
  /** A ticket sent to a counter that then closed is back in its service's queue. */
  'ticket.requeued',
  'ticket.cancelled',
  'ticket.rated',
  'ticket.expired',
  'counter.opened',
  'counter.closed',
  'counter.paused',
  'counter.resumed',
  'config.changed',
  /** Close of day: the past day's open tickets expired, counters closed, numbering restarts. */
  'day.closed',
  /** Appointments (#30): written in the same transaction as the booking's change; the hub link carries them. */
  ...BOOKING_EVENT_TYPES,
] as const;
export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;

/** What every screen receives over WS /api/events (and IPC): enough to update without a refetch. */
export const QueueEvent = z.object({
  type: EventType,
  /** Id in the append-only event log; screens resync from GET /api/display when they see a gap. */
  seq: z.number().int(),
  at: z.number().int(),
  ticket: Ticket.nullable(),
  /** For transfers: the new waiting ticket. */
  newTicket: Ticket.nullable().optional(),
  counter: z.object({ id: z.number().int(), number: z.number().int(), name: z.string(), status: z.string() }).nullable(),
  serviceId: z.number().int().nullable(),
  /** Always null since issue #14 (a count over the line at every change); screens read waiting counts from their views. */
  waiting: z.number().int().nullable(),
  reason: z.string().nullable().optional(),
});
export type QueueEvent = z.infer<typeof QueueEvent>;

/** First message on a new socket: the whole display state, so a reconnecting screen is never stale. */
export const HelloMessage = z.object({ type: z.literal('hello'), lastEventSeq: z.number().int() });

/**
 * Pushed when time alone changed what a screen shows (a service opened or closed by its hours, a
 * wait alert appeared or grew): not a change of the queue, so not in the event log and without seq.
 * Alerts go only as a signal; staff screens fetch them with their session. `eta.changed`: a new
 * play of the forecast (after a burst of queue changes, or a minute on), so estimates moved.
 * `skips.changed`: a called citizen's minimum wait ran out, so the counter may now mark a no-show.
 * `ratings.changed`: whom a counter's rating tablet asks changed with time alone (its window ran out).
 * `help.changed`: a kiosk asked for staff, or someone answered (#31); staff and that kiosk refetch.
 */
export const TimeEvent = z.object({ type: z.enum(['services.changed', 'alerts.changed', 'eta.changed', 'skips.changed', 'ratings.changed', 'help.changed']), at: z.number().int() });
export type TimeEvent = z.infer<typeof TimeEvent>;
