import type http from 'node:http';
import { ZodError } from 'zod';
import { ExportQuery } from '../../../shared/api/reportSchemas';
import { AppError } from '../../../shared/errors';
import type { FileRouteAccess } from './fileRouteAccess';
import type { ReportQueries } from '../reports/reportQuery';
import { exportFileName, reportCsv, reportXlsx } from '../reports/reportExport';
import { refuseEarly, sendError } from './httpApi';

/**
 * GET /api/reports/export.xlsx and /api/reports/export.csv (admin session): files, so they sit
 * beside the JSON contract routes, with the same validation and the same session check. The CSV
 * holds every table unless `table=` names one; `lang=en` words them in English.
 */
export function createReportDownloads(access: FileRouteAccess, reports: ReportQueries, office: () => { timeZone: string; ratingLevels: number }) {
  return async (req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> => {
    const m = /^\/api\/reports\/export\.(xlsx|csv)$/.exec(url.pathname);
    if (!m) return false;
    if (req.method !== 'GET') return (sendError(res, 'METHOD_NOT_ALLOWED'), true);
    const session = access(req, 'reportExport');
    if (session instanceof AppError) return (refuseEarly(req, res, session), true);
    let q;
    try {
      q = ExportQuery.parse(Object.fromEntries(url.searchParams.entries()));
    } catch (e) {
      if (e instanceof ZodError) return (sendError(res, 'BAD_REQUEST', 'Dữ liệu không hợp lệ'), true);
      throw e;
    }
    const { table, lang = 'vi', ...query } = q;
    const summary = reports.summary(query);
    const name = exportFileName(summary, lang);
    if (m[1] === 'xlsx') {
      const body = await reportXlsx(summary, { lang, ...office() });
      res.writeHead(200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="${name}.xlsx"`,
        'Content-Length': body.length,
      });
      res.end(body);
    } else {
      const body = reportCsv(summary, table, { lang, ...office() });
      res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}${table ? `-${table}` : ''}.csv"`, 'Content-Length': body.length });
      res.end(body);
    }
    return true;
  };
}
