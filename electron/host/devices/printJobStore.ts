import type Database from 'better-sqlite3';
import type { PrintJournal, PrintJobState } from '../printer/printerService';

export interface PrintJobRow {
  id: number;
  kind: 'ticket' | 'test';
  ticket_id: string | null;
  ticket_number: string | null;
  business_day: string | null;
  state: PrintJobState;
  error: string | null;
  attempts: number;
  auto_reprinted: number;
  created_at: number;
  updated_at: number;
  printer: string;
}

/**
 * Print jobs in the database: what happened to each ticket's print survives a restart, and the one
 * automatic reprint of a failed ticket is claimed in a single write, so it can happen only once.
 * One store per printer ('host' or 'device:<id>'); a ticket's latest job is found whichever printer had it.
 */
export class PrintJobStore implements PrintJournal {
  private readonly insert: Database.Statement;
  private readonly setState: Database.Statement;
  private readonly byId: Database.Statement<[number], PrintJobRow>;
  private readonly latestOfTicket: Database.Statement<[string], PrintJobRow>;
  private readonly recent: Database.Statement<[string, number], PrintJobRow>;
  private readonly failedOfDay: Database.Statement<[string, string], { n: number }>;
  private readonly reprintCandidates: Database.Statement<[string, string], PrintJobRow>;
  private readonly claim: Database.Statement<[number, number]>;
  private readonly interrupted: Database.Statement<[number, string]>;

  constructor(
    db: Database.Database,
    private readonly now: () => number,
    private readonly changed: (row: PrintJobRow) => void,
    readonly printer = 'host',
  ) {
    this.insert = db.prepare(`INSERT INTO print_jobs (kind, ticket_id, ticket_number, business_day, state, created_at, updated_at, printer)
      VALUES (@kind, @ticket_id, @ticket_number, (SELECT business_day FROM tickets WHERE id = @ticket_id), 'queued', @now, @now, @printer)`);
    this.setState = db.prepare(`UPDATE print_jobs SET state = @state, error = @error, updated_at = @now,
      attempts = attempts + (CASE WHEN @state = 'printing' THEN 1 ELSE 0 END) WHERE id = @id`);
    this.byId = db.prepare('SELECT * FROM print_jobs WHERE id = ?');
    // Plan: print_jobs_ticket.
    this.latestOfTicket = db.prepare('SELECT * FROM print_jobs WHERE ticket_id = ? ORDER BY id DESC LIMIT 1');
    // Plan: print_jobs_printer.
    this.recent = db.prepare('SELECT * FROM print_jobs WHERE printer = ? ORDER BY id DESC LIMIT ?');
    this.failedOfDay = db.prepare("SELECT count(*) AS n FROM print_jobs WHERE state = 'failed' AND kind = 'ticket' AND business_day = ? AND printer = ?");
    // Plan: print_jobs_to_reprint (business_day) WHERE state = 'failed' AND auto_reprinted = 0.
    this.reprintCandidates = db.prepare(
      "SELECT * FROM print_jobs WHERE state = 'failed' AND auto_reprinted = 0 AND kind = 'ticket' AND business_day = ? AND printer = ? ORDER BY id",
    );
    this.claim = db.prepare(
      "UPDATE print_jobs SET auto_reprinted = 1, state = 'queued', error = NULL, updated_at = ? WHERE id = ? AND state = 'failed' AND auto_reprinted = 0",
    );
    this.interrupted = db.prepare(
      "UPDATE print_jobs SET state = 'failed', error = 'gián đoạn do khởi động lại', updated_at = ? WHERE state IN ('queued', 'printing') AND printer = ?",
    );
  }

  add(job: { kind: 'ticket' | 'test'; ticketId: string | null; ticketNumber: string | null }): number {
    const info = this.insert.run({ kind: job.kind, ticket_id: job.ticketId, ticket_number: job.ticketNumber, now: this.now(), printer: this.printer });
    const id = Number(info.lastInsertRowid);
    this.tell(id);
    return id;
  }

  update(id: number, state: PrintJobState, error: string | null): void {
    this.setState.run({ id, state, error, now: this.now() });
    this.tell(id);
  }

  get(id: number): PrintJobRow | null {
    return this.byId.get(id) ?? null;
  }

  ofTicket(ticketId: string): PrintJobRow | null {
    return this.latestOfTicket.get(ticketId) ?? null;
  }

  list(limit: number): PrintJobRow[] {
    return this.recent.all(this.printer, limit);
  }

  failedCount(day: string): number {
    return this.failedOfDay.get(day, this.printer)?.n ?? 0;
  }

  /** Failed ticket jobs of `day` whose one automatic reprint is still unspent. */
  awaitingReprint(day: string): PrintJobRow[] {
    return this.reprintCandidates.all(day, this.printer);
  }

  /** Spend the job's automatic reprint; false when it was already spent (or the job is not failed). */
  claimReprint(id: number): boolean {
    const ok = this.claim.run(this.now(), id).changes === 1;
    if (ok) this.tell(id);
    return ok;
  }

  /** At start: a job that was queued or printing when the host stopped did not finish. */
  markInterrupted(): number {
    return this.interrupted.run(this.now(), this.printer).changes;
  }

  private tell(id: number): void {
    const row = this.byId.get(id);
    if (row) this.changed(row);
  }
}
