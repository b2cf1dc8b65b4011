import type Database from 'better-sqlite3';
import type { HubEvent, HubTicket } from '../../../shared/hubProtocol';

interface EventRow {
  id: number;
  at: number;
  type: string;
  ticket_id: string | null;
  counter_id: number | null;
  actor: string;
  payload: string;
  service_id: number | null;
  business_day: string | null;
  t_counter: number | null;
  officer_id: number | null;
  state: HubTicket['state'] | null;
  number: string | null;
  priority: string | null;
  transferred_from: string | null;
  issued_at: number | null;
  called_at: number | null;
  serving_at: number | null;
  finished_at: number | null;
  score: number | null;
  levels: number | null;
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
    // The ticket rides along as it is now (the hub keeps the newest copy), with its rating.
    this.page = db.prepare(`SELECT e.id, e.at, e.type, e.ticket_id, e.counter_id, e.actor, e.payload, t.service_id,
        t.business_day, t.counter_id AS t_counter, t.officer_id, t.state, t.number, t.priority, t.transferred_from,
        t.issued_at, t.called_at, t.serving_at, t.finished_at, r.score, r.levels
      FROM events e LEFT JOIN tickets t ON t.id = e.ticket_id LEFT JOIN ratings r ON r.ticket_id = e.ticket_id
      WHERE e.id > ? ORDER BY e.id LIMIT ?`);
  }

  lastSeq(): number {
    return this.max.get()?.m ?? 0;
  }

  after(seq: number, limit: number): HubEvent[] {
    return this.page.all(seq, limit).map((r) => {
      const payload = JSON.parse(r.payload) as Record<string, unknown>;
      const fromPayload = typeof payload.serviceId === 'number' ? payload.serviceId : null;
      const ticket: HubTicket | null =
        r.business_day === null || r.service_id === null || r.state === null || r.issued_at === null
          ? null
          : {
              businessDay: r.business_day,
              serviceId: r.service_id,
              counterId: r.t_counter,
              officerId: r.officer_id,
              state: r.state,
              number: r.number ?? '',
              priority: r.priority,
              transferredFrom: r.transferred_from,
              issuedAt: r.issued_at,
              calledAt: r.called_at,
              servingAt: r.serving_at,
              finishedAt: r.finished_at,
              rating: r.score === null || r.levels === null ? null : { score: r.score, levels: r.levels },
            };
      return { seq: r.id, at: r.at, type: r.type, ticketId: r.ticket_id, counterId: r.counter_id, serviceId: r.service_id ?? fromPayload, actor: r.actor.slice(0, 120), payload, ticket };
    });
  }
}
