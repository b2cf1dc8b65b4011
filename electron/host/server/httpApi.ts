import type http from 'node:http';
import { ZodError } from 'zod';
import { contract } from '../../../shared/api/contract';
import type { RouteName } from '../../../shared/api/contract';
import { AppError, errorCatalog } from '../../../shared/errors';
import type { ErrorCode } from '../../../shared/errors';
import type { AuthService, Session } from '../auth/authService';
import type { CallContext, Handlers } from './apiHandlers';
import { callerAllowed } from '../../../shared/api/access';
import type { Device, DeviceRegistry } from '../auth/deviceRegistry';
import type { OfficeSetup } from '../auth/officeSetup';
import type { RateLimiter } from '../../../shared/rateLimiter';
import { compileRoutes, matchRoute } from './routeTable';

export const SESSION_COOKIE = 'motcua_session';
const MAX_BODY = 64 * 1024;
// What a phone may legitimately send: a rating with a comment, a ticket request, a sign-in.
const ANONYMOUS_MAX_BODY = 8 * 1024;
// Routes that carry an image (office logo, officer photo) as a data URL.
const IMAGE_ROUTES = new Set<RouteName>(['setOfficeSettings', 'saveOfficer']);
const MAX_IMAGE_BODY = 1024 * 1024;
// Recorded voice clips (≤ 1 MB of WAV) and voice packs (≤ 32 MB of zip), base64 in JSON.
const VOICE_BODY: Partial<Record<RouteName, number>> = { saveVoiceClip: 2 * 1024 * 1024, importVoicePack: 44 * 1024 * 1024, importLangPack: 3 * 1024 * 1024 };

export type Logger = (entry: Record<string, unknown>) => void;

class BodyError extends AppError {}

function readBody(req: http.IncomingMessage, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new BodyError('PAYLOAD_TOO_LARGE'));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > limit) {
        failed = true;
        reject(new BodyError('PAYLOAD_TOO_LARGE'));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (failed) return;
      if (size === 0) return resolve(undefined);
      const type = String(req.headers['content-type'] ?? '');
      if (!/^application\/json\b/i.test(type)) return reject(new BodyError('UNSUPPORTED_MEDIA_TYPE'));
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new BodyError('BAD_REQUEST', 'Dữ liệu JSON không hợp lệ'));
      }
    });
    req.on('error', reject);
  });
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    const v = part.slice(i + 1).trim();
    try {
      out[k] = decodeURIComponent(v);
    } catch {
      // A malformed cookie is ignored, not an error for the whole request.
    }
  }
  return out;
}

export const DEVICE_COOKIE = 'motcua_device';

/** The device credential: the httpOnly cookie a paired browser holds, or a header for scripts. */
export function deviceToken(req: http.IncomingMessage): string | undefined {
  const header = req.headers['x-device-token'];
  if (typeof header === 'string' && header) return header.trim();
  return parseCookies(req.headers.cookie)[DEVICE_COOKIE];
}

function deviceCookie(token: string): string {
  // Ten years: a kiosk is paired once, not every morning.
  return `${DEVICE_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${10 * 365 * 24 * 3600}`;
}

export function sessionToken(req: http.IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  return parseCookies(req.headers.cookie)[SESSION_COOKIE];
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string | string[]> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extraHeaders,
  });
  res.end(text);
}

export function sendError(res: http.ServerResponse, code: ErrorCode, message?: string, details?: unknown, headers: Record<string, string> = {}): void {
  const status = errorCatalog[code].status;
  sendJson(res, status, { error: { code, message: message ?? errorCatalog[code].vi, ...(details === undefined ? {} : { details }) } }, headers);
}

function sessionCookie(token: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAgeSeconds}`;
}

/** Serves every contract route over HTTP JSON; returns false when the path is not an API path. */
/**
 * How much body this caller may send to this route. Decided from the headers alone, before a
 * byte of the body is read, so an anonymous flood of large bodies costs nothing to refuse.
 */
function bodyLimit(name: RouteName, session: Session | null, device: Device | null): number {
  if (name === 'completeSetup') return MAX_BODY;
  if (!session) return device ? MAX_BODY : ANONYMOUS_MAX_BODY;
  if (session.kind === 'admin' && IMAGE_ROUTES.has(name)) return MAX_IMAGE_BODY;
  if (session.kind === 'admin' && VOICE_BODY[name]) return VOICE_BODY[name];
  return MAX_BODY;
}

/** A refusal sent before the body was read: close the connection instead of draining it. */
export function refuseEarly(req: http.IncomingMessage, res: http.ServerResponse, e: AppError): void {
  const pending = req.method === 'POST' && !req.complete;
  sendError(res, e.code, e.message, undefined, pending ? { Connection: 'close' } : {});
  if (pending) res.once('finish', () => req.destroy());
}

export interface AccessDeps {
  devices: DeviceRegistry;
  setup: OfficeSetup;
  /** Office setting: phones on the Wi-Fi may take a number themselves. */
  phonesMayTakeNumber: () => boolean;
  /** Per-device (or, for phones, per-address) limit on issuing. */
  issueLimiter?: RateLimiter;
  phoneIssueLimiter?: RateLimiter;
  /** All phones together: one person with many addresses is still one budget. */
  phoneIssueOverall?: RateLimiter;
}

// Until the first-time setup is done nothing staff- or admin-side works: there is no password yet.
const needsSetup = (name: RouteName) => contract[name].auth !== 'public' || name === 'login' || name === 'adminLogin' || name === 'pairDevice';

export function createApiHandler(handlers: Handlers, auth: AuthService, log: Logger, access: AccessDeps) {
  const routes = compileRoutes();
  return async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const matched = matchRoute(routes, method === 'HEAD' ? 'GET' : method, url.pathname);
    if (matched === null) return refuseEarly(req, res, new AppError('NOT_FOUND'));
    if (matched === 'method') return refuseEarly(req, res, new AppError('METHOD_NOT_ALLOWED'));
    if (matched === 'malformed') return refuseEarly(req, res, new AppError('BAD_REQUEST', 'Đường dẫn không hợp lệ'));
    const name: RouteName = matched.route.name;
    const def = contract[name];
    const client = req.socket.remoteAddress ?? '?';
    let session: Session | null = null;
    let device: Device | null = null;
    try {
      // Who is calling decides everything else, and is known from the headers alone.
      device = access.devices.identify(deviceToken(req), client);
      const phones = access.phonesMayTakeNumber();
      if (!callerAllowed(name, device?.role ?? null, { phonesMayTakeNumber: phones })) throw new AppError(device ? 'DEVICE_ROLE' : 'DEVICE_NOT_ENROLLED');
      if (needsSetup(name) && !access.setup.isDone()) throw new AppError('SETUP_REQUIRED');
      session = device ? auth.session(sessionToken(req), device.id) : null;
      if (def.auth === 'staff' && !session) throw new AppError('UNAUTHORIZED');
      if (def.auth === 'admin' && session?.kind !== 'admin') throw new AppError(session ? 'FORBIDDEN' : 'UNAUTHORIZED');
      // A check-in scan may issue a number too: the same per-kiosk limit as the number button.
      if (name === 'issueTicket' || name === 'checkin') {
        const limiter = device ? access.issueLimiter : access.phoneIssueLimiter;
        if (limiter && !limiter.take(device ? `device:${device.id}` : client)) throw new AppError('RATE_LIMITED');
        if (!device && access.phoneIssueOverall && !access.phoneIssueOverall.take('')) throw new AppError('RATE_LIMITED');
      }
    } catch (e) {
      return refuseEarly(req, res, e instanceof AppError ? e : new AppError('INTERNAL'));
    }
    try {
      const rawBody = method === 'POST' ? await readBody(req, bodyLimit(name, session, device)) : undefined;
      const query = Object.fromEntries(url.searchParams.entries());
      const input = {
        params: def.params.parse(matched.params),
        query: def.query.parse(query),
        body: def.body.parse(rawBody ?? {}),
      };
      const handler = handlers[name] as (i: typeof input, c: CallContext) => unknown;
      const output = def.response.parse(await handler(input, { session, client, device }));
      const headers: Record<string, string | string[]> = {};
      if ((name === 'login' || name === 'adminLogin') && output && typeof output === 'object' && 'token' in output) {
        headers['Set-Cookie'] = sessionCookie(String(output.token), name === 'login' ? 14 * 3600 : 2 * 3600);
      }
      if (name === 'logout') headers['Set-Cookie'] = sessionCookie('', 0);
      if (name === 'pairDevice' || name === 'completeSetup') {
        const o = output as { token?: string; deviceToken?: string };
        headers['Set-Cookie'] = deviceCookie(String(o.token ?? o.deviceToken ?? ''));
      }
      sendJson(res, 'statusOf' in def && def.statusOf ? (def.statusOf as (o: unknown) => number)(output) : def.status ?? 200, output, headers);
    } catch (e) {
      if (e instanceof ZodError) {
        return sendError(res, 'BAD_REQUEST', 'Dữ liệu không hợp lệ', e.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })));
      }
      if (e instanceof AppError) {
        if (e.code === 'PAYLOAD_TOO_LARGE') return refuseEarly(req, res, e);
        if (e.status >= 500) log({ level: 'error', msg: 'api error', route: name, code: e.code, detail: String(e.details ?? '') });
        // A refusal's details (which fields are wrong) go to the caller; a failure's stay in the log.
        return sendError(res, e.code, e.message, e.status < 500 ? (e.details ?? undefined) : undefined);
      }
      log({ level: 'error', msg: 'unhandled api error', route: name, error: String((e as Error)?.stack ?? e) });
      return sendError(res, 'INTERNAL');
    }
  };
}
