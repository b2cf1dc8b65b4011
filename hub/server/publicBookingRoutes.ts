import type pg from 'pg';
import { isError } from '../../shared/guessBudget';
import { PublicBookBody, PublicCodeBody, PublicOfficeQuery, PublicSlotsQuery, PublicTicketQuery } from '../../shared/hubBooking';
import { SharedGuessBudget } from '../guessing/sharedGuessBudget';
import { trackTicket } from '../booking/ticketTracking';
import type { BookingDesk } from '../booking/bookingDesk';
import type { PublicOffers } from '../booking/publicOffers';
import { guesserOf } from './clientAddress';
import type { HubRouteTable } from './hubRoutes';
import { readForm, readQuery } from './provinceBody';

export interface PublicBookingDeps {
  db: pg.Pool;
  offers: PublicOffers;
  desk: BookingDesk;
  now: () => number;
}

/**
 * The citizen's booking pages (no sign-in): offices, an office's procedures and days, a day's slots,
 * booking, and finding or cancelling by code. Every input is validated; writes are JSON from the
 * hub's own page only. Limits and code guesses are charged by the caller's address (guesserOf).
 */
export function publicBookingRoutes(d: PublicBookingDeps): HubRouteTable {
  // A tracking phone asks every few seconds with the right id (refunded); a wrong id is a guess.
  const tickets = new SharedGuessBudget(d.db, { name: 'ticket-track', perGuesser: { burst: 20, perMinute: 10 }, overall: { burst: 600, perMinute: 300 }, refusal: 'RATE_LIMITED', now: d.now });
  return {
    'GET /hub/api/public/ticket': async (req, res, send) => {
      const q = readQuery(req, PublicTicketQuery);
      send(res, 200, await tickets.attemptAsync(guesserOf(req), () => trackTicket(d.db, q.office, q.id, d.now()), isError('TICKET_NOT_FOUND')));
    },
    'GET /hub/api/public/offices': async (_req, res, send) => send(res, 200, { offices: await d.offers.offices() }),
    'GET /hub/api/public/office': async (req, res, send) => send(res, 200, await d.offers.office(readQuery(req, PublicOfficeQuery).id)),
    'GET /hub/api/public/slots': async (req, res, send) => {
      const q = readQuery(req, PublicSlotsQuery);
      send(res, 200, { slots: await d.offers.slots(q.office, q.service, q.day) });
    },
    'POST /hub/api/public/bookings': async (req, res, send) => {
      const b = await readForm(req, PublicBookBody);
      send(res, 201, await d.desk.book({ officeId: b.office, serviceId: b.service, start: b.start, phone: b.phone, idNumber: b.idNumber, address: guesserOf(req) }));
    },
    'POST /hub/api/public/bookings/find': async (req, res, send) => send(res, 200, await d.desk.find((await readForm(req, PublicCodeBody)).code, guesserOf(req))),
    'POST /hub/api/public/bookings/cancel': async (req, res, send) => send(res, 200, await d.desk.cancel((await readForm(req, PublicCodeBody)).code, guesserOf(req))),
  };
}
