import { describe, expect, it } from 'vitest';
import { FakeClock, STAFF, tempQueue } from '../../helpers/tempHost';

function setup() {
  const clock = new FakeClock();
  const q = tempQueue({ clock });
  q.queue.counters.open(1, 1);
  q.queue.counters.open(2, 2);
  for (let i = 0; i < 4; i++) {
    q.queue.issuer.issue({ serviceId: 1 });
    clock.minutes(1);
  }
  return q;
}

describe('display state says what the counters say', () => {
  it('a parked citizen at a paused counter is no longer "now calling"', () => {
    const { queue, clock } = setup();
    const a1 = queue.calling.callNext(1, STAFF(1, 1));
    clock.minutes(1);
    const a2 = queue.calling.callNext(2, STAFF(2, 2));
    clock.minutes(1);
    const a3 = queue.calling.callNext(1, STAFF(1, 1));
    expect(queue.views.display().nowCalling).toMatchObject({ ticketId: a3.id, counterNumber: 1 });
    queue.lifecycle.park(a3.id, STAFF(1, 1));
    queue.counters.pause(1, 'break', '', STAFF(1, 1));
    const d = queue.views.display();
    // Counter 1 holds nobody; the latest call still true is A002 at counter 2.
    expect(d.counters.find((c) => c.number === 1)).toMatchObject({ status: 'paused', current: null });
    expect(d.nowCalling).toMatchObject({ ticketId: a2.id, number: 'A002', counterNumber: 2 });
    queue.lifecycle.finish(a2.id, STAFF(2, 2));
    expect(queue.views.display().nowCalling).toBeNull();
    // History keeps each call once, newest first.
    expect(queue.views.display().recentCalls.map((c) => c.number)).toEqual(['A003', 'A002', 'A001']);
    expect(a1.number).toBe('A001');
  });

  it('a recall refreshes its entry in the history instead of adding a second one', () => {
    const { queue, clock } = setup();
    const a1 = queue.calling.callNext(1, STAFF(1, 1));
    clock.minutes(1);
    queue.calling.callNext(2, STAFF(2, 2));
    clock.minutes(1);
    queue.calling.recall(a1.id, STAFF(1, 1));
    queue.calling.recall(a1.id, STAFF(1, 1));
    const d = queue.views.display();
    expect(d.recentCalls.map((c) => `${c.number}→${c.counterNumber}`)).toEqual(['A001→1', 'A002→2']);
    expect(d.recentCalls[0]).toMatchObject({ recall: true, at: clock.t });
    expect(d.nowCalling).toMatchObject({ ticketId: a1.id, recall: true });
  });

  it('a number sent on to another counter shows once, where it is wanted now', () => {
    const { queue, clock } = setup();
    const a1 = queue.calling.callNext(1, STAFF(1, 1));
    const moved = queue.lifecycle.transfer(a1.id, { counterId: 2 }, STAFF(1, 1));
    clock.minutes(1);
    queue.calling.callNext(2, STAFF(2, 2));
    const d = queue.views.display();
    expect(d.recentCalls.map((c) => `${c.number}→${c.counterNumber}`)).toEqual(['A001→2']);
    expect(d.nowCalling).toMatchObject({ ticketId: moved.id, counterNumber: 2 });
  });

  it("yesterday's calls are not today's history", () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 23, 9, 0)); // Monday 16:00 local
    const { queue } = tempQueue({ clock });
    queue.counters.open(1, 1);
    queue.issuer.issue({ serviceId: 1 });
    queue.calling.callNext(1, STAFF(1, 1));
    clock.t = Date.UTC(2026, 10, 24, 0, 30); // Tuesday 07:30
    queue.days.closeIfDue();
    const d = queue.views.display();
    expect(d.recentCalls).toEqual([]);
    expect(d.nowCalling).toBeNull();
  });
});
