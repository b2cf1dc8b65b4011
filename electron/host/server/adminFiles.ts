import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import Database from 'better-sqlite3';
import type { AuthService } from '../auth/authService';
import { backupNow } from '../db/backup';
import { migrations } from '../db/migrations/index';
import { officeFileStamp } from '../../../shared/officeTime';
import { sendError, sessionToken } from './httpApi';

const MAX_RESTORE_BYTES = 2 * 1024 * 1024 * 1024;
export const RESTORE_PENDING = 'restore-pending.sqlite';

/** Is this file a motcua database we can run on (intact, not from a newer version)? */
export function checkRestorable(file: string): string | null {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      if (db.pragma('integrity_check', { simple: true }) !== 'ok') return 'tệp sao lưu bị hỏng';
      const v = db.pragma('user_version', { simple: true }) as number;
      if (v < 1 || v > migrations.length) return 'tệp không phải bản sao lưu của phiên bản này';
      if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'tickets'").get()) return 'tệp không phải bản sao lưu motcua';
      return null;
    } finally {
      db.close();
    }
  } catch {
    return 'tệp không phải cơ sở dữ liệu SQLite';
  }
}

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

export function createAdminFiles(auth: AuthService, db: Database.Database, dataDir: string, o: AdminFilesOptions) {
  return async (req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> => {
    if (url.pathname !== '/api/admin/backup' && url.pathname !== '/api/admin/restore') return false;
    const session = auth.session(sessionToken(req));
    if (session?.kind !== 'admin') return (sendError(res, session ? 'FORBIDDEN' : 'UNAUTHORIZED'), true);
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
    const problem = ok ? checkRestorable(tmp) : 'tệp quá lớn hoặc tải lên bị gián đoạn';
    if (problem) {
      fs.rmSync(tmp, { force: true });
      return (sendError(res, 'BAD_REQUEST', `Không khôi phục được: ${problem}`), true);
    }
    fs.renameSync(tmp, path.join(dataDir, RESTORE_PENDING));
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
