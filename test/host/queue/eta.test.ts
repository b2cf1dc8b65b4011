import { describe, expect, it } from 'vitest';
import { prng } from '../../helpers/prng';
import { FakeClock, STAFF, tempQueue } from '../../helpers/tempHost';

type Q = ReturnType<typeof tempQueue>['queue'];
const waitingIds = (q: Q) => (q.ctx.db.prepare("SELECT id FROM tickets WHERE state = 'waiting'").all() as { id: string }[]).map((r) => r.id);

describe('estimates (issue #11.17)', () => {
  it('never read 0 minutes while someone is ahead (random office mornings)', () => {
    const rnd = prng(17);
    for (let run = 0; run < 6; run++) {
      const clock = new FakeClock();
      const { queue } = tempQueue({ clock });
      const open = [1, 2, 3, 4].filter(() => rnd() < 0.8);
      for (const c of open) queue.counters.open(c, c);
      for (let step = 0; step < 60; step++) {
        clock.advance(Math.floor(rnd() * 90_000));
        const r = rnd();
        if (r < 0.55) queue.issuer.issue({ serviceId: 1 + Math.floor(rnd() * 6), priority: rnd() < 0.15 ? 'elderly' : null });
        else if (open.length > 0) {
          const c = open[Math.floor(rnd() * open.length)] as number;
          try {
            // Sometimes the officer calls at once, sometimes leaves the counter idle for a while.
            if (rnd() < 0.7) queue.calling.callNext(c, STAFF(c, c));
            else {
              const cur = queue.calling.current(c);
              if (cur) queue.lifecycle.finish(cur.id, STAFF(c, c));
            }
          } catch {
            // QUEUE_EMPTY
          }
        }
        for (const id of waitingIds(queue)) {
          const s = queue.views.ticketStatus(id);
          // No minutes at all where no open counter serves it (issue #28): nothing to check there.
          if (s.ahead > 0 && s.etaMinutes !== null) expect({ number: s.number, ahead: s.ahead, eta: s.etaMinutes }).toEqual({ number: s.number, ahead: s.ahead, eta: Math.max(1, s.etaMinutes) });
        }
      }
    }
  });

  it('"people ahead" counts exactly the tickets the counter really calls first, priority included', () => {
    const clock = new FakeClock();
    const { queue } = tempQueue({ clock });
    const rnd = prng(5);
    // An hour-old line (so no newcomers are expected) of Hộ tịch (A) and Chứng thực (B), a fifth priority.
    for (let i = 0; i < 24; i++) {
      queue.issuer.issue({ serviceId: rnd() < 0.6 ? 1 : 2, priority: rnd() < 0.2 ? 'disabled' : null });
      clock.minutes(0.5);
    }
    clock.minutes(65);
    queue.counters.open(1, 1); // calls A, then B
    const promised = new Map(waitingIds(queue).map((id) => [id, queue.views.ticketStatus(id)]));
    const order: string[] = [];
    for (;;) {
      let t;
      try {
        t = queue.calling.callNext(1, STAFF(1, 1));
      } catch {
        break;
      }
      order.push(t.id);
      // Each citizen takes the office's default service time, as the forecast assumes.
      clock.minutes(queue.settings.get().defaultServiceMinutes);
    }
    expect(order).toHaveLength(24);
    const reality = order.map((id, calledBefore) => ({ number: promised.get(id)?.number, ahead: calledBefore }));
    expect(order.map((id) => ({ number: promised.get(id)?.number, ahead: promised.get(id)?.ahead }))).toEqual(reality);
    // …and the times match too: the k-th call comes after k service times.
    for (const [k, id] of order.entries()) expect(promised.get(id)?.etaMinutes).toBe(Math.max(k > 0 ? 1 : 0, k * 12));
  });

  it('a later priority ticket is counted ahead of a normal one on the phone', () => {
    const clock = new FakeClock();
    const { queue } = tempQueue({ clock });
    queue.counters.open(1, 1);
    const n = queue.issuer.issue({ serviceId: 1 });
    clock.minutes(1);
    const p = queue.issuer.issue({ serviceId: 1, priority: 'pregnant' });
    expect(queue.views.ticketStatus(n.id).ahead).toBe(1);
    expect(queue.views.ticketStatus(p.id).ahead).toBe(0);
    expect(queue.calling.callNext(1, STAFF(1, 1)).id).toBe(p.id);
  });

  it('move smoothly while nothing changes: read every 15 s for 40 minutes, never a jump beyond one service time', () => {
    const clock = new FakeClock();
    const { queue, db } = tempQueue({ clock });
    // Forty Hộ tịch citizens came and went between 55 and 45 minutes ago (so newcomers are
    // expected, fewer and fewer as that burst leaves the last hour).
    const ins = db.prepare("UPDATE tickets SET issued_at = ?, queued_at = ?, state = 'cancelled' WHERE id = ?");
    for (let i = 0; i < 40; i++) {
      const t = queue.issuer.issue({ serviceId: 1 });
      const at = clock.t - (55 - i / 4) * 60_000;
      ins.run(at, at, t.id);
    }
    queue.counters.open(1, 1); // Hộ tịch first, then Chứng thực
    queue.issuer.issue({ serviceId: 1 });
    queue.calling.callNext(1, STAFF(1, 1)); // busy with A041 for the whole observation
    for (let i = 0; i < 3; i++) queue.issuer.issue({ serviceId: 1 });
    for (let i = 0; i < 3; i++) queue.issuer.issue({ serviceId: 2 });
    const ids = waitingIds(queue);
    const before = new Map<string, number>();
    const jumps: string[] = [];
    for (let step = 0; step <= 160; step++) {
      for (const id of ids) {
        const s = queue.views.ticketStatus(id);
        const prev = before.get(id);
        if (s.etaMinutes === null) jumps.push(`${s.number} at ${step * 15}s: no estimate`);
        else if (prev !== undefined && Math.abs(s.etaMinutes - prev) > 12) jumps.push(`${s.number} at ${step * 15}s: ${prev} → ${s.etaMinutes}`);
        before.set(id, s.etaMinutes ?? 0);
      }
      clock.advance(15_000);
    }
    expect(jumps).toEqual([]);
  });

  it("the kiosk tile's estimate is the one the issued ticket then gets", () => {
    const clock = new FakeClock();
    const { queue } = tempQueue({ clock });
    queue.counters.open(1, 1);
    queue.counters.open(2, 2);
    for (let i = 0; i < 7; i++) queue.issuer.issue({ serviceId: i % 2 === 0 ? 1 : 2, priority: i === 3 ? 'elderly' : null });
    queue.calling.callNext(1, STAFF(1, 1));
    clock.minutes(3);
    const tile = queue.views.listServices().find((s) => s.id === 2);
    const t = queue.issuer.issue({ serviceId: 2 });
    expect(queue.views.ticketStatus(t.id).etaMinutes).toBe(tile?.etaMinutes);
  });
});
