// JS each screen downloads (gzip), from the Vite manifest: the app entry plus the screen's lazy
// chunk and everything they import. Run after `npm run build:renderer`.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
  src?: string;
}

const ROUTES: Record<string, string> = {
  '/kiosk': 'kiosk/KioskApp.tsx',
  '/display': 'display/DisplayApp.tsx',
  '/counter': 'counter/CounterApp.tsx',
  '/rating': 'rating/RatingTabletApp.tsx',
  '/t/:id (phone)': 'track/TrackApp.tsx',
};

export function runBundleSize(dist = path.resolve('dist/renderer')): Record<string, string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
  const gz = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const i of manifest[key]?.imports ?? []) closure(i, seen);
    return seen;
  };
  // The office's screens' entry (the hub's entries, province.html and book.html, sort around it).
  const entry = manifest['index.html'] ? 'index.html' : (Object.keys(manifest).find((k) => manifest[k]?.isEntry) as string);
  const rows: Record<string, string> = {};
  const size = (keys: Set<string>) => {
    const files = new Set([...keys].map((k) => manifest[k]?.file as string).filter((f) => f?.endsWith('.js')));
    return `${([...files].reduce((s, f) => s + gz(f), 0) / 1024).toFixed(1)} KB gzip (${files.size} files)`;
  };
  for (const [route, src] of Object.entries(ROUTES)) rows[route] = size(new Set([...closure(entry), ...closure(src)]));
  // The hub's public page for citizens' phones (#30): an entry of its own.
  if (manifest['book.html']) rows['hub /book, /t/ (phone)'] = size(closure('book.html'));
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [k, v] of Object.entries(runBundleSize())) console.log(`${k.padEnd(16)} ${v}`);
}
