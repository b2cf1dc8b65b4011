import { AppError } from '../../shared/errors';
import { HubSetupBody, HubSignInBody } from '../../shared/hubBoard';
import { HubAccess, clearedCookie, cookieToken, sessionCookie } from '../auth/hubAccess';
import type { HubSessions } from '../auth/hubSessions';
import type { HubSetup } from '../auth/hubSetup';
import type { HubSignIn } from '../auth/hubSignIn';
import { guesserOf } from './clientAddress';
import type { HubRouteTable } from './hubRoutes';
import { readForm } from './provinceBody';

export interface ProvinceAuthDeps {
  setup: HubSetup;
  sessions: HubSessions;
  signIn: HubSignIn;
  access: HubAccess;
  /** A signed-out user's live board sockets close. */
  signedOut: (userId: number) => void;
  log: (e: Record<string, unknown>) => void;
}

/** Setup link, sign-in, sign-out and "who am I" for the province's screens. */
export function provinceAuthRoutes(d: ProvinceAuthDeps): HubRouteTable {
  return {
    'GET /hub/api/me': async (req, res, send) => send(res, 200, await d.access.user(req)),
    'POST /hub/api/setup/check': async (req, res, send) => {
      const { token } = await readForm(req, HubSetupBody.pick({ token: true }));
      if (!(await d.setup.tokenValid(token))) throw new AppError('SETUP_TOKEN_INVALID');
      send(res, 200, { ok: true });
    },
    'POST /hub/api/setup': async (req, res, send) => {
      const body = await readForm(req, HubSetupBody);
      const me = await d.setup.complete(body.token, body.name, body.password);
      d.log({ level: 'info', msg: 'province admin created by setup link', user: me.name });
      res.setHeader('set-cookie', sessionCookie(await d.sessions.start(me.id), req));
      send(res, 201, me);
    },
    'POST /hub/api/sign-in': async (req, res, send) => {
      const body = await readForm(req, HubSignInBody);
      const me = await d.signIn.signIn(body.name, body.password, guesserOf(req));
      res.setHeader('set-cookie', sessionCookie(await d.sessions.start(me.id), req));
      send(res, 200, me);
    },
    'POST /hub/api/sign-out': async (req, res, send) => {
      const token = cookieToken(req);
      if (token) {
        const me = await d.sessions.resolve(token);
        await d.sessions.end(token);
        if (me) d.signedOut(me.id);
      }
      res.setHeader('set-cookie', clearedCookie);
      send(res, 200, { ok: true });
    },
  };
}
