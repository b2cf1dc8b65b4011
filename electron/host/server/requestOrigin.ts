import type http from 'node:http';
import { hostOnly } from './hostNames';

/** The Electron shell's own pages: they reach the host over IPC, but may open sockets too. */
const SHELL_ORIGIN = 'app://motcua';

export type OriginVerdict = 'ok' | 'foreign-origin' | 'foreign-host';

/**
 * Cross-site and DNS-rebinding guard for state-changing requests and WebSocket upgrades. A
 * browser always sends Origin on these; a page on another site (or on a rebinding name) therefore
 * shows up either with a foreign Origin or with a Host that is not one of ours. Scripts without
 * Origin (curl, the print agent) are judged by Host alone.
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
