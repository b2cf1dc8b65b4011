import type Database from 'better-sqlite3';
import { prng } from './prng';

export interface DatasetOptions {
  days: number;
  ticketsPerDay: number;
  firstDay: string;
  seed?: number;
  /**
   * What the tickets nobody called by the end of their day are: `expired` since close of day exists
   * (default), `waiting` as a database written before it (schema 2) holds them.
   */
  leftOpen?: 'expired' | 'waiting';
}

const H = 3_600_000;
const M = 60_000;

/**
 * Writes a realistic history straight into the tickets and ratings tables (the queue's own
 * operations would take far too long for a year): office hours 07:30–11:30 and 13:30–17:00 with a
 * morning peak, log-normal waits and service times, no-shows, transfers, cancellations, tickets left at close of day, and
 * ratings skewed to satisfied with reasons and a few comments. Uses the seeded services, counters
 * and officers (counter n is staffed by officer n).
 */
export function generateHistory(db: Database.Database, o: DatasetOptions): { tickets: number } {
  const rnd = prng(o.seed ?? 42);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const logNormal = (medianMin: number, sigma: number) => Math.exp(Math.log(medianMin) + sigma * normal()) * M;
  const services = db.prepare('SELECT id, prefix FROM services ORDER BY id').all() as { id: number; prefix: string }[];
  const counterOf = new Map<number, number[]>();
  for (const r of db.prepare('SELECT counter_id, service_id FROM counter_services').all() as { counter_id: number; service_id: number }[]) {
    counterOf.set(r.service_id, [...(counterOf.get(r.service_id) ?? []), r.counter_id]);
  }
  const officers = new Set((db.prepare('SELECT id FROM officers').all() as { id: number }[]).map((x) => x.id));
  const reasons = ['friendly', 'fast', 'long_wait', 'attitude', 'unclear', 'facilities'];
  const insT = db.prepare(`INSERT INTO tickets (id, service_id, business_day, seq, number, priority, state, issued_at, queued_at, called_at, serving_at, finished_at, counter_id, officer_id, call_count, transferred_from, issue_order)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insR = db.prepare('INSERT INTO ratings (ticket_id, score, levels, reasons, comment, service_id, counter_id, officer_id, source, created_at) VALUES (?, ?, 4, ?, ?, ?, ?, ?, ?, ?)');
  const servedBy = db.prepare('SELECT service_id, counter_id, officer_id FROM tickets WHERE id = ?');
  let order = (db.prepare('SELECT coalesce(max(issue_order), 0) AS m FROM tickets').get() as { m: number }).m;
  let count = 0;
  const start = Date.parse(`${o.firstDay}T00:00:00Z`);
  // Weight of each half-hour slot of the working day: a peak after opening and after lunch.
  const slots = [
    [7.5, 3], [8, 5], [8.5, 6], [9, 6], [9.5, 5], [10, 4], [10.5, 3], [11, 2],
    [13.5, 4], [14, 5], [14.5, 4], [15, 3], [15.5, 3], [16, 2], [16.5, 1],
  ] as const;
  const totalW = slots.reduce((s, x) => s + x[1], 0);
  const pickSlot = () => {
    let r = rnd() * totalW;
    for (const [h, w] of slots) if ((r -= w) < 0) return h;
    return 16.5;
  };
  db.transaction(() => {
    for (let d = 0; d < o.days; d++) {
      const dayStart = start + d * 86_400_000;
      const day = new Date(dayStart).toISOString().slice(0, 10);
      const weekday = (new Date(dayStart).getUTCDay() + 6) % 7;
      if (weekday === 6) continue; // closed on Sundays
      const n = weekday === 5 ? Math.floor(o.ticketsPerDay / 2) : o.ticketsPerDay;
      const seqs = new Map<number, number>();
      for (let i = 0; i < n; i++) {
        const s = services[Math.floor(rnd() * services.length)] as { id: number; prefix: string };
        const seq = (seqs.get(s.id) ?? 0) + 1;
        seqs.set(s.id, seq);
        // Local Hà Nội time = UTC + 7 h.
        const issued = dayStart + (pickSlot() - 7) * H + Math.floor(rnd() * 30 * M);
        const counters = counterOf.get(s.id) ?? [1];
        const counter = counters[Math.floor(rnd() * counters.length)] as number;
        const officer = officers.has(counter) ? counter : 1;
        const roll = rnd();
        const state = roll < 0.04 ? 'cancelled' : roll < 0.1 ? 'skipped' : roll < 0.13 ? 'transferred' : roll < 0.15 ? (o.leftOpen ?? 'expired') : 'done';
        const called = state === 'cancelled' || state === 'waiting' || state === 'expired' ? null : issued + Math.floor(logNormal(14, 0.7));
        const serving = state === 'done' || state === 'transferred' ? (called as number) + 20_000 : null;
        const finished = state === 'done' || state === 'transferred' ? (serving as number) + Math.floor(logNormal(9, 0.5)) : state === 'cancelled' ? issued + 30 * M : null;
        const id = `T${day.replace(/-/g, '')}${String(++order).padStart(9, '0')}`;
        const number = `${s.prefix}${String(seq).padStart(3, '0')}`;
        insT.run(id, s.id, day, seq, number, rnd() < 0.1 ? 'elderly' : null, state, issued, issued, called, serving, finished, called ? counter : null, called ? officer : null, called ? 1 : 0, null, order);
        count++;
        let doneId: string | null = state === 'done' ? id : null;
        let doneFinish = finished;
        if (state === 'transferred') {
          const to = services[(services.indexOf(s) + 1) % services.length] as { id: number; prefix: string };
          const c2 = (counterOf.get(to.id) ?? [1])[0] as number;
          const called2 = (finished as number) + Math.floor(logNormal(6, 0.5));
          const fin2 = called2 + Math.floor(logNormal(7, 0.5));
          const id2 = `U${day.replace(/-/g, '')}${String(++order).padStart(9, '0')}`;
          insT.run(id2, to.id, day, seq, number, null, 'done', issued, issued, called2, called2, fin2, c2, officers.has(c2) ? c2 : 1, 1, id, order);
          count++;
          doneId = id2;
          doneFinish = fin2;
        }
        if (doneId && rnd() < 0.6) {
          const r = rnd();
          const score = r < 0.55 ? 4 : r < 0.85 ? 3 : r < 0.95 ? 2 : 1;
          const why = rnd() < 0.4 ? [reasons[score >= 3 ? Math.floor(rnd() * 2) : 2 + Math.floor(rnd() * 4)] as string] : [];
          const comment = rnd() < 0.05 ? (score >= 3 ? 'Cán bộ hướng dẫn tận tình' : 'Phải chờ quá lâu') : '';
          const row = servedBy.get(doneId) as { service_id: number; counter_id: number; officer_id: number };
          insR.run(doneId, score, JSON.stringify(why), comment, row.service_id, row.counter_id, row.officer_id, 'tablet', (doneFinish as number) + 30_000);
        }
      }
    }
  })();
  return { tickets: count };
}
