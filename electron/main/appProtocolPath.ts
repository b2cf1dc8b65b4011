import path from 'node:path';
import { safeResolve } from '../host/server/staticFiles';

/**
 * app://motcua/<path> → a file of the built renderer, or the app shell for a screen route
 * (/kiosk, /t/<id>…); null for anything that would leave the folder.
 */
export function resolveAppUrl(url: string, rendererDir: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'app:' || u.host !== 'motcua') return null;
  const file = safeResolve(rendererDir, u.pathname);
  if (!file) return null;
  return path.extname(u.pathname) ? file : path.join(rendererDir, 'index.html');
}
