import { app } from 'electron';

/** Windows and macOS: start at login. Linux packages ship an XDG autostart entry and a systemd user unit instead. */
export function setupAutostart(enabled: boolean): void {
  if (process.platform === 'linux') return;
  app.setLoginItemSettings({ openAtLogin: enabled });
}
