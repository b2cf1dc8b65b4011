import { describe, expect, it } from 'vitest';
import { errorCode } from '../../helpers/errorCode';
import { FakeClock, STAFF, tempQueue } from '../../helpers/tempHost';

// Seeded ward: counter 1 serves Hộ tịch (A) then Chứng thực (B); counter 2 Chứng thực, Hộ tịch,
// Tư pháp; counter 3 Đất đai, Trả kết quả; counter 4 Lao động, Tư pháp, Trả kết quả.
function setup() {
  const clock = new FakeClock();
  const q = tempQueue({ clock });
  q.queue.counters.open(1, 1);
  const a = q.queue.issuer.issue({ serviceId: 1 });
  q.queue.calling.callNext(1, STAFF(1, 1));
  return { ...q, a };
}

const everything = (db: ReturnType<typeof tempQueue>['db']) => ({
  tickets: db.prepare('SELECT * FROM tickets ORDER BY id').all(),
  events: db.prepare('SELECT count(*) n FROM events').get(),
});

describe('transfer to a counter', () => {
  it('refuses a closed counter with a typed error and changes nothing', () => {
    const { queue, db, a } = setup();
    queue.counters.open(2, 2);
    queue.counters.close(2, STAFF(2, 2));
    const before = everything(db);
    expect(errorCode(() => queue.lifecycle.transfer(a.id, { counterId: 2 }, STAFF(1, 1)))).toBe('TRANSFER_COUNTER_CLOSED');
    expect(everything(db)).toEqual(before);
    expect(queue.ctx.ticket(a.id)).toMatchObject({ state: 'called', counter_id: 1 });
  });

  it("refuses an open counter that does not serve the ticket's service", () => {
    const { queue, db, a } = setup();
    queue.counters.open(3, 3);
    const before = everything(db);
    expect(errorCode(() => queue.lifecycle.transfer(a.id, { counterId: 3 }, STAFF(1, 1)))).toBe('TRANSFER_COUNTER_WRONG_SERVICE');
    expect(everything(db)).toEqual(before);
  });

  it('accepts a paused counter that serves it: the officer is on a break and comes back', () => {
    const { queue, a } = setup();
    queue.counters.open(2, 2);
    queue.counters.pause(2, 'break', '', STAFF(2, 2));
    const moved = queue.lifecycle.transfer(a.id, { counterId: 2 }, STAFF(1, 1));
    expect(moved).toMatchObject({ state: 'waiting', target_counter_id: 2, number: 'A001' });
    queue.counters.resume(2, STAFF(2, 2));
    expect(queue.calling.callNext(2, STAFF(2, 2)).id).toBe(moved.id);
  });

  it("a service's queue is always a valid target, open counter or not", () => {
    const { queue, a } = setup();
    expect(queue.lifecycle.transfer(a.id, { serviceId: 3 }, STAFF(1, 1))).toMatchObject({ state: 'waiting', service_id: 3, target_counter_id: null });
  });

  it("when the target counter closes, the citizen waiting for it goes back to the service's queue in their place", () => {
    const { queue, clock, a } = setup();
    queue.counters.open(2, 2);
    const moved = queue.lifecycle.transfer(a.id, { counterId: 2 }, STAFF(1, 1));
    clock.minutes(3);
    const later = queue.issuer.issue({ serviceId: 1 });
    const seen: string[] = [];
    queue.onEvent((e) => seen.push(`${e.type}:${e.ticket?.id ?? ''}`));
    queue.counters.close(2, STAFF(2, 2)); // the officer signs out
    expect(queue.ctx.ticket(moved.id)).toMatchObject({ state: 'waiting', target_counter_id: null, queued_at: a.queued_at });
    expect(seen).toContain(`ticket.requeued:${moved.id}`);
    expect(queue.calling.callNext(1, STAFF(1, 1)).id).toBe(moved.id);
    expect(queue.calling.callNext(1, STAFF(1, 1)).id).toBe(later.id);
  });
});
