import type http from 'node:http';
import { AppError } from '../../shared/errors';
import type { HubMe } from '../../shared/hubBoard';
import { HUB_SESSION_MS } from './hubSessions';
import type { HubSessions } from './hubSessions';

export const SESSION_COOKIE = 'motcua_hub';

export function cookieToken(req: http.IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === SESSION_COOKIE && v && /^[A-Za-z0-9_-]{20,100}$/.test(v)) return v;
  }
  return null;
}

/** HttpOnly (no script reads it), SameSite=Strict (no other site sends it), only under /hub. */
export function sessionCookie(token: string, req: http.IncomingMessage): string {
  const secure = req.headers['x-forwarded-proto'] === 'https' || (req.socket as { encrypted?: boolean }).encrypted ? '; Secure' : '';
  return `${SESSION_COOKIE}=${token}; Path=/hub; HttpOnly; SameSite=Strict; Max-Age=${HUB_SESSION_MS / 1000}${secure}`;
}
export const clearedCookie = `${SESSION_COOKIE}=; Path=/hub; HttpOnly; SameSite=Strict; Max-Age=0`;

/**
 * A request from another site's page must not act with the user's cookie: SameSite=Strict already
 * keeps it away, and a browser's Origin, when sent, must be this hub's own.
 */
export function sameOrigin(req: http.IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** Who is signed in: every province route and the board's socket start here. */
export class HubAccess {
  constructor(private readonly sessions: HubSessions) {}

  async user(req: http.IncomingMessage): Promise<HubMe> {
    const token = cookieToken(req);
    const me = token ? await this.sessions.resolve(token) : null;
    if (!me) throw new AppError('UNAUTHORIZED');
    return me;
  }

  async admin(req: http.IncomingMessage): Promise<HubMe> {
    const me = await this.user(req);
    if (me.role !== 'province_admin') throw new AppError('FORBIDDEN', 'Chỉ quản trị tỉnh được làm việc này');
    return me;
  }
}

/** An office viewer sees its own office and nothing else; a province admin every office. */
export function maySeeOffice(me: HubMe, officeId: string): boolean {
  return me.role === 'province_admin' || me.officeId === officeId;
}

/** The offices a user's answers are limited to: null for all. */
export const officeScope = (me: HubMe): string[] | null => (me.role === 'province_admin' ? null : [me.officeId ?? '']);
