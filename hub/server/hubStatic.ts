import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';

/** The province's pages run only the hub's own scripts and talk only to the hub. */
export const HUB_CSP =
  "default-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
};

/** The province screens' page: every screen path under /hub that is not the API. */
const PAGE = 'province.html';
/** The citizens' page (#30): booking at /book, and a ticket's tracking at /t/<office>/<ticket>; no sign-in. */
const BOOK_PAGE = 'book.html';

/**
 * Serves the built screens (`npm run build:renderer`: the province entry, the booking page and the
 * shared assets) for GET under /hub/, /book and /assets/; answers false for anything else. Assets carry content hashes in
 * their names, so they are cached for a year; the page is never cached.
 */
export function hubStaticFiles(root: string): (req: http.IncomingMessage, res: http.ServerResponse) => boolean {
  const base = path.resolve(root);
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const urlPath = (req.url ?? '/').split('?')[0] ?? '/';
    let file: string;
    if (urlPath === '/hub' || (urlPath.startsWith('/hub/') && !urlPath.startsWith('/hub/api/'))) file = path.join(base, PAGE);
    else if (urlPath === '/book' || urlPath.startsWith('/book/') || /^\/t\/o_[0-9a-f]{6,40}\/[A-Za-z0-9]{8,32}$/.test(urlPath)) file = path.join(base, BOOK_PAGE);
    else if (/^\/assets\/[A-Za-z0-9._-]+$/.test(urlPath) || urlPath === '/favicon.svg') file = path.join(base, urlPath);
    else return false;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return false;
    }
    if (!stat.isFile()) return false;
    const page = file.endsWith('.html');
    const gz = !page && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && fs.existsSync(file + '.gz');
    const body = fs.readFileSync(gz ? file + '.gz' : file);
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': page ? 'no-store' : 'public, max-age=31536000, immutable',
      'content-security-policy': HUB_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      ...(gz ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
