import { app } from 'electron';
import type { BrowserWindow } from 'electron';
import type { Log } from '../host/logger';
import { CrashPolicy } from './crashPolicy';

const policy = new CrashPolicy();

function recover(win: BrowserWindow, why: string, log: Log): void {
  const action = policy.onCrash(Date.now());
  log({ level: 'error', msg: 'window crashed', why, action });
  if (action === 'relaunch') {
    app.relaunch();
    app.exit(0);
    return;
  }
  if (!win.isDestroyed()) win.webContents.reload();
}

/** A renderer that dies or hangs is reloaded; repeated crashes relaunch the app. */
export function watchCrashes(win: BrowserWindow, log: Log): void {
  win.webContents.on('render-process-gone', (_e, d) => recover(win, `render-process-gone: ${d.reason}`, log));
  win.on('unresponsive', () => recover(win, 'unresponsive', log));
}

export function watchGpu(log: Log): void {
  app.on('child-process-gone', (_e, d) => {
    if (d.type === 'GPU') log({ level: 'error', msg: 'gpu process gone', reason: d.reason });
  });
}
