import type pg from 'pg';
import { AppError } from '../../shared/errors';
import { OfficeHoursQuery as QuerySchema } from '../../shared/hubReports';
import type { OfficeHours, OfficeHoursQuery } from '../../shared/hubReports';

/**
 * An office's arrivals and mean waits per hour of issue over a period, from rollup_hour (kept in each
 * batch's transaction): when the office is busy and how long people wait then. Read from rollups only.
 */
export async function officeHours(db: Pick<pg.Pool, 'query'>, query: OfficeHoursQuery): Promise<OfficeHours> {
  const parsed = QuerySchema.safeParse(query);
  if (!parsed.success) throw new AppError('BAD_REQUEST', parsed.error.issues.map((i) => i.message).join('; '), { issues: parsed.error.issues });
  const q = parsed.data;
  const rows = (
    await db.query<{ hour: number; arrivals: string; wait_n: string; wait_sum: string }>(
      `SELECT hour, sum(arrivals) AS arrivals, sum(wait_n) AS wait_n, sum(wait_sum) AS wait_sum FROM rollup_hour
       WHERE office_id = $1 AND business_day BETWEEN $2::date AND $3::date GROUP BY hour`,
      [q.officeId, q.from, q.to],
    )
  ).rows;
  const byHour = new Map(rows.map((r) => [r.hour, r]));
  return {
    query: { officeId: q.officeId, from: q.from, to: q.to },
    hours: Array.from({ length: 24 }, (_, hour) => {
      const r = byHour.get(hour);
      const waitN = Number(r?.wait_n ?? 0);
      return { hour, arrivals: Number(r?.arrivals ?? 0), waitN, meanWaitMs: waitN ? Number(r?.wait_sum) / waitN : null };
    }),
  };
}
