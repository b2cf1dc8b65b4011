import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { FileRouteAccess } from './fileRouteAccess';
import { backupNow } from '../db/backup';
import { prepareRestoreInWorker } from '../db/restoreInWorker';
import { runningOfficeKeeps } from '../db/restoreKeeps';
import { officeFileStamp } from '../../../shared/officeTime';
import { refuseEarly, sendError } from './httpApi';

const MAX_RESTORE_BYTES = 2 * 1024 * 1024 * 1024;
export const RESTORE_PENDING = 'restore-pending.sqlite';

/**
 * GET /api/admin/backup → a consistent copy of the database, made now.
 * POST /api/admin/restore?confirm=KHOI-PHUC with the .sqlite file as the body → checked, kept as
 * the pending restore, swapped in at the next start (the running queue is never replaced live).
 */
export interface AdminFilesOptions {
  keep: () => number;
  timeZone: () => string;
  now: () => number;
}

export function createAdminFiles(access: FileRouteAccess, db: Database.Database, dataDir: string, o: AdminFilesOptions) {
  return async (req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> => {
    if (url.pathname !== '/api/admin/backup' && url.pathname !== '/api/admin/restore') return false;
    const session = access(req, url.pathname === '/api/admin/backup' ? 'backup' : 'restore');
    if (session instanceof AppError) return (refuseEarly(req, res, session), true);
    if (url.pathname === '/api/admin/backup') {
      if (req.method !== 'GET') return (sendError(res, 'METHOD_NOT_ALLOWED'), true);
      const file = await backupNow(db, path.join(dataDir, 'backups'), o.now(), o.keep(), o.timeZone());
      res.writeHead(200, { 'Content-Type': 'application/vnd.sqlite3', 'Content-Disposition': `attachment; filename="${path.basename(file)}"`, 'Content-Length': fs.statSync(file).size });
      fs.createReadStream(file).pipe(res);
      return true;
    }
    if (req.method !== 'POST') return (sendError(res, 'METHOD_NOT_ALLOWED'), true);
    if (url.searchParams.get('confirm') !== 'KHOI-PHUC') return (sendError(res, 'BAD_REQUEST', 'Cần xác nhận khôi phục (confirm=KHOI-PHUC)'), true);
    const tmp = path.join(dataDir, `${RESTORE_PENDING}.upload`);
    let size = 0;
    const ok = await new Promise<boolean>((resolve) => {
      const out = fs.createWriteStream(tmp);
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_RESTORE_BYTES) req.destroy();
      });
      req.pipe(out);
      out.on('finish', () => resolve(size <= MAX_RESTORE_BYTES));
      req.on('error', () => resolve(false));
      out.on('error', () => resolve(false));
    });
    const built = path.join(dataDir, `${RESTORE_PENDING}.build`);
    const prepared = ok ? await prepareRestoreInWorker(tmp, built, runningOfficeKeeps(db)) : { ok: false as const, reason: 'tệp quá lớn hoặc tải lên bị gián đoạn' };
    fs.rmSync(tmp, { force: true });
    if (!prepared.ok) {
      fs.rmSync(built, { force: true });
      return (sendError(res, 'BAD_REQUEST', `Không khôi phục được: ${prepared.reason}`), true);
    }
    fs.renameSync(built, path.join(dataDir, RESTORE_PENDING));
    const body = JSON.stringify({ ok: true, restartRequired: true, message: 'Đã nhận bản sao lưu; khởi động lại motcua để khôi phục.' });
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
    return true;
  };
}

/**
 * At start, before the database opens: swap in a pending restore, keeping the current file aside.
 * The database (and so the office's zone) is not open yet; the zone is the one it was last run with.
 */
export function applyPendingRestore(dataDir: string, timeZone = 'Asia/Ho_Chi_Minh', now = Date.now()): string | null {
  const pending = path.join(dataDir, RESTORE_PENDING);
  if (!fs.existsSync(pending)) return null;
  const current = path.join(dataDir, 'motcua.sqlite');
  const aside = path.join(dataDir, 'backups', `motcua-before-restore-${officeFileStamp(now, timeZone)}.sqlite.keep`);
  fs.mkdirSync(path.dirname(aside), { recursive: true });
  if (fs.existsSync(current)) fs.renameSync(current, aside);
  for (const ext of ['-wal', '-shm']) fs.rmSync(current + ext, { force: true });
  fs.renameSync(pending, current);
  return aside;
}
