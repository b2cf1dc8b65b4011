import type Database from 'better-sqlite3';
import type { ReportQuery, ReportRow, ReportSummary } from '../../../shared/api/reportSchemas';
import type { OfficeConfig } from '../../../shared/domain';
import { AppointmentReportQuery } from './appointmentReport';
import { durationStats, emptyAcc, percentSatisfied } from '../../../shared/reportMath';
import type { DurationAcc } from '../../../shared/reportMath';

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

interface Acc {
  id: number;
  issued: number;
  served: number;
  noShows: number;
  transferred: number;
  cancelled: number;
  expired: number;
  wait: DurationAcc;
  service: DurationAcc;
  ratings: Record<string, number>;
  reasons: Record<string, number>;
}

const newAcc = (id: number): Acc => ({ id, issued: 0, served: 0, noShows: 0, transferred: 0, cancelled: 0, expired: 0, wait: emptyAcc(), service: emptyAcc(), ratings: {}, reasons: {} });

interface DayRow {
  service_id: number;
  counter_id: number;
  officer_id: number;
  issued: number;
  served: number;
  no_shows: number;
  transferred: number;
  cancelled: number;
  expired: number;
  wait_n: number;
  wait_sum: number;
  wait_max: number;
  service_n: number;
  service_sum: number;
  service_max: number;
}

function addCounts(a: Acc, r: DayRow): void {
  a.issued += r.issued;
  a.served += r.served;
  a.noShows += r.no_shows;
  a.transferred += r.transferred;
  a.cancelled += r.cancelled;
  a.expired += r.expired;
  a.wait.n += r.wait_n;
  a.wait.sum += r.wait_sum;
  if (r.wait_n) a.wait.max = Math.max(a.wait.max, r.wait_max);
  a.service.n += r.service_n;
  a.service.sum += r.service_sum;
  if (r.service_n) a.service.max = Math.max(a.service.max, r.service_max);
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

const HOURS = Array.from({ length: 24 }, (_, h) => h);

export const WITHOUT_COUNTER = 'Chưa gọi / không thuộc quầy nào';
export const WITHOUT_OFFICER = 'Chưa gọi / không thuộc cán bộ nào';
/** Whether any ticket of the range fell in this row. */
const touched = (a: Acc) => a.issued + a.served + a.noShows + a.transferred + a.cancelled + a.expired + a.wait.n + a.service.n + Object.keys(a.ratings).length > 0;

/**
 * Reports over any date range, read from the rollups the triggers of m008 keep current in the same
 * transaction as every ticket change: there is nothing to build first. Counts and sums come from the
 * day rows (≈ 20 a day), durations' buckets from the month rows for whole months and the day rows
 * for the days around them (packed histograms: see electron/host/db/sqlFunctions.ts). Plans: every statement is a range of a rollup's primary key.
 */
export class ReportQueries {
  private readonly appointments: AppointmentReportQuery;

  constructor(
    private readonly db: Database.Database,
    private readonly office: () => OfficeConfig,
  ) {
    this.appointments = new AppointmentReportQuery(db, office);
  }

  summary(q: ReportQuery): ReportSummary {
    const { months, days } = splitRange(q.from, q.to);
    const filters: string[] = [];
    if (q.serviceId) filters.push('service_id = @serviceId');
    if (q.counterId) filters.push('counter_id = @counterId');
    if (q.officerId) filters.push('officer_id = @officerId');
    const and = filters.length ? ` AND ${filters.join(' AND ')}` : '';
    const range = { from: q.from, to: q.to, serviceId: q.serviceId, counterId: q.counterId, officerId: q.officerId };

    const totals = newAcc(0);
    const byService = new Map<number, Acc>();
    const byCounter = new Map<number, Acc>();
    const byOfficer = new Map<number, Acc>();
    const get = (m: Map<number, Acc>, id: number) => {
      let a = m.get(id);
      if (!a) m.set(id, (a = newAcc(id)));
      return a;
    };
    // Tickets nobody called (cancelled, expired, still waiting) belong to no counter and no officer:
    // rows of their own, so that the counters' and officers' figures add up to the totals (#28).
    const withoutCounter = newAcc(0);
    const withoutOfficer = newAcc(0);
    const accsOf = (s: number, c: number, o: number) => [totals, get(byService, s), c ? get(byCounter, c) : withoutCounter, o ? get(byOfficer, o) : withoutOfficer];

    const dayRows = this.db
      .prepare(
        `SELECT service_id, counter_id, officer_id, sum(issued) AS issued, sum(served) AS served, sum(no_shows) AS no_shows, sum(transferred) AS transferred,
           sum(cancelled) AS cancelled, sum(expired) AS expired, sum(wait_n) AS wait_n, sum(wait_sum) AS wait_sum, max(wait_max) AS wait_max,
           sum(service_n) AS service_n, sum(service_sum) AS service_sum, max(service_max) AS service_max
         FROM report_day WHERE business_day BETWEEN @from AND @to${and} GROUP BY service_id, counter_id, officer_id`,
      )
      .all(range) as DayRow[];
    for (const r of dayRows) for (const a of accsOf(r.service_id, r.counter_id, r.officer_id)) addCounts(a, r);

    // Heat map: weekday of the business day × local hour of issue.
    const heatmap = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
    const heatRows = this.db
      .prepare(`SELECT business_day, ${HOURS.map((h) => `sum(h${h})`).join(', ')} FROM report_day WHERE business_day BETWEEN @from AND @to${and} GROUP BY business_day`)
      .raw()
      .all(range) as [string, ...number[]][];
    for (const [day, ...hours] of heatRows) {
      const row = heatmap[(new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7] as number[];
      hours.forEach((n, h) => (row[h]! += n));
    }

    // Durations' buckets: month rows for whole months, day rows for the rest.
    const hist = this.db.prepare(`SELECT measure, service_id, counter_id, officer_id, h FROM report_hist WHERE period = @period${and}`).raw();
    for (const period of [...months, ...days]) {
      for (const [m, s, c, o, h] of hist.all({ ...range, period }) as [number, number, number, number, Buffer][]) {
        const targets = accsOf(s, c, o).map((a) => (m === 0 ? a.wait : a.service).counts);
        const v = new DataView(h.buffer, h.byteOffset, h.byteLength);
        for (let i = 0; i + 6 <= h.byteLength; i += 6) {
          const b = v.getUint16(i, true);
          const n = v.getInt32(i + 2, true);
          for (const counts of targets) counts[b]! += n;
        }
      }
    }

    const ratingRows = this.db
      .prepare(`SELECT service_id, counter_id, officer_id, levels, score, sum(n) FROM report_rating WHERE business_day BETWEEN @from AND @to${and} GROUP BY 1, 2, 3, 4, 5`)
      .raw()
      .all(range) as [number, number, number, number, number, number][];
    for (const [s, c, o, levels, score, n] of ratingRows) {
      if (!n) continue;
      const k = `${levels}:${score}`;
      for (const a of accsOf(s, c, o)) a.ratings[k] = (a.ratings[k] ?? 0) + n;
    }
    const reasonRows = this.db
      .prepare(`SELECT code, sum(n) FROM report_reason WHERE business_day BETWEEN @from AND @to${and} GROUP BY code`)
      .raw()
      .all(range) as [string, number][];
    for (const [code, n] of reasonRows) if (n) totals.reasons[code] = n;

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
        ...range,
        fromMs: Date.parse(`${q.from}T00:00:00Z`) - 86_400_000,
        toMs: Date.parse(`${q.to}T00:00:00Z`) + 3 * 86_400_000,
      }) as ReportSummary['satisfaction']['comments'];

    return {
      query: q,
      totals: toRow(totals, 'Tổng'),
      heatmap,
      byService: sortRows(byService, serviceNames),
      byCounter: sortRows(byCounter, counterNames),
      byOfficer: sortRows(byOfficer, officerNames),
      withoutCounter: touched(withoutCounter) ? toRow(withoutCounter, WITHOUT_COUNTER) : null,
      withoutOfficer: touched(withoutOfficer) ? toRow(withoutOfficer, WITHOUT_OFFICER) : null,
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
      // Bookings belong to a service, not to a counter or an officer: only with the whole office or a service.
      ...(q.counterId || q.officerId ? {} : { appointments: this.appointments.report(q.from, q.to, q.serviceId) }),
    };
  }
}
