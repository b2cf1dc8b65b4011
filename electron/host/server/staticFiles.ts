import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
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

// Text assets are sent gzip-compressed (a kiosk's first load over Wi-Fi is a third of the bytes).
// Compressed once per file version and kept: the screens are a few hundred KB in all.
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|map)$/i;
const gzipCache = new Map<string, { mtimeMs: number; size: number; body: Buffer }>();

function gzipped(file: string, stat: fs.Stats): Buffer | null {
  if (!COMPRESSIBLE.test(file) || stat.size < 1024 || stat.size > 8 * 1024 * 1024) return null;
  const hit = gzipCache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.body;
  const body = zlib.gzipSync(fs.readFileSync(file), { level: 9 });
  if (gzipCache.size > 500) gzipCache.clear();
  gzipCache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, body });
  return body;
}

export function sendFile(res: http.ServerResponse, file: string, method: string, acceptEncoding = ''): boolean {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return false;
  }
  if (!stat.isFile()) return false;
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const immutable = /\/assets\//.test(file.replace(/\\/g, '/'));
  const gz = /\bgzip\b/.test(acceptEncoding) ? gzipped(file, stat) : null;
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': gz ? gz.length : stat.size,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...(gz ? { 'Content-Encoding': 'gzip' } : {}),
    Vary: 'Accept-Encoding',
  });
  if (method === 'HEAD') {
    res.end();
    return true;
  }
  if (gz) res.end(gz);
  else fs.createReadStream(file).pipe(res);
  return true;
}

export interface StaticMount {
  prefix: string;
  /** Searched in order: an office's own files first, then the shipped defaults. */
  dirs: string[];
}

export function serveMounted(mounts: StaticMount[], urlPath: string, method: string, res: http.ServerResponse): boolean {
  for (const m of mounts) {
    if (!urlPath.startsWith(m.prefix)) continue;
    const rest = urlPath.slice(m.prefix.length);
    for (const dir of m.dirs) {
      const file = safeResolve(dir, rest);
      if (file && sendFile(res, file, method)) return true;
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
