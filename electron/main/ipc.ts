import { app, ipcMain, webContents } from 'electron';
import { ZodError } from 'zod';
import { contract, parseInput } from '../../shared/api/contract';
import type { RouteName } from '../../shared/api/contract';
import { AppError, errorCatalog } from '../../shared/errors';
import type { Host } from '../host/host';
import { isTrustedSender } from './securityPolicy';

/**
 * Serves the contract over IPC to app windows only (sender frame checked), with the same zod
 * validation as HTTP. A window's staff or admin session lives here, keyed by its webContents.
 */
export function setupIpc(host: Host): void {
  const tokens = new Map<number, string>();
  ipcMain.handle('motcua:invoke', async (event, name: unknown, raw: unknown) => {
    try {
      if (!isTrustedSender(event.senderFrame?.url, event.senderFrame === event.sender.mainFrame)) throw new AppError('FORBIDDEN', 'untrusted sender');
      if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(contract, name)) throw new AppError('NOT_FOUND', 'unknown route');
      const route = name as RouteName;
      const input = parseInput(route, (raw ?? {}) as { params?: unknown; query?: unknown; body?: unknown });
      // The shell's own windows are the host's devices without pairing; their sessions never leave this process.
      const session = host.auth.session(tokens.get(event.sender.id), null);
      const def = contract[route];
      if (!host.setup.isDone() && (def.auth !== 'public' || route === 'login' || route === 'adminLogin')) throw new AppError('SETUP_REQUIRED');
      if (def.auth === 'staff' && !session) throw new AppError('UNAUTHORIZED');
      if (def.auth === 'admin' && session?.kind !== 'admin') throw new AppError(session ? 'FORBIDDEN' : 'UNAUTHORIZED');
      const handler = host.handlers[route] as (i: unknown, c: { session: typeof session; shell: string; device: null }) => unknown;
      const value = def.response.parse(await handler(input, { session, shell: `window:${event.sender.id}`, device: null }));
      if ((route === 'login' || route === 'adminLogin') && value && typeof value === 'object' && 'token' in value) tokens.set(event.sender.id, String(value.token));
      if (route === 'logout') tokens.delete(event.sender.id);
      return { ok: true, value };
    } catch (e) {
      const err = e instanceof AppError ? e : e instanceof ZodError ? new AppError('BAD_REQUEST', 'Dữ liệu không hợp lệ') : new AppError('INTERNAL');
      if (!(e instanceof AppError) && !(e instanceof ZodError)) host.log({ level: 'error', msg: 'ipc error', error: String(e) });
      const details = err.status < 500 && err.details !== undefined ? { details: err.details } : {};
      return { ok: false, error: { code: err.code, message: err.message, status: errorCatalog[err.code].status, ...details } };
    }
  });
  // The admin exit: a window may quit the kiosk only once it has signed in as admin.
  ipcMain.handle('motcua:exit', (event) => {
    if (!isTrustedSender(event.senderFrame?.url, event.senderFrame === event.sender.mainFrame)) return false;
    if (host.auth.session(tokens.get(event.sender.id), null)?.kind !== 'admin') return false;
    host.log({ level: 'info', msg: 'admin exit from kiosk' });
    app.quit();
    return true;
  });
  // Every broadcast (queue events, announcements, printer status) goes to every app window.
  host.hub.tap((message) => {
    for (const wc of webContents.getAllWebContents()) {
      if (!wc.isDestroyed() && wc.getURL().startsWith('app://motcua/')) wc.send('motcua:event', message);
    }
  });
}
