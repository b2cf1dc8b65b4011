import type Database from 'better-sqlite3';

export interface CounterRepair {
  table: 'service_day_counts' | 'counter_day_served';
  key: string;
  stored: string;
  actual: string;
}

/**
 * The running counters of m005 are kept by triggers; a database restored from a file written by
 * hand or by a tool that dropped triggers could still disagree with its tickets. At start the
 * host recounts one business day from the tickets (one indexed pass over that day) and puts right
 * any counter that differs, reporting what it changed.
 */
export function verifyRunningCounters(db: Database.Database, businessDay: string): CounterRepair[] {
  const repairs: CounterRepair[] = [];
  // A floor the admin confirmed after a damaged log (m015) stands for tickets the database lost.
  // (A database not yet at m015 — a migration test's — has none.)
  const floors = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'number_floors'").get() !== undefined;
  db.transaction(() => {
    const issued = db
      .prepare(
        `SELECT t.service_id, count(*) AS issued, ${floors ? 'max(max(t.seq), coalesce(f.last_seq, 0))' : 'max(t.seq)'} AS last_seq, c.issued AS s_issued, c.last_seq AS s_last
         FROM tickets t LEFT JOIN service_day_counts c ON c.service_id = t.service_id AND c.business_day = t.business_day
         ${floors ? 'LEFT JOIN number_floors f ON f.service_id = t.service_id AND f.business_day = t.business_day' : ''}
         WHERE t.business_day = ? AND t.transferred_from IS NULL GROUP BY t.service_id`,
      )
      .all(businessDay) as { service_id: number; issued: number; last_seq: number; s_issued: number | null; s_last: number | null }[];
    const fixIssued = db.prepare(
      'INSERT INTO service_day_counts (service_id, business_day, issued, last_seq) VALUES (?, ?, ?, ?) ON CONFLICT (service_id, business_day) DO UPDATE SET issued = excluded.issued, last_seq = excluded.last_seq',
    );
    for (const r of issued) {
      if (r.issued === r.s_issued && r.last_seq === r.s_last) continue;
      repairs.push({ table: 'service_day_counts', key: `${r.service_id}/${businessDay}`, stored: `${r.s_issued}/${r.s_last}`, actual: `${r.issued}/${r.last_seq}` });
      fixIssued.run(r.service_id, businessDay, r.issued, r.last_seq);
    }
    const served = db
      .prepare(
        `SELECT t.counter_id, count(*) AS served, c.served AS s_served
         FROM tickets t LEFT JOIN counter_day_served c ON c.counter_id = t.counter_id AND c.business_day = t.business_day
         WHERE t.business_day = ? AND t.state = 'done' AND t.counter_id IS NOT NULL GROUP BY t.counter_id`,
      )
      .all(businessDay) as { counter_id: number; served: number; s_served: number | null }[];
    const fixServed = db.prepare(
      'INSERT INTO counter_day_served (counter_id, business_day, served) VALUES (?, ?, ?) ON CONFLICT (counter_id, business_day) DO UPDATE SET served = excluded.served',
    );
    for (const r of served) {
      if (r.served === r.s_served) continue;
      repairs.push({ table: 'counter_day_served', key: `${r.counter_id}/${businessDay}`, stored: String(r.s_served), actual: String(r.served) });
      fixServed.run(r.counter_id, businessDay, r.served);
    }
  }).immediate();
  return repairs;
}
