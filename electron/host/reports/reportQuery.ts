import type Database from 'better-sqlite3';
import type { ReportQuery, ReportRow, ReportSummary } from '../../../shared/api/reportSchemas';
import type { OfficeConfig } from '../../../shared/domain';
import { durationStats, mergeData, percentSatisfied, toData } from '../../../shared/reportMath';
import { DayRollup, emptyRollup } from './dayRollup';
import type { RollupAcc, RollupData } from './dayRollup';

const lastDayOfMonth = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

/** Split a range into whole months (read from month rollups) and the remaining days. */
export function splitRange(from: string, to: string): { months: string[]; days: string[] } {
  const months: string[] = [];
  const days: string[] = [];
  for (const d of daysBetween(from, to)) {
    const m = d.slice(0, 7);
    if (months.includes(m)) continue;
    if (d.endsWith('-01') && lastDayOfMonth(m) <= to) {
      months.push(m);
      continue;
    }
    days.push(d);
  }
  return { months, days };
}

export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`) && out.length <= 3700; t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

interface RollupRow {
  business_day: string;
  service_id: number;
  counter_id: number;
  officer_id: number;
  data: string;
}

const weekdayOf = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;

type Acc = RollupAcc & { id: number };

const newAcc = (id: number): Acc => ({ ...emptyRollup(), id });

/** A month's merged rollup: like a day's, with the weekday × hour heat map instead of hours. */
type MonthData = Omit<RollupData, 'hours'> & { heat: number[][] };

function merge(into: Acc, d: RollupData | MonthData): void {
  into.issued += d.issued;
  into.served += d.served;
  into.noShows += d.noShows;
  into.transferred += d.transferred;
  into.cancelled += d.cancelled;
  into.expired += d.expired ?? 0;
  mergeData(into.wait, d.wait);
  mergeData(into.service, d.service);
  for (const [k, n] of Object.entries(d.ratings)) into.ratings[k] = (into.ratings[k] ?? 0) + n;
  for (const [k, n] of Object.entries(d.reasons)) into.reasons[k] = (into.reasons[k] ?? 0) + n;
}

function toRow(a: Acc, name: string): ReportRow {
  const ratings = Object.values(a.ratings).reduce((s, n) => s + n, 0);
  return {
    id: a.id,
    name,
    issued: a.issued,
    served: a.served,
    noShows: a.noShows,
    transferred: a.transferred,
    cancelled: a.cancelled,
    expired: a.expired,
    wait: durationStats(a.wait),
    service: durationStats(a.service),
    ratings,
    percentSatisfied: percentSatisfied(a.ratings),
  };
}

/** Reports over any date range, read from the daily rollups (built on demand for stale days). */
export class ReportQueries {
  private readonly rollup: DayRollup;
  private readonly dayDone: Database.Statement<[string], { x: number }>;

  constructor(
    private readonly db: Database.Database,
    private readonly office: () => OfficeConfig,
    private readonly now: () => number,
  ) {
    this.rollup = new DayRollup(db, () => office().timeZone);
    this.dayDone = db.prepare('SELECT 1 AS x FROM report_days WHERE business_day = ?');
  }

  /** Rebuild the rollups of days whose tickets changed since they were last built. */
  refresh(from: string, to: string): number {
    const stale = daysBetween(from, to).filter((d) => !this.dayDone.get(d));
    // Days without tickets are marked built too, so they are not looked at again until one arrives.
    if (stale.length) this.rollup.build(stale, this.now());
    return stale.length;
  }

  /** Merge a month's fresh day rollups into its month rollup (once, until one of its days changes). */
  private ensureMonth(month: string): void {
    if (this.db.prepare('SELECT 1 FROM report_months WHERE month = ?').get(month)) return;
    this.refresh(`${month}-01`, lastDayOfMonth(month));
    const groups = new Map<string, Acc & { heat: number[][] }>();
    const rows = this.db.prepare('SELECT business_day, service_id, counter_id, officer_id, data FROM report_rollup WHERE business_day BETWEEN ? AND ?').all(`${month}-01`, lastDayOfMonth(month)) as RollupRow[];
    for (const r of rows) {
      const key = `${r.service_id}|${r.counter_id}|${r.officer_id}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { ...newAcc(0), heat: Array.from({ length: 7 }, () => Array<number>(24).fill(0)) }));
      const d = JSON.parse(r.data) as RollupData;
      merge(g, d);
      const row = g.heat[weekdayOf(r.business_day)] as number[];
      d.hours.forEach((n, h) => (row[h] = (row[h] ?? 0) + n));
    }
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM report_month_rollup WHERE month = ?').run(month);
      const ins = this.db.prepare('INSERT INTO report_month_rollup (month, service_id, counter_id, officer_id, data) VALUES (?, ?, ?, ?, ?)');
      for (const [key, g] of groups) {
        const [sid, cid, oid] = key.split('|').map(Number) as [number, number, number];
        const data: MonthData = { issued: g.issued, served: g.served, noShows: g.noShows, transferred: g.transferred, cancelled: g.cancelled, expired: g.expired, wait: toData(g.wait), service: toData(g.service), ratings: g.ratings, reasons: g.reasons, heat: g.heat };
        ins.run(month, sid, cid, oid, JSON.stringify(data));
      }
      this.db.prepare('INSERT OR REPLACE INTO report_months (month, computed_at) VALUES (?, ?)').run(month, this.now());
    })();
  }

  summary(q: ReportQuery): ReportSummary {
    const { months, days } = splitRange(q.from, q.to);
    for (const m of months) this.ensureMonth(m);
    for (const d of days) this.refresh(d, d);
    const filters: string[] = [];
    if (q.serviceId) filters.push('service_id = @serviceId');
    if (q.counterId) filters.push('counter_id = @counterId');
    if (q.officerId) filters.push('officer_id = @officerId');
    const and = filters.length ? ` AND ${filters.join(' AND ')}` : '';
    const params = { serviceId: q.serviceId, counterId: q.counterId, officerId: q.officerId };
    // Plans: primary keys (month|business_day, …) → one index range per month / per day.
    const monthStmt = this.db.prepare(`SELECT month AS business_day, service_id, counter_id, officer_id, data FROM report_month_rollup WHERE month = @key${and}`);
    const dayStmt = this.db.prepare(`SELECT business_day, service_id, counter_id, officer_id, data FROM report_rollup WHERE business_day = @key${and}`);
    const rows: (RollupRow & { month: boolean })[] = [
      ...months.flatMap((m) => (monthStmt.all({ key: m, ...params }) as RollupRow[]).map((r) => ({ ...r, month: true }))),
      ...days.flatMap((d) => (dayStmt.all({ key: d, ...params }) as RollupRow[]).map((r) => ({ ...r, month: false }))),
    ];

    const totals = newAcc(0);
    const byService = new Map<number, Acc>();
    const byCounter = new Map<number, Acc>();
    const byOfficer = new Map<number, Acc>();
    const heatmap = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
    const get = (m: Map<number, Acc>, id: number) => {
      let a = m.get(id);
      if (!a) m.set(id, (a = newAcc(id)));
      return a;
    };
    for (const r of rows) {
      const d = JSON.parse(r.data) as RollupData | MonthData;
      merge(totals, d);
      merge(get(byService, r.service_id), d);
      if (r.counter_id) merge(get(byCounter, r.counter_id), d);
      if (r.officer_id) merge(get(byOfficer, r.officer_id), d);
      if ('heat' in d) d.heat.forEach((row, wd) => row.forEach((n, h) => ((heatmap[wd] as number[])[h]! += n)));
      else {
        const hm = heatmap[weekdayOf(r.business_day)] as number[];
        d.hours.forEach((n, h) => (hm[h] = (hm[h] ?? 0) + n));
      }
    }

    const names = (sql: string) => new Map((this.db.prepare(sql).all() as { id: number; name: string }[]).map((x) => [x.id, x.name]));
    const serviceNames = names('SELECT id, name_vi AS name FROM services');
    const counterNames = names('SELECT id, name FROM counters');
    const officerNames = names('SELECT id, name FROM officers');
    const sortRows = (m: Map<number, Acc>, n: Map<number, string>) =>
      [...m.values()].map((a) => toRow(a, n.get(a.id) ?? `#${a.id}`)).sort((a, b) => a.name.localeCompare(b.name, 'vi'));

    const office = this.office();
    const reasonLabel = new Map(office.ratingReasons.map((r) => [r.code, r.vi]));
    const totalRatings = Object.values(totals.ratings).reduce((s, n) => s + n, 0);

    // Plan: ratings_comment partial index (created_at) WHERE comment != '', newest first, bounded by
    // the range (a rating comes after its ticket's day starts); CROSS JOIN keeps ratings outermost
    // so SQLite never walks a year of tickets to find 200 comments.
    const cWhere = ["r.comment != ''", 'r.created_at >= @fromMs', 'r.created_at < @toMs', 't.business_day BETWEEN @from AND @to'];
    if (q.serviceId) cWhere.push('t.service_id = @serviceId');
    if (q.counterId) cWhere.push('t.counter_id = @counterId');
    if (q.officerId) cWhere.push('t.officer_id = @officerId');
    const comments = this.db
      .prepare(
        `SELECT t.number, r.score, r.levels, r.comment, r.created_at AS at, r.service_id AS serviceId, r.counter_id AS counterId, r.officer_id AS officerId
         FROM ratings r INDEXED BY ratings_comment CROSS JOIN tickets t ON t.id = r.ticket_id WHERE ${cWhere.join(' AND ')} ORDER BY r.created_at DESC LIMIT 200`,
      )
      .all({
        from: q.from,
        to: q.to,
        fromMs: Date.parse(`${q.from}T00:00:00Z`) - 86_400_000,
        toMs: Date.parse(`${q.to}T00:00:00Z`) + 3 * 86_400_000,
        ...params,
      }) as ReportSummary['satisfaction']['comments'];

    return {
      query: q,
      totals: toRow(totals, 'Tổng'),
      heatmap,
      byService: sortRows(byService, serviceNames),
      byCounter: sortRows(byCounter, counterNames),
      byOfficer: sortRows(byOfficer, officerNames),
      satisfaction: {
        total: totalRatings,
        byScaleScore: totals.ratings,
        percentSatisfied: percentSatisfied(totals.ratings),
        responseRate: totals.served ? (totalRatings / totals.served) * 100 : null,
        reasons: Object.entries(totals.reasons)
          .map(([code, count]) => ({ code, label: reasonLabel.get(code) ?? code, count }))
          .sort((a, b) => b.count - a.count),
        comments,
      },
    };
  }
}
