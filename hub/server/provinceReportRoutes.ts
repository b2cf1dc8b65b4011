import { HubReportQuery } from '../../shared/hubBoard';
import type { BoardRow, ReportOfficeRow } from '../../shared/hubBoard';
import { officeScope } from '../auth/hubAccess';
import type { HubAccess } from '../auth/hubAccess';
import type { OfficeFigures } from '../reports/officeFigures';
import type { HubRouteTable } from './hubRoutes';
import { readQuery } from './provinceBody';

export interface ProvinceReportDeps {
  access: HubAccess;
  /** The offices a user may see, by name (the board's rows carry them). */
  offices: (only: string[] | null) => Promise<BoardRow[]>;
  figures: (officeId: string, from: string, to: string) => Promise<OfficeFigures>;
}

/**
 * The reports page's figures: each office's counts over a period, by the office report's rules,
 * limited on the server to the offices the user may see (and to one, when asked).
 */
export function provinceReportRoutes(d: ProvinceReportDeps): HubRouteTable {
  return {
    'GET /hub/api/reports/offices': async (req, res, send) => {
      const me = await d.access.user(req);
      const q = readQuery(req, HubReportQuery);
      const scope = officeScope(me);
      const wanted = q.office ? (scope === null || scope.includes(q.office) ? [q.office] : []) : scope;
      const offices = wanted && wanted.length === 0 ? [] : await d.offices(wanted);
      const rows: ReportOfficeRow[] = [];
      for (const o of offices) rows.push({ officeId: o.officeId, name: o.name, ...(await d.figures(o.officeId, q.from, q.to)).totals });
      send(res, 200, { from: q.from, to: q.to, rows });
    },
  };
}
