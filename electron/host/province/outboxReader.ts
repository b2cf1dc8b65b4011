import type Database from 'better-sqlite3';
import type { HubEvent } from '../../../shared/hubProtocol';

interface EventRow {
  id: number;
  at: number;
  type: string;
  ticket_id: string | null;
  counter_id: number | null;
  actor: string;
  payload: string;
  service_id: number | null;
}

/**
 * The office's outbox toward the province is its own event log: every event is already written in
 * the same transaction as the change it records, append-only (m001's triggers), numbered without
 * gaps. So nothing is written twice and nothing waits for the hub; the link only keeps a cursor.
 */
export class OutboxReader {
  private readonly max: Database.Statement<[], { m: number | null }>;
  private readonly page: Database.Statement<[number, number], EventRow>;

  constructor(db: Database.Database) {
    this.max = db.prepare('SELECT max(id) AS m FROM events');
    // The ticket's service rides along (the hub reports per service); a ticket row never changes service.
    this.page = db.prepare(`SELECT e.id, e.at, e.type, e.ticket_id, e.counter_id, e.actor, e.payload, t.service_id
      FROM events e LEFT JOIN tickets t ON t.id = e.ticket_id WHERE e.id > ? ORDER BY e.id LIMIT ?`);
  }

  lastSeq(): number {
    return this.max.get()?.m ?? 0;
  }

  after(seq: number, limit: number): HubEvent[] {
    return this.page.all(seq, limit).map((r) => {
      const payload = JSON.parse(r.payload) as Record<string, unknown>;
      const fromPayload = typeof payload.serviceId === 'number' ? payload.serviceId : null;
      return { seq: r.id, at: r.at, type: r.type, ticketId: r.ticket_id, counterId: r.counter_id, serviceId: r.service_id ?? fromPayload, actor: r.actor.slice(0, 120), payload };
    });
  }
}
