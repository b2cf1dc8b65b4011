import http from 'node:http';
import zlib from 'node:zlib';
import { AppError, errorCatalog } from '../../shared/errors';
import { GuessBudget, isError } from '../../shared/guessBudget';
import { HUB_BATCH_GZIP_BYTES, HUB_BATCH_JSON_BYTES, JoinBody, PushBatch } from '../../shared/hubProtocol';
import type { BatchApplier } from '../ingest/batchApplier';
import type { OfficeRegistry } from '../offices/officeRegistry';

export interface HubHttpDeps {
  offices: OfficeRegistry;
  applier: BatchApplier;
  log: (e: Record<string, unknown>) => void;
  now?: () => number;
}

/** Sockets one hub process holds at most: offices push in short requests, so this is generous. */
const MAX_CONNECTIONS = 2000;
/** Sockets one address may hold: an office pushes one batch at a time; a centre behind NAT has a few hosts. */
const MAX_PER_ADDRESS = 32;
const JOIN_BODY_BYTES = 4096;

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > max) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        // Stop reading; the answer closes the connection (see fail), so the rest is never taken in.
        req.pause();
        req.removeAllListeners('data');
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Inflate a gzip body, refusing one that would grow past the cap (a gzip bomb) before it does. */
function inflate(body: Buffer, encoding: string | undefined): Buffer {
  if (!encoding || encoding === 'identity') {
    if (body.length > HUB_BATCH_JSON_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
    return body;
  }
  if (encoding !== 'gzip') throw new AppError('BATCH_MALFORMED', 'Chỉ nhận gói nén gzip');
  try {
    return zlib.gunzipSync(body, { maxOutputLength: HUB_BATCH_JSON_BYTES });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw new AppError('PAYLOAD_TOO_LARGE', 'Gói dữ liệu giải nén quá lớn');
    throw new AppError('BATCH_MALFORMED', 'Gói nén gzip bị hỏng');
  }
}

function parseJson(buf: Buffer): unknown {
  try {
    return JSON.parse(buf.toString('utf8'));
  } catch {
    throw new AppError('BATCH_MALFORMED', 'Không đọc được JSON');
  }
}

/**
 * The hub's HTTP face toward offices: join with a one-time code, push batches. Every guess at a
 * join code is paid for by its address and by everyone before it is checked; a wrong credential
 * costs its address too, so nobody makes the hub hash and look up forever.
 */
export function createHubServer(d: HubHttpDeps): http.Server {
  const now = d.now ?? Date.now;
  const joins = new GuessBudget({ perGuesser: { perMinute: 5, burst: 10 }, overall: { perMinute: 60, burst: 200 }, refusal: 'JOIN_CODE_LOCKED', now });
  const credentials = new GuessBudget({ perGuesser: { perMinute: 30, burst: 30 }, overall: { perMinute: 600, burst: 600 }, refusal: 'RATE_LIMITED', now });

  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
    res.end(text);
  };
  const fail = (res: http.ServerResponse, e: unknown) => {
    if (e instanceof BodyTooLarge) {
      res.setHeader('connection', 'close');
      res.on('finish', () => res.socket?.destroy());
      e = new AppError('PAYLOAD_TOO_LARGE');
    }
    if (e instanceof AppError) return send(res, errorCatalog[e.code].status, { error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } });
    d.log({ level: 'error', msg: 'hub request failed', error: String((e as Error)?.stack ?? e) });
    send(res, 500, { error: { code: 'INTERNAL', message: errorCatalog.INTERNAL.vi } });
  };

  const routes: Record<string, (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>> = {
    'GET /hub/api/health': async (_req, res) => send(res, 200, { ok: true }),
    'POST /hub/api/join': async (req, res) => {
      const parsed = JoinBody.safeParse(parseJson(await readBody(req, JOIN_BODY_BYTES)));
      if (!parsed.success) throw new AppError('BAD_REQUEST', 'Cần mã kết nối (code)');
      const guesser = req.socket.remoteAddress ?? '';
      const answer = await joins.attemptAsync(guesser, () => d.offices.join(parsed.data.code), isError('JOIN_CODE_INVALID'));
      d.log({ level: 'info', msg: 'office joined', office: answer.officeId });
      send(res, 200, answer);
    },
    'POST /hub/api/push': async (req, res) => {
      const token = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(req.headers.authorization ?? '')?.[1];
      const guesser = req.socket.remoteAddress ?? '';
      const office = await credentials.attemptAsync(guesser, async () => {
        if (!token) throw new AppError('HUB_CREDENTIAL_INVALID');
        return d.offices.authenticate(token);
      }, isError('HUB_CREDENTIAL_INVALID'));
      const body = inflate(await readBody(req, HUB_BATCH_GZIP_BYTES), req.headers['content-encoding']);
      const batch = PushBatch.safeParse(parseJson(body));
      if (!batch.success) throw new AppError('BATCH_MALFORMED', batch.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      send(res, 200, await d.applier.apply(office.id, batch.data));
    },
  };

  const server = http.createServer((req, res) => {
    const route = routes[`${req.method} ${(req.url ?? '/').split('?')[0]}`];
    if (!route) return send(res, 404, { error: { code: 'NOT_FOUND', message: errorCatalog.NOT_FOUND.vi } });
    route(req, res).catch((e: unknown) => fail(res, e));
  });
  server.maxConnections = MAX_CONNECTIONS;
  // One stranger must not take every slot: past its share, a new socket from that address is closed at once.
  const perAddress = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? '';
    const held = perAddress.get(address) ?? 0;
    if (held >= MAX_PER_ADDRESS) {
      socket.destroy();
      return;
    }
    perAddress.set(address, held + 1);
    socket.once('close', () => {
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  return server;
}
