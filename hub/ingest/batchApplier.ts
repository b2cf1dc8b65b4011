import type pg from 'pg';
import { AppError } from '../../shared/errors';
import { HUB_EVENT_AFTER_SEND_MS, HUB_FUTURE_SKEW_MS } from '../../shared/hubProtocol';
import type { PushAnswer, PushBatch } from '../../shared/hubProtocol';
import type { EventPartitions } from '../db/eventPartitions';
import { TICKET_COLUMNS, applyTicketChanges, lockOffice, ticketCopy } from './dailyRollups';
import type { TicketCopy, TicketRow } from './dailyRollups';
import { recordDirectory } from './officeDirectoryStore';
import { applyBookingEvents } from '../booking/bookingEvents';
import { recordBookingOffer } from '../booking/bookingOfferStore';

/** An office's health in one comparable line: "database ok · disk low · printers down · boards none". */
export function healthSummary(h: NonNullable<PushBatch['health']>): string {
  return `database ${h.database} · disk ${h.disk} · printers ${h.printers} · boards ${h.boards}`;
}

const EARLIEST_EVENT_AT = Date.UTC(2024, 0, 1);

/** The channel a hub process listens on to hear that some office's events landed (any process). */
export const EVENTS_CHANNEL = 'motcua_hub_events';

/**
 * Applies one office's batch: all of it or none, in one transaction. Events are keyed by (office,
 * generation, sequence), so a batch sent twice (a lost acknowledgement, a replay a week later)
 * changes nothing; the answer names the highest sequence held with nothing missing below it.
 */
export class BatchApplier {
  constructor(
    private readonly db: pg.Pool,
    private readonly partitions: EventPartitions,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The newest copy of each ticket the batch's events carry. Within a generation a later event's copy
   * wins; a copy from another generation (a restored office) replaces the older one, as the office did.
   */
  private async keepTickets(c: pg.PoolClient, officeId: string, generation: string, events: PushBatch['events']): Promise<{ old: TicketCopy | null; next: TicketCopy }[]> {
    const newest = new Map<string, { seq: number; t: NonNullable<PushBatch['events'][number]['ticket']> }>();
    for (const e of events) if (e.ticketId && e.ticket) newest.set(e.ticketId, { seq: e.seq, t: e.ticket });
    if (newest.size === 0) return [];
    const rows = [...newest.entries()];
    // The copies held now: the rollups move by the difference of each one this batch replaces.
    const held = new Map(
      (
        await c.query<TicketRow & { ticket_id: string; snap_generation: string; snap_seq: string }>(
          `SELECT ticket_id, snap_generation, snap_seq, ${TICKET_COLUMNS} FROM office_tickets WHERE office_id = $1 AND ticket_id = ANY($2::text[]) FOR UPDATE`,
          [officeId, rows.map(([id]) => id)],
        )
      ).rows.map((r) => [r.ticket_id, r]),
    );
    const changes: { old: TicketCopy | null; next: TicketCopy }[] = [];
    for (const [id, { seq, t }] of rows) {
      const h = held.get(id);
      // The same rule as the upsert's WHERE below: another generation's copy, or a later one of this.
      if (h && h.snap_generation === generation && Number(h.snap_seq) >= seq) continue;
      changes.push({
        old: h ? ticketCopy(h) : null,
        next: {
          day: t.businessDay,
          serviceId: t.serviceId,
          officerId: t.officerId ?? 0,
          state: t.state,
          transferredFrom: t.transferredFrom,
          issuedAt: t.issuedAt,
          calledAt: t.calledAt,
          servingAt: t.servingAt,
          finishedAt: t.finishedAt,
          ratingScore: t.rating?.score ?? null,
          ratingLevels: t.rating?.levels ?? null,
        },
      });
    }
    const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
    await c.query(
      `INSERT INTO office_tickets (office_id, ticket_id, business_day, service_id, counter_id, officer_id, state, number, priority, transferred_from,
         issued_at, called_at, serving_at, finished_at, rating_score, rating_levels, snap_generation, snap_seq)
       SELECT $1, u.id, u.day::date, u.service, u.counter, u.officer, u.state, u.number, u.priority, u.transferred_from,
         u.issued, u.called, u.serving, u.finished, u.score, u.levels, $2, u.seq
       FROM unnest($3::text[], $4::text[], $5::int[], $6::int[], $7::int[], $8::text[], $9::text[], $10::text[], $11::text[],
         $12::bigint[], $13::bigint[], $14::bigint[], $15::bigint[], $16::smallint[], $17::smallint[], $18::bigint[])
         AS u(id, day, service, counter, officer, state, number, priority, transferred_from, issued, called, serving, finished, score, levels, seq)
       ON CONFLICT (office_id, ticket_id) DO UPDATE SET
         business_day = EXCLUDED.business_day, service_id = EXCLUDED.service_id, counter_id = EXCLUDED.counter_id, officer_id = EXCLUDED.officer_id,
         state = EXCLUDED.state, number = EXCLUDED.number, priority = EXCLUDED.priority, transferred_from = EXCLUDED.transferred_from,
         issued_at = EXCLUDED.issued_at, called_at = EXCLUDED.called_at, serving_at = EXCLUDED.serving_at, finished_at = EXCLUDED.finished_at,
         rating_score = EXCLUDED.rating_score, rating_levels = EXCLUDED.rating_levels, snap_generation = EXCLUDED.snap_generation, snap_seq = EXCLUDED.snap_seq
       WHERE office_tickets.snap_generation <> EXCLUDED.snap_generation OR office_tickets.snap_seq < EXCLUDED.snap_seq`,
      [
        officeId,
        generation,
        col(([id]) => id),
        col(([, r]) => r.t.businessDay),
        col(([, r]) => r.t.serviceId),
        col(([, r]) => r.t.counterId),
        col(([, r]) => r.t.officerId),
        col(([, r]) => r.t.state),
        col(([, r]) => r.t.number),
        col(([, r]) => r.t.priority),
        col(([, r]) => r.t.transferredFrom),
        col(([, r]) => r.t.issuedAt),
        col(([, r]) => r.t.calledAt),
        col(([, r]) => r.t.servingAt),
        col(([, r]) => r.t.finishedAt),
        col(([, r]) => r.t.rating?.score ?? null),
        col(([, r]) => r.t.rating?.levels ?? null),
        col(([, r]) => r.seq),
      ],
    );
    return changes;
  }

  /** The office's health as it reported it; a change of its coarse state is also logged, for the office's history. */
  private async recordHealth(c: pg.PoolClient, officeId: string, health: NonNullable<PushBatch['health']>): Promise<void> {
    const summary = healthSummary(health);
    const at = new Date(Math.min(health.time, this.now() + HUB_FUTURE_SKEW_MS));
    const prev = (await c.query<{ summary: string; reported_at: Date }>('SELECT summary, reported_at FROM office_health WHERE office_id = $1 FOR UPDATE', [officeId])).rows[0];
    // A batch retried after a newer one has landed must not roll the office's health back.
    if (prev && prev.reported_at.getTime() > at.getTime()) return;
    await c.query(
      `INSERT INTO office_health (office_id, reported_at, received_at, ok, summary, health) VALUES ($1, $2, now(), $3, $4, $5)
       ON CONFLICT (office_id) DO UPDATE SET reported_at = EXCLUDED.reported_at, received_at = now(), ok = EXCLUDED.ok, summary = EXCLUDED.summary, health = EXCLUDED.health`,
      [officeId, at, health.ok, summary, JSON.stringify(health)],
    );
    if (prev?.summary !== summary) await c.query('INSERT INTO office_health_log (office_id, reported_at, ok, summary, health) VALUES ($1, $2, $3, $4, $5)', [officeId, at, health.ok, summary, JSON.stringify(health)]);
  }

  async apply(officeId: string, batch: PushBatch): Promise<PushAnswer> {
    const events = batch.events;
    const now = this.now();
    if (batch.sentAt > now + HUB_FUTURE_SKEW_MS) throw new AppError('EVENT_FROM_FUTURE', `Đồng hồ văn phòng chỉ ${new Date(batch.sentAt).toISOString()}, sau giờ của hub hơn ${HUB_FUTURE_SKEW_MS / 3600_000} giờ: hãy chỉnh lại giờ máy chủ văn phòng`);
    for (let i = 0; i < events.length; i++) {
      const e = events[i] as PushBatch['events'][number];
      if (e.seq <= batch.baseSeq) throw new AppError('BATCH_MALFORMED', `Sự kiện ${e.seq} không sau điểm bắt đầu ${batch.baseSeq} của thế hệ`);
      if (i > 0 && e.seq !== (events[i - 1] as typeof e).seq + 1) throw new AppError('BATCH_MALFORMED', `Gói dữ liệu không liền mạch tại sự kiện ${e.seq}`);
      // Before any office could have run motcua: a broken clock, and a month's partition nobody needs.
      if (e.at < EARLIEST_EVENT_AT) throw new AppError('BATCH_MALFORMED', `Sự kiện ${e.seq} có thời điểm ${new Date(e.at).toISOString()}, trước năm 2024`);
      if (e.at > batch.sentAt + HUB_EVENT_AFTER_SEND_MS) throw new AppError('EVENT_FROM_FUTURE', `Sự kiện ${e.seq} có thời điểm ${new Date(e.at).toISOString()}, sau lúc gói được gửi (${new Date(batch.sentAt).toISOString()})`);
    }
    if (events.length > 0) await this.partitions.ensure(this.db, events.map((e) => e.at));

    const c = await this.db.connect();
    try {
      await c.query('BEGIN');
      await lockOffice(c, officeId);
      await c.query('INSERT INTO office_generations (office_id, generation, base_seq, acked_seq) VALUES ($1, $2, $3, $3) ON CONFLICT DO NOTHING', [officeId, batch.generation, batch.baseSeq]);
      // The row lock orders two pushes of the same office (two hub processes behind a balancer).
      const gen = (await c.query<{ acked_seq: string }>('SELECT acked_seq FROM office_generations WHERE office_id = $1 AND generation = $2 FOR UPDATE', [officeId, batch.generation])).rows[0];
      const acked = Number(gen?.acked_seq ?? batch.baseSeq);
      const first = events[0];
      if (first && first.seq > acked + 1) throw new AppError('SEQUENCE_GAP', `Hub đã có đến sự kiện ${acked}; gói bắt đầu từ ${first.seq}`, { ackedSeq: acked });
      const fresh = events.filter((e) => e.seq > acked);
      if (fresh.length > 0) {
        await c.query(
          `INSERT INTO events (office_id, generation, seq, at, type, ticket_id, counter_id, service_id, actor, payload)
           SELECT $1, $2, u.seq, to_timestamp(u.at / 1000.0), u.type, u.ticket_id, u.counter_id, u.service_id, u.actor, u.payload::jsonb
           FROM unnest($3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::int[], $8::int[], $9::text[], $10::text[])
             AS u(seq, at, type, ticket_id, counter_id, service_id, actor, payload)
           ON CONFLICT DO NOTHING`,
          [
            officeId,
            batch.generation,
            fresh.map((e) => e.seq),
            fresh.map((e) => e.at),
            fresh.map((e) => e.type),
            fresh.map((e) => e.ticketId),
            fresh.map((e) => e.counterId),
            fresh.map((e) => e.serviceId),
            fresh.map((e) => e.actor),
            fresh.map((e) => JSON.stringify(e.payload)),
          ],
        );
      }
      // The directory first: its zone places this batch's tickets in their hours.
      if (batch.directory) await recordDirectory(c, officeId, batch.directory);
      await applyTicketChanges(c, officeId, await this.keepTickets(c, officeId, batch.generation, fresh));
      // Events before the offer: locks go booking → slot everywhere (a citizen cancelling meanwhile takes them so too).
      await applyBookingEvents(c, officeId, fresh);
      if (batch.bookingOffer) await recordBookingOffer(c, officeId, batch.bookingOffer, now);
      const ackedSeq = Math.max(acked, events.at(-1)?.seq ?? acked);
      await c.query('UPDATE office_generations SET acked_seq = $3, last_push_at = now(), clock_offset_ms = $4 WHERE office_id = $1 AND generation = $2', [officeId, batch.generation, ackedSeq, batch.sentAt - now]);
      if (batch.health) await this.recordHealth(c, officeId, batch.health);
      if (fresh.length > 0 || batch.health) await c.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, officeId]);
      await c.query('COMMIT');
      return { generation: batch.generation, ackedSeq };
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }
}
