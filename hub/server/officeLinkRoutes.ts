import { AppError } from '../../shared/errors';
import type pg from 'pg';
import { isError } from '../../shared/guessBudget';
import { HUB_BATCH_GZIP_BYTES, JoinBody, PushBatch } from '../../shared/hubProtocol';
import { SharedGuessBudget } from '../guessing/sharedGuessBudget';
import type { BatchApplier } from '../ingest/batchApplier';
import type { OfficeRegistry } from '../offices/officeRegistry';
import { guesserOf, inflate, parseJson, readBody } from './httpBody';
import type { HubRouteTable } from './hubRoutes';

const JOIN_BODY_BYTES = 4096;

export interface OfficeLinkDeps {
  db: pg.Pool;
  offices: OfficeRegistry;
  applier: BatchApplier;
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
  const credentials = new SharedGuessBudget(d.db, { name: 'credential', perGuesser: { perMinute: 30, burst: 30 }, overall: { perMinute: 600, burst: 600 }, refusal: 'RATE_LIMITED', now: d.now });
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
      const token = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(req.headers.authorization ?? '')?.[1];
      const office = await credentials.attemptAsync(guesserOf(req), async () => {
        if (!token) throw new AppError('HUB_CREDENTIAL_INVALID');
        return d.offices.authenticate(token);
      }, isError('HUB_CREDENTIAL_INVALID'));
      const body = inflate(await readBody(req, HUB_BATCH_GZIP_BYTES), req.headers['content-encoding']);
      const batch = PushBatch.safeParse(parseJson(body));
      if (!batch.success) throw new AppError('BATCH_MALFORMED', batch.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      send(res, 200, await d.applier.apply(office.id, batch.data));
    },
  };
}
