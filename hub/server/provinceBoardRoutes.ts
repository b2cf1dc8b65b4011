import { AppError } from '../../shared/errors';
import { HubOfficeQuery } from '../../shared/hubBoard';
import type { BoardRow, OfficePage } from '../../shared/hubBoard';
import { maySeeOffice, officeScope } from '../auth/hubAccess';
import type { HubAccess } from '../auth/hubAccess';
import type { HubRouteTable } from './hubRoutes';
import { readQuery } from './provinceBody';

export interface ProvinceBoardDeps {
  access: HubAccess;
  rows: (offices: string[] | null) => Promise<BoardRow[]>;
  officePage: (officeId: string) => Promise<OfficePage | null>;
  now: () => number;
  staleMs: number;
}

/**
 * The board and one office's page, read over HTTP (the socket sends the same rows live). Every
 * answer is limited server-side to the offices the signed-in user may see.
 */
export function provinceBoardRoutes(d: ProvinceBoardDeps): HubRouteTable {
  return {
    'GET /hub/api/board': async (req, res, send) => {
      const me = await d.access.user(req);
      send(res, 200, { now: d.now(), staleMs: d.staleMs, rows: await d.rows(officeScope(me)) });
    },
    'GET /hub/api/office': async (req, res, send) => {
      const me = await d.access.user(req);
      const { id } = readQuery(req, HubOfficeQuery);
      // An office the user may not see answers as one that does not exist: no telling which ids are real.
      const page = maySeeOffice(me, id) ? await d.officePage(id) : null;
      if (!page) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị');
      send(res, 200, { now: d.now(), staleMs: d.staleMs, ...page });
    },
  };
}
