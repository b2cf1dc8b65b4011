import { describe, expect, it } from 'vitest';
import type { ReportRow } from '../../../shared/api/reportSchemas';
import { ReportQueries } from '../../../electron/host/reports/reportQuery';
import { generateHistory } from '../../helpers/reportDataset';
import { STAFF, tempQueue } from '../../helpers/tempHost';

interface T {
  id: string;
  service_id: number;
  counter_id: number | null;
  officer_id: number | null;
  state: string;
  business_day: string;
  issued_at: number;
  called_at: number | null;
  serving_at: number | null;
  finished_at: number | null;
  transferred_from: string | null;
}
interface R {
  ticket_id: string;
  score: number;
  levels: number;
  reasons: string;
}

// The independent side: plain TypeScript over the raw rows, exact percentiles by sorting.
function exact(values: number[]) {
  const v = [...values].sort((a, b) => a - b);
  const rank = (p: number) => v[Math.max(1, Math.ceil((p / 100) * v.length)) - 1] ?? null;
  return { n: v.length, mean: v.length ? v.reduce((s, x) => s + x, 0) / v.length : null, median: rank(50), p90: rank(90), max: v.length ? (v[v.length - 1] as number) : null };
}

function expectedRow(tickets: T[], ratings: Map<string, R>) {
  const originals = tickets.filter((t) => t.transferred_from === null);
  const done = tickets.filter((t) => t.state === 'done');
  const rated = done.map((t) => ratings.get(t.id)).filter((r): r is R => !!r);
  return {
    issued: originals.length,
    served: done.length,
    noShows: tickets.filter((t) => t.state === 'skipped').length,
    transferred: tickets.filter((t) => t.state === 'transferred').length,
    cancelled: tickets.filter((t) => t.state === 'cancelled').length,
    expired: tickets.filter((t) => t.state === 'expired').length,
    wait: exact(originals.filter((t) => t.called_at !== null).map((t) => (t.called_at as number) - t.issued_at)),
    service: exact(done.map((t) => (t.finished_at as number) - (t.called_at ?? (t.serving_at as number)))),
    ratings: rated.length,
    percentSatisfied: rated.length ? (rated.filter((r) => r.score >= r.levels - 1).length / rated.length) * 100 : null,
  };
}

function compare(got: ReportRow, want: ReturnType<typeof expectedRow>, label: string) {
  expect({ label, issued: got.issued, served: got.served, noShows: got.noShows, transferred: got.transferred, cancelled: got.cancelled, expired: got.expired, ratings: got.ratings }).toEqual({
    label,
    issued: want.issued,
    served: want.served,
    noShows: want.noShows,
    transferred: want.transferred,
    cancelled: want.cancelled,
    expired: want.expired,
    ratings: want.ratings,
  });
  for (const k of ['wait', 'service'] as const) {
    expect(got[k].n, `${label} ${k} n`).toBe(want[k].n);
    if (want[k].n === 0) continue;
    expect(got[k].meanMs as number, `${label} ${k} mean`).toBeCloseTo(want[k].mean as number, 3);
    expect(got[k].maxMs, `${label} ${k} max`).toBe(want[k].max);
    // Medians and p90s come from 10-second buckets: within 5 s of the exact value.
    expect(Math.abs((got[k].medianMs as number) - (want[k].median as number)), `${label} ${k} median`).toBeLessThanOrEqual(5000);
    expect(Math.abs((got[k].p90Ms as number) - (want[k].p90 as number)), `${label} ${k} p90`).toBeLessThanOrEqual(5000);
  }
  if (want.percentSatisfied === null) expect(got.percentSatisfied).toBeNull();
  else expect(got.percentSatisfied as number).toBeCloseTo(want.percentSatisfied, 6);
}

describe('reports', () => {
  it('every figure matches an independent computation over the raw rows', () => {
    const { db, queue } = tempQueue();
    generateHistory(db, { days: 50, ticketsPerDay: 80, firstDay: '2026-09-20' });
    const reports = new ReportQueries(db, () => queue.settings.get());
    const tickets = db.prepare('SELECT * FROM tickets').all() as T[];
    const ratings = new Map((db.prepare('SELECT * FROM ratings').all() as R[]).map((r) => [r.ticket_id, r]));
    const inRange = (t: T, from: string, to: string) => t.business_day >= from && t.business_day <= to;

    // A whole month (read from the month rollup) plus loose days on both sides.
    const q = { from: '2026-09-25', to: '2026-11-03' };
    const s = reports.summary(q);
    const sel = tickets.filter((t) => inRange(t, q.from, q.to));
    compare(s.totals, expectedRow(sel, ratings), 'totals');
    for (const row of s.byService) compare(row, expectedRow(sel.filter((t) => t.service_id === row.id), ratings), `service ${row.name}`);
    for (const row of s.byCounter) compare(row, expectedRow(sel.filter((t) => t.counter_id === row.id), ratings), `counter ${row.name}`);
    for (const row of s.byOfficer) compare(row, expectedRow(sel.filter((t) => t.officer_id === row.id), ratings), `officer ${row.name}`);
    expect(s.byService.length).toBe(new Set(sel.map((t) => t.service_id)).size);

    // Heat map: weekday of the business day × local (UTC+7) hour of issue, original tickets only.
    const heat = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
    for (const t of sel.filter((x) => x.transferred_from === null)) {
      const wd = (new Date(`${t.business_day}T00:00:00Z`).getUTCDay() + 6) % 7;
      (heat[wd] as number[])[new Date(t.issued_at + 7 * 3_600_000).getUTCHours()]! += 1;
    }
    expect(s.heatmap).toEqual(heat);

    // Satisfaction: counts per level, reasons, response rate.
    const rated = sel.filter((t) => t.state === 'done' && ratings.has(t.id)).map((t) => ratings.get(t.id) as R);
    const byScore: Record<string, number> = {};
    const reasons: Record<string, number> = {};
    for (const r of rated) {
      byScore[`${r.levels}:${r.score}`] = (byScore[`${r.levels}:${r.score}`] ?? 0) + 1;
      for (const c of JSON.parse(r.reasons) as string[]) reasons[c] = (reasons[c] ?? 0) + 1;
    }
    expect(s.satisfaction.byScaleScore).toEqual(byScore);
    expect(Object.fromEntries(s.satisfaction.reasons.map((r) => [r.code, r.count]))).toEqual(reasons);
    expect(s.satisfaction.responseRate as number).toBeCloseTo((rated.length / sel.filter((t) => t.state === 'done').length) * 100, 6);
    expect(s.satisfaction.comments.every((c) => c.comment.length > 0)).toBe(true);

    // Filters, and a range of loose days only.
    const f = reports.summary({ ...q, serviceId: 3, counterId: 3 });
    compare(f.totals, expectedRow(sel.filter((t) => t.service_id === 3 && t.counter_id === 3), ratings), 'filtered');
    const w = reports.summary({ from: '2026-10-05', to: '2026-10-09' });
    compare(w.totals, expectedRow(tickets.filter((t) => inRange(t, '2026-10-05', '2026-10-09')), ratings), 'week');
  });

  it('a change to a past day is reflected on the next report', () => {
    const { db, queue, clock } = tempQueue();
    const reports = new ReportQueries(db, () => queue.settings.get());
    const day = reports.summary({ from: '2026-11-23', to: '2026-11-23' });
    expect(day.totals.issued).toBe(0);
    queue.counters.open(1, 1);
    const t = queue.issuer.issue({ serviceId: 1 });
    queue.calling.callNext(1, STAFF(1, 1));
    clock.minutes(7);
    queue.lifecycle.finish(t.id, STAFF(1, 1));
    queue.ratings.rate({ ticketId: t.id, score: 4 });
    const after = reports.summary({ from: '2026-11-23', to: '2026-11-23' });
    expect(after.totals).toMatchObject({ issued: 1, served: 1, ratings: 1, percentSatisfied: 100 });
    expect(after.totals.service.maxMs).toBe(7 * 60_000);
  });
});
