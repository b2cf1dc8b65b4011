import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.webm': 'audio/webm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Resolve a URL path inside `root`, refusing anything that escapes it (../, encoded or not, NUL). */
export function safeResolve(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = path.resolve(root);
  const full = path.resolve(base, '.' + path.posix.normalize('/' + decoded.replace(/\\/g, '/')));
  if (full !== base && !full.startsWith(base + path.sep)) return null;
  return full;
}

// Text assets are precompressed at build time (scripts/precompress.ts writes `x.js.br` and
// `x.js.gz` beside `x.js`): the host only picks the variant the browser accepts — brotli first,
// then gzip, then the file itself — and compresses nothing while it runs, so no cache grows with
// the files it has sent. A variant older than its file (a build half-copied over) is ignored.
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/i;

export type ContentCoding = 'br' | 'gzip' | 'identity';
const SUFFIX: Record<Exclude<ContentCoding, 'identity'>, string> = { br: '.br', gzip: '.gz' };

/** q-value per coding named in an Accept-Encoding header (RFC 9110 §12.5.3); `*` covers the rest. */
function acceptedQ(header: string): (coding: ContentCoding) => number {
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const v = qp ? Number(qp.slice(2)) : 1;
    q.set(name, Number.isFinite(v) ? v : 0);
  }
  return (coding) => {
    const named = q.get(coding) ?? (coding === 'gzip' ? q.get('x-gzip') : undefined);
    if (named !== undefined) return named;
    const star = q.get('*');
    if (star !== undefined) return star;
    // Not named: identity stays acceptable (as the last choice), every other coding is not.
    return coding === 'identity' ? 0.001 : 0;
  };
}

/**
 * The coding to send, among those on disk: the highest q the browser gave, brotli before gzip
 * before identity at equal q. Identity when nothing else is acceptable (a 406 helps no kiosk).
 */
export function chooseCoding(acceptEncoding: string, available: readonly ContentCoding[]): ContentCoding {
  const q = acceptedQ(acceptEncoding);
  let best: ContentCoding = 'identity';
  let bestQ = 0;
  for (const c of ['br', 'gzip', 'identity'] as const) {
    if (c !== 'identity' && !available.includes(c)) continue;
    const v = q(c);
    if (v > bestQ) {
      best = c;
      bestQ = v;
    }
  }
  return best;
}

function variant(file: string, stat: fs.Stats, coding: Exclude<ContentCoding, 'identity'>): fs.Stats | null {
  try {
    const v = fs.statSync(file + SUFFIX[coding]);
    return v.isFile() && v.mtimeMs >= stat.mtimeMs ? v : null;
  } catch {
    return null;
  }
}

/** Strong validator per file version and coding (a gzip body is not the brotli body). */
const etagOf = (stat: fs.Stats, coding: ContentCoding) => `"${stat.size.toString(36)}-${Math.trunc(stat.mtimeMs).toString(36)}${coding === 'identity' ? '' : '-' + coding}"`;

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v === etag || v === `W/${etag}`;
  });
}

/**
 * True when `file` really lies inside `realRoot` (itself a real path): its links followed. A path
 * can be inside a folder by its name and outside by its target.
 */
function reallyInside(realRoot: string, file: string): boolean {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return false;
  }
  return real === realRoot || real.startsWith(realRoot + path.sep);
}

/** `within`: a real folder the file (and any precompressed variant sent for it) must really be in. */
export function sendFile(res: http.ServerResponse, file: string, method: string, acceptEncoding = '', ifNoneMatch?: string, within?: string): boolean {
  if (within !== undefined && !reallyInside(within, file)) return false;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return false;
  }
  if (!stat.isFile()) return false;
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const immutable = /\/assets\//.test(file.replace(/\\/g, '/'));
  const compressible = COMPRESSIBLE.test(file);
  const variants = new Map<ContentCoding, fs.Stats>();
  if (compressible) {
    for (const c of ['br', 'gzip'] as const) {
      const v = variant(file, stat, c);
      if (v && (within === undefined || reallyInside(within, file + SUFFIX[c]))) variants.set(c, v);
    }
  }
  const coding = chooseCoding(acceptEncoding, [...variants.keys()]);
  const body = coding === 'identity' ? { path: file, size: stat.size } : { path: file + SUFFIX[coding], size: (variants.get(coding) as fs.Stats).size };
  const etag = etagOf(stat, coding);
  const headers: http.OutgoingHttpHeaders = {
    'Content-Type': type,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: etag,
    // Caches must keep the codings apart even when only identity is on disk today.
    ...(compressible ? { Vary: 'Accept-Encoding' } : {}),
  };
  if (matches(ifNoneMatch, etag)) {
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  res.writeHead(200, { ...headers, 'Content-Length': body.size, ...(coding === 'identity' ? {} : { 'Content-Encoding': coding }) });
  if (method === 'HEAD') {
    res.end();
    return true;
  }
  fs.createReadStream(body.path).pipe(res);
  return true;
}

export interface StaticMount {
  prefix: string;
  /** Searched in order: an office's own files first, then the shipped defaults. */
  dirs: string[];
}

function realDir(dir: string): string | null {
  try {
    return fs.realpathSync(dir);
  } catch {
    return null;
  }
}

/**
 * Files under a URL prefix from folders an office fills itself (DATA/audio). The name check alone
 * is not enough there: a link dropped into the folder (by a restored backup, a copied pack, a
 * careless script) would serve whatever it points at, so links are followed and the target must
 * still be inside the mount's own real folder.
 */
export function serveMounted(mounts: StaticMount[], urlPath: string, method: string, res: http.ServerResponse, acceptEncoding = '', ifNoneMatch?: string): boolean {
  for (const m of mounts) {
    if (!urlPath.startsWith(m.prefix)) continue;
    const rest = urlPath.slice(m.prefix.length);
    for (const dir of m.dirs) {
      const root = realDir(dir);
      const file = root === null ? null : safeResolve(root, rest);
      if (root !== null && file && sendFile(res, file, method, acceptEncoding, ifNoneMatch, root)) return true;
    }
  }
  return false;
}

export const PLACEHOLDER_PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>motcua</title></head>
<body style="font-family:sans-serif;max-width:40rem;margin:3rem auto">
<h1>motcua — Hệ thống xếp hàng Bộ phận Một cửa</h1>
<p>Máy chủ đang chạy. Giao diện chưa được build: chạy <code>npm run build:renderer</code>.</p>
<p>The host is running; build the screens with <code>npm run build:renderer</code>. API: <a href="/api/health">/api/health</a>, <a href="/api/display">/api/display</a>.</p>
</body></html>`;
