import type http from 'node:http';
import { hostOnly } from './hostNames';

/** The Electron shell's own pages: they reach the host over IPC, but may open sockets too. */
const SHELL_ORIGIN = 'app://motcua';

export type OriginVerdict = 'ok' | 'foreign-origin' | 'foreign-host';

/**
 * Cross-site and DNS-rebinding guard for every API request and WebSocket upgrade. A page on
 * another site that reaches us by address shows a foreign Origin (browsers send it on every
 * state change, upgrade and cross-origin read); a rebinding page sends no Origin on its "same-origin"
 * reads but always carries its own name in Host. Scripts without Origin (curl, the print agent) are
 * judged by Host alone.
 */
export function judgeOrigin(req: http.IncomingMessage, ownNames: ReadonlySet<string>): OriginVerdict {
  const host = hostOnly(String(req.headers.host ?? ''));
  if (!host || !ownNames.has(host)) return 'foreign-host';
  const origin = req.headers.origin;
  if (origin === undefined) return 'ok';
  if (origin === SHELL_ORIGIN) return 'ok';
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return 'foreign-origin';
  }
  // Same origin: the page was served by us under the very name it is now talking to.
  if (parsed.host.toLowerCase() === String(req.headers.host ?? '').toLowerCase()) return 'ok';
  return 'foreign-origin';
}
