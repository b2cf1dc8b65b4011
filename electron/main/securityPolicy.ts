// Pure policies of the Electron shell, unit-tested without Electron.

export const APP_ORIGIN = 'app://motcua';

/** Content-Security-Policy of every app:// page: only our own code, no inline script, no remote. */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    // WebAssembly compiled from our own files (the kiosk camera's code reader); still no eval of strings.
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' blob: data:",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** Windows may only navigate within the app: checked with the URL parser, never string prefixes. */
export function isAllowedNavigation(target: string): boolean {
  let u: URL;
  try {
    u = new URL(target);
  } catch {
    return false;
  }
  return u.protocol === 'app:' && u.host === 'motcua' && !u.username && !u.password;
}

/** IPC is answered only for our own top-level app pages (not an injected frame, not a remote page). */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return !!frameUrl && isMainFrame && isAllowedNavigation(frameUrl);
}

/**
 * Kiosks ask for almost nothing: no microphone, geolocation or notifications. The camera (video
 * alone) is allowed so a kiosk that has one can read ID cards and receipts held up to it (#30).
 */
export function isAllowedPermission(permission: string, mediaTypes: readonly string[] = []): boolean {
  if (permission === 'media') return mediaTypes.length > 0 && mediaTypes.every((t) => t === 'video');
  return permission === 'fullscreen' || permission === 'clipboard-sanitized-write';
}

/** Keys a citizen must not be able to use on a locked-down kiosk. */
export function isBlockedKey(input: { key: string; control: boolean; meta: boolean; alt: boolean; shift: boolean }): boolean {
  const k = input.key.toLowerCase();
  if (['f5', 'f11', 'f12', 'f1'].includes(k)) return true;
  if ((input.control || input.meta) && ['r', 'w', 'q', 'n', 't', 'p', 'o', 's', '+', '-', '=', '0', 'i', 'j', 'u'].includes(k)) return true;
  if ((input.control || input.meta) && input.shift && ['i', 'j', 'c'].includes(k)) return true;
  if (input.alt && ['f4', 'arrowleft', 'arrowright', 'home'].includes(k)) return true;
  return false;
}
