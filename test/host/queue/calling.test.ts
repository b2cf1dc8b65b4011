import { describe, expect, it } from 'vitest';
import { errorCode } from '../../helpers/errorCode';
import type { PriorityStrategy } from '../../../shared/domain';
import { FakeClock, STAFF, tempQueue } from '../../helpers/tempHost';

const errCode = errorCode;

function setup(strategy?: PriorityStrategy) {
  const clock = new FakeClock();
  const q = tempQueue({ clock });
  if (strategy) q.queue.settings.set({ ...q.queue.settings.get(), priorityStrategy: strategy });
  return q;
}

describe('call next', () => {
  it('needs an open counter', () => {
    const { queue } = setup();
    queue.issuer.issue({ serviceId: 1 });
    expect(errCode(() => queue.calling.callNext(1, STAFF(1, 1)))).toBe('COUNTER_CLOSED');
    queue.counters.open(1, 1);
    expect(queue.calling.callNext(1, STAFF(1, 1)).number).toBe('A001');
    expect(errCode(() => queue.calling.callNext(1, STAFF(1, 1)))).toBe('QUEUE_EMPTY');
  });

  it("follows the counter's service order, then the oldest", () => {
    const { queue, clock } = setup();
    queue.counters.open(2, 2); // counter 2 serves Chứng thực (B), then Hộ tịch (A), then Tư pháp (D)
    queue.issuer.issue({ serviceId: 1 });
    clock.minutes(1);
    queue.issuer.issue({ serviceId: 4 });
    clock.minutes(1);
    queue.issuer.issue({ serviceId: 2 });
    clock.minutes(1);
    queue.issuer.issue({ serviceId: 2 });
    const order = [1, 2, 3, 4].map(() => queue.calling.callNext(2, STAFF(2, 2)).number);
    expect(order).toEqual(['B001', 'B002', 'A001', 'D001']);
  });

  it('finishes the citizen at the counter when the next one is called', () => {
    const { queue } = setup();
    queue.counters.open(1, 1);
    const a = queue.issuer.issue({ serviceId: 1 });
    queue.issuer.issue({ serviceId: 1 });
    queue.calling.callNext(1, STAFF(1, 1));
    queue.lifecycle.start(a.id, STAFF(1, 1));
    queue.calling.callNext(1, STAFF(1, 1));
    const done = queue.ctx.ticket(a.id);
    expect(done.state).toBe('done');
    expect(done.finished_at).not.toBeNull();
  });

  it('never has one ticket at two counters nor two tickets at one counter', () => {
    const { queue, db } = setup();
    queue.counters.open(1, 1);
    queue.counters.open(2, 2);
    for (let i = 0; i < 6; i++) queue.issuer.issue({ serviceId: 1 });
    const a = queue.calling.callNext(1, STAFF(1, 1));
    const b = queue.calling.callNext(2, STAFF(2, 2));
    expect(a.id).not.toBe(b.id);
    expect(errCode(() => queue.calling.callSpecific(a.id, 2, STAFF(2, 2)))).toBe('INVALID_STATE');
    const active = db.prepare("SELECT counter_id, count(*) n FROM tickets WHERE state IN ('called','serving') GROUP BY counter_id").all();
    expect(active).toEqual([
      { counter_id: 1, n: 1 },
      { counter_id: 2, n: 1 },
    ]);
  });

  it('calls a specific ticket out of order and recalls it', () => {
    const { queue } = setup();
    queue.counters.open(1, 1);
    queue.issuer.issue({ serviceId: 1 });
    const second = queue.issuer.issue({ serviceId: 1 });
    const called = queue.calling.callSpecific(second.id, 1, STAFF(1, 1));
    expect(called.number).toBe('A002');
    expect(queue.calling.recall(second.id, STAFF(1, 1)).call_count).toBe(2);
    expect(errCode(() => queue.calling.recall(second.id, STAFF(2, 2)))).toBe('NOT_AT_COUNTER');
  });

  it('refuses to call while paused, and resumes', () => {
    const { queue } = setup();
    queue.counters.open(1, 1);
    queue.issuer.issue({ serviceId: 1 });
    queue.counters.pause(1, 'break', '', STAFF(1, 1));
    expect(errCode(() => queue.calling.callNext(1, STAFF(1, 1)))).toBe('COUNTER_PAUSED');
    queue.counters.resume(1, STAFF(1, 1));
    expect(queue.calling.callNext(1, STAFF(1, 1)).number).toBe('A001');
    expect(errCode(() => queue.counters.pause(1, 'break', '', STAFF(1, 1)))).toBe('COUNTER_BUSY');
  });
});

describe('priority strategies', () => {
  function burst(queue: ReturnType<typeof setup>['queue'], clock: FakeClock, pattern: string) {
    for (const ch of pattern) {
      queue.issuer.issue({ serviceId: 1, priority: ch === 'P' ? 'elderly' : null });
      clock.advance(1000);
    }
  }
  const drain = (queue: ReturnType<typeof setup>['queue'], n: number) =>
    Array.from({ length: n }, () => queue.calling.callNext(1, STAFF(1, 1))).map((t) => (t.priority ? 'P' : 'N'));

  it('priority first, but a normal ticket waiting past the aging limit is promoted', () => {
    const { queue, clock } = setup({ kind: 'priorityFirst', agingMinutes: 30 });
    queue.counters.open(1, 1);
    burst(queue, clock, 'NNPP');
    expect(drain(queue, 3)).toEqual(['P', 'P', 'N']);
    burst(queue, clock, 'P');
    clock.minutes(31);
    burst(queue, clock, 'P');
    expect(drain(queue, 1)).toEqual(['N']);
  });

  it('jump limit 3: at most 3 priority tickets are called ahead of a waiting normal one', () => {
    const { queue, clock } = setup({ kind: 'jumpLimit', maxJumps: 3 });
    queue.counters.open(1, 1);
    burst(queue, clock, 'NNPPPPPPPP');
    // Both normal tickets were waiting while the first three priority ones were called, so both
    // have had their 3 jumps: they go next, then the remaining priority tickets.
    expect(drain(queue, 10).join('')).toBe('PPPNNPPPPP');
    burst(queue, clock, 'NPPPPP');
    expect(drain(queue, 6).join('')).toBe('PPPNPP');
  });

  it('the jump limit holds across counters', () => {
    const { queue, clock } = setup({ kind: 'jumpLimit', maxJumps: 2 });
    queue.counters.open(1, 1);
    queue.counters.open(2, 2);
    burst(queue, clock, 'NPPPP');
    const seq = [1, 2, 1].map((c) => queue.calling.callNext(c, STAFF(c, c))).map((t) => (t.priority ? 'P' : 'N'));
    expect(seq.join('')).toBe('PPN');
  });

  it('alternate 3: three priority, then one normal, across counters', () => {
    const { queue, clock } = setup({ kind: 'alternate', priorityRun: 3 });
    queue.counters.open(1, 1);
    queue.counters.open(2, 2);
    burst(queue, clock, 'NNPPPPPPPP');
    // The jump limit would give PPPNNPPPPP here (both normal tickets had been jumped three times).
    const seq = Array.from({ length: 10 }, (_, i) => queue.calling.callNext(1 + (i % 2), STAFF(1 + (i % 2), 1 + (i % 2))));
    expect(seq.map((t) => (t.priority ? 'P' : 'N')).join('')).toBe('PPPNPPPNPP');
  });

  it('wait bonus: priority counts as having waited longer, not forever', () => {
    const { queue, clock } = setup({ kind: 'waitBonus', bonusMinutes: 10 });
    queue.counters.open(1, 1);
    burst(queue, clock, 'N');
    clock.minutes(5);
    burst(queue, clock, 'P');
    expect(drain(queue, 1)).toEqual(['P']);
    burst(queue, clock, 'N');
    clock.minutes(15);
    burst(queue, clock, 'P');
    expect(drain(queue, 1)).toEqual(['N']);
  });

  it.each<PriorityStrategy>([
    { kind: 'priorityFirst', agingMinutes: 45 },
    { kind: 'jumpLimit', maxJumps: 3 },
    { kind: 'alternate', priorityRun: 3 },
    { kind: 'waitBonus', bonusMinutes: 15 },
  ])('no starvation under a steady stream of priority tickets (%o)', (strategy) => {
    const { queue, clock } = setup(strategy);
    queue.counters.open(1, 1);
    const normal = queue.issuer.issue({ serviceId: 1 });
    let calls = 0;
    for (;;) {
      // Two priority arrivals for every service completed: priority alone would fill the counter.
      queue.issuer.issue({ serviceId: 1, priority: 'pregnant' });
      queue.issuer.issue({ serviceId: 1, priority: 'disabled' });
      clock.minutes(12);
      calls++;
      if (queue.calling.callNext(1, STAFF(1, 1)).id === normal.id) break;
      expect(calls).toBeLessThan(10);
    }
  });
});

describe('transfer, park, skip', () => {
  it('a transferred citizen keeps the original queue time at the target', () => {
    const { queue, clock } = setup();
    queue.counters.open(1, 1);
    queue.counters.open(3, 3); // counter 3 serves Đất đai (C) first
    const a = queue.issuer.issue({ serviceId: 1 });
    clock.minutes(5);
    queue.issuer.issue({ serviceId: 3 });
    clock.minutes(1);
    queue.calling.callNext(1, STAFF(1, 1));
    const moved = queue.lifecycle.transfer(a.id, { serviceId: 3 }, STAFF(1, 1));
    expect(moved.number).toBe('A001');
    expect(moved.queued_at).toBe(a.queued_at);
    expect(queue.ctx.ticket(a.id).state).toBe('transferred');
    expect(queue.calling.callNext(3, STAFF(3, 3)).id).toBe(moved.id);
    expect(queue.calling.callNext(3, STAFF(3, 3)).number).toBe('C001');
  });

  it('transfer to a counter goes only to that counter', () => {
    const { queue } = setup();
    queue.counters.open(1, 1);
    queue.counters.open(2, 2);
    const a = queue.issuer.issue({ serviceId: 1 });
    queue.calling.callNext(1, STAFF(1, 1));
    // Counter 2 serves Hộ tịch too, but the citizen was sent to counter 2 only.
    const moved = queue.lifecycle.transfer(a.id, { counterId: 2 }, STAFF(1, 1));
    expect(errCode(() => queue.calling.callNext(1, STAFF(1, 1)))).toBe('QUEUE_EMPTY');
    expect(queue.calling.callNext(2, STAFF(2, 2)).id).toBe(moved.id);
  });

  it('park and unpark call the citizen back', () => {
    const { queue } = setup();
    queue.counters.open(1, 1);
    const a = queue.issuer.issue({ serviceId: 1 });
    const b = queue.issuer.issue({ serviceId: 1 });
    queue.calling.callNext(1, STAFF(1, 1));
    expect(queue.lifecycle.park(a.id, STAFF(1, 1)).state).toBe('parked');
    expect(queue.calling.callNext(1, STAFF(1, 1)).id).toBe(b.id);
    const back = queue.calling.unpark(a.id, 1, STAFF(1, 1));
    expect(back.state).toBe('called');
    expect(queue.ctx.ticket(b.id).state).toBe('done');
    expect(errCode(() => queue.calling.unpark(a.id, 1, STAFF(1, 1)))).toBe('INVALID_STATE');
  });

  it('skip marks a no-show; reactivation puts it back in its place', () => {
    const { queue, clock } = setup();
    queue.counters.open(1, 1);
    const a = queue.issuer.issue({ serviceId: 1 });
    clock.minutes(1);
    queue.issuer.issue({ serviceId: 1 });
    queue.calling.callNext(1, STAFF(1, 1));
    queue.calling.recall(a.id, STAFF(1, 1));
    expect(queue.lifecycle.skip(a.id, STAFF(1, 1)).state).toBe('skipped');
    expect(queue.lifecycle.reactivate(a.id, STAFF(1, 1)).state).toBe('waiting');
    expect(queue.calling.callNext(1, STAFF(1, 1)).id).toBe(a.id);
  });

  it('cancel only while not at a counter', () => {
    const { queue } = setup();
    queue.counters.open(1, 1);
    const a = queue.issuer.issue({ serviceId: 1 });
    queue.calling.callNext(1, STAFF(1, 1));
    expect(errCode(() => queue.lifecycle.cancel(a.id, STAFF(1, 1)))).toBe('INVALID_STATE');
    const b = queue.issuer.issue({ serviceId: 1 });
    expect(queue.lifecycle.cancel(b.id, STAFF(1, 1)).state).toBe('cancelled');
  });
});

describe('ratings', () => {
  it('one per finished ticket, tied to counter and officer', () => {
    const { queue, db } = setup();
    queue.counters.open(1, 1);
    const a = queue.issuer.issue({ serviceId: 1 });
    expect(errCode(() => queue.ratings.rate({ ticketId: a.id, score: 4 }))).toBe('NOT_RATABLE');
    queue.calling.callNext(1, STAFF(1, 1));
    queue.lifecycle.finish(a.id, STAFF(1, 1), 'HS-2026-001');
    expect(errCode(() => queue.ratings.rate({ ticketId: a.id, score: 5 }))).toBe('SCORE_OUT_OF_SCALE');
    expect(errCode(() => queue.ratings.rate({ ticketId: a.id, score: 4, reasons: ['nope'] }))).toBe('BAD_REQUEST');
    queue.ratings.rate({ ticketId: a.id, score: 4, reasons: ['friendly'], comment: 'Cán bộ\u200B nhiệt tình' });
    expect(errCode(() => queue.ratings.rate({ ticketId: a.id, score: 1 }))).toBe('ALREADY_RATED');
    expect(db.prepare('SELECT score, counter_id, officer_id, comment FROM ratings').all()).toEqual([
      { score: 4, counter_id: 1, officer_id: 1, comment: 'Cán bộ nhiệt tình' },
    ]);
  });
});

describe('ETA', () => {
  it('comes from recent service durations and open counters, not a constant', () => {
    const { queue, clock } = setup();
    queue.counters.open(1, 1);
    for (let i = 0; i < 8; i++) {
      const t = queue.issuer.issue({ serviceId: 1 });
      queue.calling.callNext(1, STAFF(1, 1));
      clock.minutes(4);
      queue.lifecycle.finish(t.id, STAFF(1, 1));
    }
    for (let i = 0; i < 5; i++) queue.issuer.issue({ serviceId: 1 });
    const one = queue.views.listServices().find((s) => s.id === 1)?.etaMinutes ?? -1;
    queue.counters.open(2, 2);
    const two = queue.views.listServices().find((s) => s.id === 1)?.etaMinutes ?? -1;
    expect(one).toBeGreaterThanOrEqual(18); // 5 ahead × 4 min on one counter
    expect(one).toBeLessThanOrEqual(24);
    expect(two).toBeLessThan(one);
  });
});

describe('event log', () => {
  it('is append-only', () => {
    const { queue, db } = setup();
    queue.issuer.issue({ serviceId: 1 });
    expect(() => db.prepare('UPDATE events SET type = ?').run('x')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
  });
});
