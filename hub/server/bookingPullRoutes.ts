import { z } from 'zod';
import { pullBookings } from '../booking/bookingPull';
import type pg from 'pg';
import type { HubRouteTable } from './hubRoutes';
import type { OfficeCredentials } from './officeCredential';
import { readQuery } from './provinceBody';

const PullQuery = z.object({ after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict();

/** The office's pull of its bookings (`GET /hub/api/bookings?after=<hubSeq>`), with its credential and its guess budget. */
export function bookingPullRoutes(d: { db: pg.Pool; credentials: OfficeCredentials }): HubRouteTable {
  return {
    'GET /hub/api/bookings': async (req, res, send) => {
      const office = await d.credentials.office(req);
      send(res, 200, await pullBookings(d.db, office.id, readQuery(req, PullQuery).after));
    },
  };
}
