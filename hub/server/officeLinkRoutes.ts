import { AppError } from '../../shared/errors';
import type pg from 'pg';
import { isError } from '../../shared/guessBudget';
import { HUB_BATCH_GZIP_BYTES, JoinBody, PushBatch } from '../../shared/hubProtocol';
import { SharedGuessBudget } from '../guessing/sharedGuessBudget';
import type { BatchApplier } from '../ingest/batchApplier';
import type { OfficeRegistry } from '../offices/officeRegistry';
import type { OfficeCredentials } from './officeCredential';
import { guesserOf } from './clientAddress';
import { inflate, parseJson, readBody } from './httpBody';
import type { HubRouteTable } from './hubRoutes';

const JOIN_BODY_BYTES = 4096;

export interface OfficeLinkDeps {
  db: pg.Pool;
  offices: OfficeRegistry;
  /** The credential check and its guess budget, shared with every other route an office calls. */
  credentials: OfficeCredentials;
  applier: BatchApplier;
  /** After a push is applied: what the office said beyond its events and health. */
  afterPush?: (officeId: string, batch: PushBatch) => Promise<void>;
  /** The province's latest catalogue version, told in every push answer so an office pulls only when it changed. */
  catalogueVersion?: () => Promise<number | null>;
  /** The version of the office's booking offer the hub holds (null: none yet), told in every push answer: a hub that says it takes bookings. */
  bookingOfferVersion?: (officeId: string) => Promise<number | null>;
  /** Where citizens reach the hub from the internet: offices point their tickets' QR at its tracking page. */
  publicUrl?: string;
  log: (e: Record<string, unknown>) => void;
  now: () => number;
}

/**
 * What offices call: join with a one-time code, push batches. Every guess at a join code is paid for
 * by its address and by everyone before it is checked; a wrong credential costs its address too, so
 * nobody makes the hub hash and look up forever.
 */
export function officeLinkRoutes(d: OfficeLinkDeps): HubRouteTable {
  const joins = new SharedGuessBudget(d.db, { name: 'join', perGuesser: { perMinute: 5, burst: 10 }, overall: { perMinute: 60, burst: 200 }, refusal: 'JOIN_CODE_LOCKED', now: d.now });
  return {
    'GET /hub/api/health': async (_req, res, send) => send(res, 200, { ok: true }),
    'POST /hub/api/join': async (req, res, send) => {
      const parsed = JoinBody.safeParse(parseJson(await readBody(req, JOIN_BODY_BYTES)));
      if (!parsed.success) throw new AppError('BAD_REQUEST', 'Cần mã kết nối (code)');
      const answer = await joins.attemptAsync(guesserOf(req), () => d.offices.join(parsed.data.code), isError('JOIN_CODE_INVALID'));
      d.log({ level: 'info', msg: 'office joined', office: answer.officeId });
      send(res, 200, answer);
    },
    'POST /hub/api/push': async (req, res, send) => {
      const office = await d.credentials.office(req);
      const body = inflate(await readBody(req, HUB_BATCH_GZIP_BYTES), req.headers['content-encoding']);
      const batch = PushBatch.safeParse(parseJson(body));
      if (!batch.success) throw new AppError('BATCH_MALFORMED', batch.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      const answer = await d.applier.apply(office.id, batch.data);
      await d.afterPush?.(office.id, batch.data);
      send(res, 200, {
        ...answer,
        ...(d.catalogueVersion ? { catalogueVersion: await d.catalogueVersion() } : {}),
        ...(d.bookingOfferVersion ? { bookingOfferVersion: await d.bookingOfferVersion(office.id) } : {}),
        ...(d.publicUrl ? { publicUrl: d.publicUrl } : {}),
      });
    },
  };
}
