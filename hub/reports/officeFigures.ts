import type pg from 'pg';

export interface Figures {
  issued: number;
  served: number;
  noShows: number;
  transferred: number;
  cancelled: number;
  expired: number;
  ratings: number;
}

export interface OfficeFigures {
  totals: Figures;
  byService: (Figures & { id: number })[];
}

/**
 * One office's counts for a range of business days, by the office report's own rules (its
 * electron/host/db/migrations/m008 `share`): a ticket counts in the group it is in now; "issued" is
 * original issues only (a transfer re-queues the same number as a new row); a rating counts with its
 * ticket. Read from the newest copy of each ticket the office pushed.
 */
export async function officeFigures(db: pg.Pool, officeId: string, from: string, to: string): Promise<OfficeFigures> {
  const rows = (
    await db.query<{ service_id: number } & Record<keyof Figures, string>>(
      `SELECT service_id,
         count(*) FILTER (WHERE transferred_from IS NULL) AS issued,
         count(*) FILTER (WHERE state = 'done') AS served,
         count(*) FILTER (WHERE state = 'skipped') AS "noShows",
         count(*) FILTER (WHERE state = 'transferred') AS transferred,
         count(*) FILTER (WHERE state = 'cancelled') AS cancelled,
         count(*) FILTER (WHERE state = 'expired') AS expired,
         count(rating_score) AS ratings
       FROM office_tickets WHERE office_id = $1 AND business_day BETWEEN $2::date AND $3::date
       GROUP BY service_id ORDER BY service_id`,
      [officeId, from, to],
    )
  ).rows;
  const keys: (keyof Figures)[] = ['issued', 'served', 'noShows', 'transferred', 'cancelled', 'expired', 'ratings'];
  const byService = rows.map((r) => ({ id: r.service_id, ...(Object.fromEntries(keys.map((k) => [k, Number(r[k])])) as unknown as Figures) }));
  const totals = Object.fromEntries(keys.map((k) => [k, byService.reduce((s, r) => s + r[k], 0)])) as unknown as Figures;
  return { totals, byService };
}
