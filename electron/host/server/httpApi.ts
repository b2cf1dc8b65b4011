import type http from 'node:http';
import { ZodError } from 'zod';
import { contract } from '../../../shared/api/contract';
import type { RouteName } from '../../../shared/api/contract';
import { AppError, errorCatalog } from '../../../shared/errors';
import type { ErrorCode } from '../../../shared/errors';
import type { AuthService } from '../auth/authService';
import type { Handlers } from './apiHandlers';
import type { RateLimiter } from './rateLimiter';
import { compileRoutes, matchRoute } from './routeTable';

export const SESSION_COOKIE = 'motcua_session';
const MAX_BODY = 64 * 1024;
// Routes that carry an image (office logo, officer photo) as a data URL.
const IMAGE_ROUTES = new Set<RouteName>(['setOfficeSettings', 'saveOfficer']);
const MAX_IMAGE_BODY = 1024 * 1024;

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

export function sendError(res: http.ServerResponse, code: ErrorCode, message?: string, details?: unknown): void {
  const status = errorCatalog[code].status;
  sendJson(res, status, { error: { code, message: message ?? errorCatalog[code].vi, ...(details === undefined ? {} : { details }) } });
}

function sessionCookie(token: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAgeSeconds}`;
}

/** Serves every contract route over HTTP JSON; returns false when the path is not an API path. */
export function createApiHandler(handlers: Handlers, auth: AuthService, log: Logger, issueLimiter?: RateLimiter) {
  const routes = compileRoutes();
  return async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const matched = matchRoute(routes, method === 'HEAD' ? 'GET' : method, url.pathname);
    if (matched === null) return sendError(res, 'NOT_FOUND');
    if (matched === 'method') return sendError(res, 'METHOD_NOT_ALLOWED');
    const name: RouteName = matched.route.name;
    const def = contract[name];
    try {
      const rawBody = method === 'POST' ? await readBody(req, IMAGE_ROUTES.has(name) ? MAX_IMAGE_BODY : MAX_BODY) : undefined;
      if (name === 'issueTicket' && issueLimiter && !issueLimiter.take(req.socket.remoteAddress ?? '?')) throw new AppError('RATE_LIMITED');
      const session = auth.session(sessionToken(req));
      if (def.auth === 'staff' && !session) throw new AppError('UNAUTHORIZED');
      if (def.auth === 'admin' && session?.kind !== 'admin') throw new AppError(session ? 'FORBIDDEN' : 'UNAUTHORIZED');
      const query = Object.fromEntries(url.searchParams.entries());
      const input = {
        params: def.params.parse(matched.params),
        query: def.query.parse(query),
        body: def.body.parse(rawBody ?? {}),
      };
      const handler = handlers[name] as (i: typeof input, c: { session: typeof session }) => unknown;
      const output = def.response.parse(await handler(input, { session }));
      const headers: Record<string, string> = {};
      if ((name === 'login' || name === 'adminLogin') && output && typeof output === 'object' && 'token' in output) {
        headers['Set-Cookie'] = sessionCookie(String(output.token), name === 'login' ? 14 * 3600 : 2 * 3600);
      }
      if (name === 'logout') headers['Set-Cookie'] = sessionCookie('', 0);
      sendJson(res, def.status ?? 200, output, headers);
    } catch (e) {
      if (e instanceof ZodError) {
        return sendError(res, 'BAD_REQUEST', 'Dữ liệu không hợp lệ', e.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })));
      }
      if (e instanceof AppError) {
        if (e.status >= 500) log({ level: 'error', msg: 'api error', route: name, code: e.code, detail: String(e.details ?? '') });
        return sendError(res, e.code, e.message);
      }
      log({ level: 'error', msg: 'unhandled api error', route: name, error: String((e as Error)?.stack ?? e) });
      return sendError(res, 'INTERNAL');
    }
  };
}
