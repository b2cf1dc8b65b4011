import type Database from 'better-sqlite3';
import type { Log } from '../logger';

const DAY_MS = 24 * 3600 * 1000;
/** Hourly is plenty against a retention counted in days, and costs one index probe. */
const EVERY_MS = 3600 * 1000;

/**
 * Erases the names a scanned ID card left on tickets once the office's retention has passed
 * (Decree 13/2023: personal data kept no longer than its purpose needs). The birth year stays:
 * on its own it names nobody, and reports may count ages by it.
 */
export class NamePurge {
  private readonly erase: Database.Statement<[number]>;

  constructor(db: Database.Database, private readonly retentionDays: () => number, private readonly now: () => number) {
    // Plan: tickets_citizen_named (m021), a partial index holding only tickets that still carry a name.
    this.erase = db.prepare('UPDATE tickets SET citizen_name = NULL WHERE citizen_name IS NOT NULL AND issued_at < ?');
  }

  /** Erase what is past retention now; how many tickets lost their name. */
  run(): number {
    return this.erase.run(this.now() - this.retentionDays() * DAY_MS).changes;
  }

  /** Run now (a host that was off past the deadline catches up at start) and then every hour. */
  start(log: Log): () => void {
    const tick = () => {
      try {
        const n = this.run();
        if (n > 0) log({ level: 'info', msg: 'citizen names erased after retention', tickets: n });
      } catch (e) {
        // A busy database now is tried again next hour; the names are not kept any longer than that.
        log({ level: 'error', msg: 'citizen name purge failed', error: String(e) });
      }
    };
    tick();
    const timer = setInterval(tick, EVERY_MS);
    timer.unref();
    return () => clearInterval(timer);
  }
}
