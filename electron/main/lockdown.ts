import type { BrowserWindow } from 'electron';
import { session } from 'electron';
import { isAllowedNavigation, isAllowedPermission, isBlockedKey } from './securityPolicy';

/** No navigation away, no new windows, no permissions, no reload/zoom/devtools keys on kiosks. */
export function lockDown(win: BrowserWindow, strict: boolean): void {
  const wc = win.webContents;
  wc.on('will-navigate', (e, url) => {
    if (!isAllowedNavigation(url)) e.preventDefault();
  });
  wc.setWindowOpenHandler(() => ({ action: 'deny' }));
  wc.on('will-attach-webview', (e) => e.preventDefault());
  if (!strict) return;
  win.setMenu(null);
  wc.on('before-input-event', (e, input) => {
    if (input.type === 'keyDown' && isBlockedKey(input)) e.preventDefault();
  });
  wc.on('devtools-opened', () => wc.closeDevTools());
  wc.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
}

export function setupPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, cb, details) => cb(isAllowedPermission(permission, 'mediaTypes' in details ? (details.mediaTypes ?? []) : [])));
  session.defaultSession.setPermissionCheckHandler((_wc, permission, _origin, details) => isAllowedPermission(permission, details.mediaType ? [details.mediaType] : []));
}
