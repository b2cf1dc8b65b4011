import type pg from 'pg';
import { AppError } from '../../shared/errors';
import { CrossOfficeQuery as QuerySchema, HIST_BUCKETS, PORTAL_LEVEL_MAP, histogramPercentile, portalLevel } from '../../shared/hubReports';
import type { CrossOfficeQuery, CrossOfficeReport, DurationFigures, OfficeRow, OfficerRow, ReportFigures, SatisfactionFigures, ServiceRow } from '../../shared/hubReports';
import { addRollup, emptyRollup, rollupTotals } from '../ingest/dailyRollups';
import type { RollupRow } from '../ingest/dailyRollups';
import { directoryNames } from '../ingest/officeDirectoryStore';

/** The office report's own words for tickets no officer called (electron/host/reports/reportQuery.ts). */
export const WITHOUT_OFFICER = 'Chưa gọi / không thuộc cán bộ nào';

const lastDayOfMonth = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

/** A period as whole months (read from month rows) and the days around them (day rows). */
export function splitPeriod(from: string, to: string): { months: string[]; days: string[] } {
  const months: string[] = [];
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); ) {
    const d = new Date(t).toISOString().slice(0, 10);
    const end = lastDayOfMonth(d.slice(0, 7));
    if (d.endsWith('-01') && end <= to) {
      months.push(d);
      t = Date.parse(`${end}T00:00:00Z`) + 86_400_000;
    } else {
      days.push(d);
      t += 86_400_000;
    }
  }
  return { months, days };
}

function duration(n: number, sum: number, hist: Map<number, number>): DurationFigures {
  const counts = new Array<number>(HIST_BUCKETS).fill(0);
  for (const [b, c] of hist) counts[b] = c;
  return { n, meanMs: n ? sum / n : null, medianMs: histogramPercentile(counts, n, 50), p90Ms: histogramPercentile(counts, n, 90) };
}

export function satisfaction(ratings: Map<number, number>): SatisfactionFigures {
  const scales = new Map<number, { count: number; sum: number }>();
  const portal = { veryGood: 0, good: 0, bad: 0 };
  let count = 0;
  for (const [key, n] of ratings) {
    const levels = Math.floor(key / 10);
    const score = key % 10;
    count += n;
    const s = scales.get(levels) ?? { count: 0, sum: 0 };
    s.count += n;
    s.sum += n * score;
    scales.set(levels, s);
    const level = portalLevel(levels, score);
    if (level) portal[level] += n;
  }
  const mapped = portal.veryGood + portal.good + portal.bad;
  return {
    count,
    byScale: [...scales.entries()].sort(([a], [b]) => a - b).map(([levels, s]) => ({ levels, count: s.count, meanScore: s.sum / s.count })),
    portal,
    percentSatisfied: mapped ? ((portal.veryGood + portal.good) / mapped) * 100 : null,
  };
}

function figures(a: RollupRow): ReportFigures {
  return {
    tickets: a.issued,
    served: a.served,
    noShows: a.noShows,
    transferred: a.transferred,
    cancelled: a.cancelled,
    expired: a.expired,
    wait: duration(a.waitN, a.waitSum, a.wait),
    service: duration(a.serviceN, a.serviceSum, a.service),
    satisfaction: satisfaction(a.ratings),
  };
}

/** Known scales, so a rating on another one (never sent by today's offices) is visibly left out of the portal's levels. */
export const PORTAL_SCALES = Object.keys(PORTAL_LEVEL_MAP).map(Number);

/**
 * The province's figures for a period across offices — per office, per service (grouped by the
 * service's code across offices, named from the directories), per officer within an office — read
 * from the rollups only: whole months from month rows, the days around them from day rows, summed per
 * (office, service, officer) by PostgreSQL — a year is one row per group, and never a ticket. Counts and durations
 * follow the office report's rules (hub/ingest/dailyRollups.ts), so an office's row equals its own report.
 */
export async function crossOfficeReport(db: pg.Pool, query: CrossOfficeQuery): Promise<CrossOfficeReport> {
  const parsed = QuerySchema.safeParse(query);
  if (!parsed.success) throw new AppError('BAD_REQUEST', parsed.error.issues.map((i) => i.message).join('; '), { issues: parsed.error.issues });
  const q = parsed.data;
  const only = q.offices && q.offices.length > 0 ? [...new Set(q.offices)] : null;
  const { months, days } = splitPeriod(q.from, q.to);
  const [groups, names] = await Promise.all([rollupTotals(db, months, days, only), directoryNames(db, only)]);

  const totals = emptyRollup('', q.from, 0, 0);
  const byOffice = new Map<string, RollupRow>();
  const byService = new Map<string, { acc: RollupRow; code: string | null; name: string; nameEn: string; offices: Set<string> }>();
  const byOfficer = new Map<string, RollupRow>();
  const get = <T>(m: Map<string, T>, k: string, make: () => T): T => {
    let v = m.get(k);
    if (v === undefined) m.set(k, (v = make()));
    return v;
  };
  for (const id of names.offices.keys()) get(byOffice, id, () => emptyRollup(id, q.from, 0, 0));

  for (const r of groups) {
    addRollup(totals, r);
    addRollup(get(byOffice, r.officeId, () => emptyRollup(r.officeId, q.from, 0, 0)), r);
    const svc = names.services.get(`${r.officeId}|${r.serviceId}`);
    const officeName = names.offices.get(r.officeId) ?? r.officeId;
    const key = svc?.code ? `code:${svc.code}` : `id:${r.officeId}|${r.serviceId}`;
    const s = get(byService, key, () => ({
      acc: emptyRollup('', q.from, r.serviceId, 0),
      code: svc?.code ?? null,
      name: svc?.nameVi ?? `Dịch vụ #${r.serviceId} (${officeName})`,
      nameEn: svc?.nameEn ?? `Service #${r.serviceId} (${officeName})`,
      offices: new Set<string>(),
    }));
    addRollup(s.acc, r);
    s.offices.add(r.officeId);
    addRollup(get(byOfficer, `${r.officeId}|${r.officerId}`, () => emptyRollup(r.officeId, q.from, 0, r.officerId)), r);
  }

  const vi = (a: string, b: string) => a.localeCompare(b, 'vi');
  const officeRows: OfficeRow[] = [...byOffice.entries()].map(([id, a]) => ({ officeId: id, name: names.offices.get(id) ?? id, ...figures(a) })).sort((a, b) => vi(a.name, b.name));
  const serviceRows: ServiceRow[] = [...byService.values()].map((s) => ({ code: s.code, name: s.name, nameEn: s.nameEn, offices: s.offices.size, ...figures(s.acc) })).sort((a, b) => vi(a.name, b.name));
  const officerRows: OfficerRow[] = [...byOfficer.values()]
    .map((a) => ({
      officeId: a.officeId,
      officeName: names.offices.get(a.officeId) ?? a.officeId,
      officerId: a.officerId,
      name: a.officerId === 0 ? WITHOUT_OFFICER : (names.officers.get(`${a.officeId}|${a.officerId}`) ?? `Cán bộ #${a.officerId}`),
      ...figures(a),
    }))
    .sort((a, b) => vi(a.officeName, b.officeName) || (a.officerId === 0 ? 1 : b.officerId === 0 ? -1 : vi(a.name, b.name)));
  return { query: { from: q.from, to: q.to, ...(only ? { offices: only } : {}) }, totals: figures(totals), byOffice: officeRows, byService: serviceRows, byOfficer: officerRows };
}
