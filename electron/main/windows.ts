import path from 'node:path';
import { BrowserWindow, screen } from 'electron';
import type { ShellConfig } from './shellConfig';
import { planWindows } from './windowPlan';
import type { ScreenInfo } from './windowPlan';
import { lockDown } from './lockdown';
import { watchCrashes } from './crashRecovery';
import type { Log } from '../host/logger';

const byRole = new Map<string, BrowserWindow>();

function screens(): ScreenInfo[] {
  const primary = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().map((d) => ({ id: d.id, bounds: d.bounds, primary: d.id === primary, touch: d.touchSupport === 'available' }));
}

/**
 * Opens (or moves) one window per configured role onto its screen. On Linux, kiosk mode is only
 * fullscreen and Wayland will not place windows, so the shell runs on X11 and places each window
 * with setBounds before going fullscreen.
 */
export function placeWindows(cfg: ShellConfig, preload: string, log: Log): void {
  for (const p of planWindows(screens(), cfg.windows)) {
    const key = `${p.role}:${p.query}`;
    let win = byRole.get(key);
    if (!win || win.isDestroyed()) {
      win = new BrowserWindow({
        show: false,
        backgroundColor: p.role === 'display' ? '#06223f' : '#f3f6fa',
        autoHideMenuBar: true,
        webPreferences: {
          preload: path.resolve(preload),
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          webSecurity: true,
          spellcheck: false,
          autoplayPolicy: 'no-user-gesture-required',
        },
      });
      lockDown(win, cfg.lockdown);
      watchCrashes(win, log);
      byRole.set(key, win);
      void win.loadURL(`app://motcua/${p.role}${p.query ? `?${p.query}` : ''}`);
      win.once('ready-to-show', () => win?.show());
    }
    win.setFullScreen(false);
    win.setBounds(p.bounds);
    win.setFullScreen(true);
    if (cfg.lockdown && p.role === 'kiosk') win.setKiosk(true);
  }
}

export function closeAllWindows(): void {
  for (const w of byRole.values()) if (!w.isDestroyed()) w.destroy();
  byRole.clear();
}

/** Re-plan when a monitor is plugged in or out (the TV switched off and on again). */
export function watchDisplays(cfg: ShellConfig, preload: string, log: Log): void {
  const replan = () => placeWindows(cfg, preload, log);
  screen.on('display-added', replan);
  screen.on('display-removed', replan);
  screen.on('display-metrics-changed', replan);
}
