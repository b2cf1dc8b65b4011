import type Database from 'better-sqlite3';
import { localParts } from '../../../shared/businessDay';
import { addDuration, emptyAcc, toData } from '../../../shared/reportMath';
import type { DurationAcc, DurationData } from '../../../shared/reportMath';

/** What one rollup row holds for its (day, service, counter, officer). */
export interface RollupData {
  issued: number;
  served: number;
  noShows: number;
  transferred: number;
  cancelled: number;
  /** Still open when the business day closed: not served. Absent from rollups built before m003. */
  expired?: number;
  wait: DurationData;
  service: DurationData;
  /** tickets issued per local hour 0–23 */
  hours: number[];
  ratings: Record<string, number>;
  reasons: Record<string, number>;
}

/** A rollup while it is being summed: durations as dense histograms. */
export type RollupAcc = Omit<RollupData, 'wait' | 'service' | 'expired'> & { expired: number; wait: DurationAcc; service: DurationAcc };

export const emptyRollup = (): RollupAcc => ({
  issued: 0,
  served: 0,
  noShows: 0,
  transferred: 0,
  cancelled: 0,
  expired: 0,
  wait: emptyAcc(),
  service: emptyAcc(),
  hours: Array<number>(24).fill(0),
  ratings: {},
  reasons: {},
});

interface Row {
  service_id: number;
  counter_id: number | null;
  officer_id: number | null;
  state: string;
  issued_at: number;
  called_at: number | null;
  serving_at: number | null;
  finished_at: number | null;
  transferred_from: string | null;
  score: number | null;
  levels: number | null;
  reasons: string | null;
}

/**
 * Builds (or rebuilds) the rollup of the given business days from the tickets themselves, in one
 * transaction per call. Plan: tickets_day (business_day, service_id) index range scan per day.
 */
export class DayRollup {
  private readonly dayRows: Database.Statement<[string], Row>;
  private readonly clear: Database.Statement<[string]>;
  private readonly insert: Database.Statement<[string, number, number, number, string]>;
  private readonly mark: Database.Statement<[string, number]>;

  constructor(
    private readonly db: Database.Database,
    private readonly timeZone: () => string,
  ) {
    this.dayRows = db.prepare(`SELECT t.service_id, t.counter_id, t.officer_id, t.state, t.issued_at, t.called_at, t.serving_at, t.finished_at, t.transferred_from,
        r.score, r.levels, r.reasons
      FROM tickets t LEFT JOIN ratings r ON r.ticket_id = t.id WHERE t.business_day = ?`);
    this.clear = db.prepare('DELETE FROM report_rollup WHERE business_day = ?');
    this.insert = db.prepare('INSERT INTO report_rollup (business_day, service_id, counter_id, officer_id, data) VALUES (?, ?, ?, ?, ?)');
    this.mark = db.prepare('INSERT OR REPLACE INTO report_days (business_day, computed_at) VALUES (?, ?)');
  }

  build(days: string[], now: number): void {
    const tz = this.timeZone();
    this.db.transaction(() => {
      for (const day of days) {
        const groups = new Map<string, RollupAcc>();
        for (const r of this.dayRows.all(day)) {
          const key = `${r.service_id}|${r.counter_id ?? 0}|${r.officer_id ?? 0}`;
          let g = groups.get(key);
          if (!g) groups.set(key, (g = emptyRollup()));
          const original = r.transferred_from === null;
          if (original) {
            g.issued++;
            const h = localParts(r.issued_at, tz).hour;
            g.hours[h] = (g.hours[h] ?? 0) + 1;
            if (r.called_at !== null) addDuration(g.wait, r.called_at - r.issued_at);
          }
          if (r.state === 'done') {
            g.served++;
            const start = r.called_at ?? r.serving_at;
            if (start !== null && r.finished_at !== null) addDuration(g.service, r.finished_at - start);
          } else if (r.state === 'skipped') g.noShows++;
          else if (r.state === 'transferred') g.transferred++;
          else if (r.state === 'cancelled') g.cancelled++;
          else if (r.state === 'expired') g.expired++;
          if (r.score !== null && r.levels !== null) {
            const k = `${r.levels}:${r.score}`;
            g.ratings[k] = (g.ratings[k] ?? 0) + 1;
            for (const code of JSON.parse(r.reasons ?? '[]') as string[]) g.reasons[code] = (g.reasons[code] ?? 0) + 1;
          }
        }
        this.clear.run(day);
        for (const [key, data] of groups) {
          const [s, c, o] = key.split('|').map(Number) as [number, number, number];
          this.insert.run(day, s, c, o, JSON.stringify({ ...data, wait: toData(data.wait), service: toData(data.service) }));
        }
        this.mark.run(day, now);
      }
    })();
  }
}
