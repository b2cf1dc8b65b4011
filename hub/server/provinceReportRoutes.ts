import type http from 'node:http';
import { HubReportQuery } from '../../shared/hubBoard';
import type { CrossOfficeQuery, CrossOfficeReport } from '../../shared/hubReports';
import type { BookingReport } from '../../shared/hubBookingReport';
import { officeScope } from '../auth/hubAccess';
import type { HubAccess } from '../auth/hubAccess';
import type { HubRouteTable } from './hubRoutes';
import { readQuery } from './provinceBody';

export interface ProvinceReportDeps {
  access: HubAccess;
  report: (q: CrossOfficeQuery) => Promise<CrossOfficeReport>;
  workbook: (r: CrossOfficeReport, bookings?: BookingReport) => Promise<Buffer>;
  /** Bookings from home over the same query (#30): on the page's own tab and as a sheet of the XLSX. */
  bookings?: (q: CrossOfficeQuery) => Promise<BookingReport>;
}

/** A report with no office in it: what a user gets for offices they may not see. */
const emptyReport = (r: CrossOfficeReport): CrossOfficeReport => ({ ...r, byOffice: [], byService: [], byOfficer: [] });

/**
 * The reports page's cross-office report, as JSON and as the XLSX workbook, for the same query.
 * Scoped here, on the server: whatever an office viewer asks, the answer holds its own office only,
 * and asking for another office's id answers with no office at all (not a 403: no telling which ids are real).
 */
export function provinceReportRoutes(d: ProvinceReportDeps): HubRouteTable {
  /** The query as the user may ask it: null when they may see none of the offices asked for. */
  const scopedQuery = async (req: http.IncomingMessage): Promise<CrossOfficeQuery | null> => {
    const me = await d.access.user(req);
    const q = readQuery(req, HubReportQuery);
    const scope = officeScope(me);
    const wanted = q.office ? (scope === null || scope.includes(q.office) ? [q.office] : []) : scope;
    // An empty list would mean "every office" to the report: a user who may see none asks for nothing.
    if (wanted !== null && wanted.length === 0) return null;
    return { from: q.from, to: q.to, ...(wanted ? { offices: wanted } : {}) };
  };
  const scoped = async (req: http.IncomingMessage): Promise<CrossOfficeReport> => {
    const q = await scopedQuery(req);
    if (q === null) {
      const { from, to } = readQuery(req, HubReportQuery);
      return emptyReport(await d.report({ from, to, offices: ['-'] }));
    }
    return d.report(q);
  };
  const bookingsOf = async (req: http.IncomingMessage, report: CrossOfficeReport): Promise<BookingReport | undefined> => {
    if (!d.bookings) return undefined;
    const q = await scopedQuery(req);
    return d.bookings(q ?? { from: report.query.from, to: report.query.to, offices: ['-'] });
  };
  return {
    'GET /hub/api/reports': async (req, res, send) => {
      send(res, 200, await scoped(req));
    },
    'GET /hub/api/reports/bookings': async (req, res, send) => {
      const q = await scopedQuery(req);
      if (!d.bookings) return send(res, 404, { error: { code: 'NOT_FOUND', message: 'Không tìm thấy' } });
      const { from, to } = readQuery(req, HubReportQuery);
      send(res, 200, await d.bookings(q ?? { from, to, offices: ['-'] }));
    },
    'GET /hub/api/reports.xlsx': async (req, res) => {
      const report = await scoped(req);
      const file = await d.workbook(report, await bookingsOf(req, report));
      const name = report.query.from === report.query.to ? `bao-cao-tinh-${report.query.from}.xlsx` : `bao-cao-tinh-${report.query.from}_${report.query.to}.xlsx`;
      res.writeHead(200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="${name}"`,
        'content-length': file.length,
        'cache-control': 'no-store',
      });
      res.end(file);
    },
  };
}
