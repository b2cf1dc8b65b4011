import type http from 'node:http';
import { ZodError } from 'zod';
import { ExportQuery } from '../../../shared/api/reportSchemas';
import type { AuthService } from '../auth/authService';
import type { ReportQueries } from '../reports/reportQuery';
import { reportCsv, reportXlsx } from '../reports/reportExport';
import { sendError, sessionToken } from './httpApi';

/**
 * GET /api/reports/export.xlsx and /api/reports/export.csv?table=… (admin session): files, so
 * they sit beside the JSON contract routes, with the same validation and the same session check.
 */
export function createReportDownloads(auth: AuthService, reports: ReportQueries, timeZone: () => string) {
  return async (req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> => {
    const m = /^\/api\/reports\/export\.(xlsx|csv)$/.exec(url.pathname);
    if (!m) return false;
    if (req.method !== 'GET') return (sendError(res, 'METHOD_NOT_ALLOWED'), true);
    const session = auth.session(sessionToken(req));
    if (session?.kind !== 'admin') return (sendError(res, session ? 'FORBIDDEN' : 'UNAUTHORIZED'), true);
    let q;
    try {
      q = ExportQuery.parse(Object.fromEntries(url.searchParams.entries()));
    } catch (e) {
      if (e instanceof ZodError) return (sendError(res, 'BAD_REQUEST', 'Dữ liệu không hợp lệ'), true);
      throw e;
    }
    const summary = reports.summary(q);
    const name = `motcua-bao-cao-${q.from}-${q.to}`;
    if (m[1] === 'xlsx') {
      const body = await reportXlsx(summary, timeZone());
      res.writeHead(200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="${name}.xlsx"`,
        'Content-Length': body.length,
      });
      res.end(body);
    } else {
      const table = q.table ?? 'services';
      const body = reportCsv(summary, table, timeZone());
      res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}-${table}.csv"`, 'Content-Length': body.length });
      res.end(body);
    }
    return true;
  };
}
