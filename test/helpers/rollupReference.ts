import type Database from 'better-sqlite3';
import { localParts } from '../../shared/businessDay';
import { histEntries } from '../../electron/host/db/sqlFunctions';

// The report rollups recomputed from the raw tickets and ratings in plain TypeScript (the
// independent side), and the rollups as stored, both in one comparable shape.

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

export interface Rollups {
  days: Record<string, Record<string, number>>;
  hist: Record<string, Record<number, number>>;
  ratings: Record<string, number>;
  reasons: Record<string, number>;
}

const CATEGORY: Record<string, string> = { done: 'served', skipped: 'no_shows', transferred: 'transferred', cancelled: 'cancelled', expired: 'expired' };

/** `zoneOf(ticket)`: the office's zone when that ticket was issued (its hour of issue is read there). */
export function recomputeRollups(db: Database.Database, zoneOf: (t: { id: string; issued_at: number }) => string): Rollups {
  const out: Rollups = { days: {}, hist: {}, ratings: {}, reasons: {} };
  const tickets = db.prepare('SELECT * FROM tickets').all() as T[];
  const byId = new Map(tickets.map((t) => [t.id, t]));
  const groupOf = (t: T) => `${t.business_day}|${t.service_id}|${t.counter_id ?? 0}|${t.officer_id ?? 0}`;
  const addHist = (t: T, measure: number, ms: number) => {
    const b = Math.min(8639, Math.floor(ms / 10_000));
    for (const period of [t.business_day, t.business_day.slice(0, 7)]) {
      const k = `${period}|${measure}|${t.service_id}|${t.counter_id ?? 0}|${t.officer_id ?? 0}`;
      const h = (out.hist[k] ??= {});
      h[b] = (h[b] ?? 0) + 1;
    }
  };
  for (const t of tickets) {
    const k = groupOf(t);
    const row = (out.days[k] ??= Object.fromEntries(
      ['issued', 'served', 'no_shows', 'transferred', 'cancelled', 'expired', 'wait_n', 'wait_sum', 'wait_max', 'service_n', 'service_sum', 'service_max', ...Array.from({ length: 24 }, (_, h) => `h${h}`)].map((c) => [c, 0]),
    ));
    const original = t.transferred_from === null;
    if (original) {
      row.issued! += 1;
      row[`h${localParts(t.issued_at, zoneOf(t)).hour}`]! += 1;
      if (t.called_at !== null) {
        const w = Math.max(0, t.called_at - t.issued_at);
        row.wait_n! += 1;
        row.wait_sum! += w;
        row.wait_max = Math.max(row.wait_max!, w);
        addHist(t, 0, w);
      }
    }
    const cat = CATEGORY[t.state];
    if (cat) row[cat]! += 1;
    const start = t.called_at ?? t.serving_at;
    if (t.state === 'done' && start !== null && t.finished_at !== null) {
      const s = Math.max(0, t.finished_at - start);
      row.service_n! += 1;
      row.service_sum! += s;
      row.service_max = Math.max(row.service_max!, s);
      addHist(t, 1, s);
    }
  }
  for (const r of db.prepare('SELECT ticket_id, levels, score, reasons FROM ratings').all() as { ticket_id: string; levels: number; score: number; reasons: string }[]) {
    const t = byId.get(r.ticket_id) as T;
    const k = `${groupOf(t)}|${r.levels}|${r.score}`;
    out.ratings[k] = (out.ratings[k] ?? 0) + 1;
    for (const code of JSON.parse(r.reasons) as string[]) {
      const rk = `${groupOf(t)}|${code}`;
      out.reasons[rk] = (out.reasons[rk] ?? 0) + 1;
    }
  }
  return dropZeroRows(out);
}

// A group whose tickets count for nothing (all called away, or a transfer still waiting) is a row of
// zeros: the same as no row.
function dropZeroRows(r: Rollups): Rollups {
  for (const [k, row] of Object.entries(r.days)) if (Object.values(row).every((v) => v === 0)) delete r.days[k];
  return r;
}

/** The rollup tables as stored, in the shape of recomputeRollups (empty histograms and zero counts left out). */
export function storedRollups(db: Database.Database): Rollups {
  const out: Rollups = { days: {}, hist: {}, ratings: {}, reasons: {} };
  for (const r of db.prepare('SELECT * FROM report_day').all() as Record<string, number | string>[]) {
    const { business_day, service_id, counter_id, officer_id, ...rest } = r;
    out.days[`${business_day}|${service_id}|${counter_id}|${officer_id}`] = rest as Record<string, number>;
  }
  for (const r of db.prepare('SELECT period, measure, service_id, counter_id, officer_id, h FROM report_hist').all() as { period: string; measure: number; service_id: number; counter_id: number; officer_id: number; h: Buffer }[]) {
    const e = histEntries(r.h);
    if (e.length) out.hist[`${r.period}|${r.measure}|${r.service_id}|${r.counter_id}|${r.officer_id}`] = Object.fromEntries(e);
  }
  for (const r of db.prepare('SELECT * FROM report_rating WHERE n != 0').all() as Record<string, number | string>[]) {
    out.ratings[`${r.business_day}|${r.service_id}|${r.counter_id}|${r.officer_id}|${r.levels}|${r.score}`] = r.n as number;
  }
  for (const r of db.prepare('SELECT * FROM report_reason WHERE n != 0').all() as Record<string, number | string>[]) {
    out.reasons[`${r.business_day}|${r.service_id}|${r.counter_id}|${r.officer_id}|${r.code}`] = r.n as number;
  }
  return dropZeroRows(out);
}
