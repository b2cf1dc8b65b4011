// Issue #28: minutes are promised only where a counter that could call the ticket is open (signed
// in, not paused). Elsewhere the host says "no open counter" (etaMinutes null) and the number is
// still issued. The sample ward: counter 1 serves Hộ tịch (1), Chứng thực (2); counter 2 serves
// Chứng thực, Hộ tịch, Tư pháp (4); counter 3 Đất đai (3), Trả kết quả (6); counter 4 LĐTBXH (5), Tư pháp, Trả kết quả.
import { describe, expect, it } from 'vitest';
import { FakeClock, STAFF, tempQueue } from '../../helpers/tempHost';

type Q = ReturnType<typeof tempQueue>['queue'];
const tiles = (q: Q) => new Map(q.views.listServices().map((s) => [s.id, s.etaMinutes]));

describe('estimates only where an open counter serves (issue #28)', () => {
  it('no counter open: no service and no ticket is promised minutes, and numbers are still issued', () => {
    const { queue } = tempQueue();
    for (const [id, eta] of tiles(queue)) expect({ id, eta }).toEqual({ id, eta: null });
    queue.issuer.issue({ serviceId: 1 });
    const t = queue.issuer.issue({ serviceId: 1 });
    const s = queue.views.statusOf(t);
    expect(s).toMatchObject({ state: 'waiting', ahead: 1, etaMinutes: null });
  });

  it('a counter opens: its services get minutes, the others stay without; paused, they lose them again', () => {
    const { queue } = tempQueue();
    const t = queue.issuer.issue({ serviceId: 1 });
    const land = queue.issuer.issue({ serviceId: 3 });
    queue.counters.open(1, 1);
    let eta = tiles(queue);
    expect(eta.get(1)).toEqual(expect.any(Number));
    expect(eta.get(2)).toEqual(expect.any(Number));
    for (const sid of [3, 4, 5, 6]) expect({ sid, eta: eta.get(sid) }).toEqual({ sid, eta: null });
    expect(queue.views.statusOf(t).etaMinutes).toEqual(expect.any(Number));
    expect(queue.views.statusOf(land).etaMinutes).toBeNull();

    queue.counters.pause(1, 'break', '', STAFF(1, 1));
    eta = tiles(queue);
    expect([eta.get(1), eta.get(2)]).toEqual([null, null]);
    expect(queue.views.statusOf(t)).toMatchObject({ ahead: 0, etaMinutes: null });

    queue.counters.resume(1, STAFF(1, 1));
    expect(tiles(queue).get(1)).toEqual(expect.any(Number));
    expect(queue.views.statusOf(t).etaMinutes).toEqual(expect.any(Number));

    queue.counters.close(1, STAFF(1, 1));
    expect(tiles(queue).get(1)).toBeNull();
    expect(queue.views.statusOf(t).etaMinutes).toBeNull();
  });

  it('one of two counters paused: the open one still carries the estimate', () => {
    const { queue } = tempQueue();
    queue.counters.open(1, 1);
    queue.counters.open(2, 2);
    queue.counters.pause(2, 'break', '', STAFF(2, 2));
    const t = queue.issuer.issue({ serviceId: 2 });
    expect(tiles(queue).get(2)).toEqual(expect.any(Number));
    expect(queue.views.statusOf(t).etaMinutes).toEqual(expect.any(Number));
    // Tư pháp: counters 2 (paused) and 4 (closed) only.
    expect(tiles(queue).get(4)).toBeNull();
  });

  it('a ticket sent to one counter is promised minutes only while that counter is open', () => {
    const { queue } = tempQueue();
    queue.counters.open(1, 1);
    queue.counters.open(2, 2);
    queue.counters.pause(2, 'break', '', STAFF(2, 2));
    queue.issuer.issue({ serviceId: 1 });
    const called = queue.calling.callNext(1, STAFF(1, 1));
    // Sent to counter 2, on a break: counter 1 serves Hộ tịch and is open, but will not call it.
    const sent = queue.lifecycle.transfer(called.id, { counterId: 2 }, STAFF(1, 1));
    expect(queue.views.statusOf(sent)).toMatchObject({ state: 'waiting', etaMinutes: null });
    expect(tiles(queue).get(1)).toEqual(expect.any(Number));
    queue.counters.resume(2, STAFF(2, 2));
    expect(queue.views.statusOf(sent).etaMinutes).toEqual(expect.any(Number));
  });

  it('with the play off the request path, the rule follows the play: no minutes until it has seen the counter open', () => {
    const clock = new FakeClock();
    const { queue } = tempQueue({ clock });
    queue.eta.playInBackground();
    queue.eta.refresh(clock.t);
    const t = queue.issuer.issue({ serviceId: 1 });
    expect(queue.views.statusOf(t).etaMinutes).toBeNull();
    queue.counters.open(1, 1);
    clock.advance(50);
    expect(queue.eta.refresh(clock.t)).toBe(true);
    expect(queue.views.statusOf(t).etaMinutes).toEqual(expect.any(Number));
    // Issued after that play (no play since): placed from the play's "a ticket taken now", open too.
    const later = queue.issuer.issue({ serviceId: 1 });
    expect(queue.views.statusOf(later).etaMinutes).toEqual(expect.any(Number));
    queue.counters.pause(1, 'break', '', STAFF(1, 1));
    clock.advance(50);
    queue.eta.refresh(clock.t);
    expect(queue.views.statusOf(later).etaMinutes).toBeNull();
  });

  it('the estimate the printed ticket keeps is still the model\'s figure', () => {
    const { queue } = tempQueue();
    queue.issuer.issue({ serviceId: 1 });
    const t = queue.issuer.issue({ serviceId: 1 });
    const e = queue.eta.ticket(t, queue.now());
    expect(e.etaMinutes).toBeNull();
    expect(e.modelMinutes).toBeGreaterThan(0);
  });
});

describe('now calling for a ticket\'s service (issue #28, the phone)', () => {
  it('the latest number of the service at a counter, with the counter, and nothing once it is done', () => {
    const clock = new FakeClock();
    const { queue } = tempQueue({ clock });
    queue.counters.open(1, 1);
    queue.counters.open(2, 2);
    const first = queue.issuer.issue({ serviceId: 1 });
    const second = queue.issuer.issue({ serviceId: 1 });
    const mine = queue.issuer.issue({ serviceId: 1 });
    const other = queue.issuer.issue({ serviceId: 3 });
    expect(queue.views.statusOf(mine).nowCalling).toBeNull();
    queue.calling.callNext(1, STAFF(1, 1));
    expect(queue.views.statusOf(mine).nowCalling).toEqual({ number: first.number, counterNumber: 1, counterName: 'Quầy 1' });
    clock.advance(20_000);
    // Counter 2 calls Chứng thực first, then Hộ tịch: the second citizen goes there, the newest call.
    queue.calling.callNext(2, STAFF(2, 2));
    expect(queue.views.statusOf(mine).nowCalling).toEqual({ number: second.number, counterNumber: 2, counterName: 'Quầy 2' });
    queue.lifecycle.finish(queue.calling.current(2)!.id, STAFF(2, 2));
    expect(queue.views.statusOf(mine).nowCalling).toMatchObject({ number: first.number, counterNumber: 1 });
    queue.lifecycle.finish(queue.calling.current(1)!.id, STAFF(1, 1));
    expect(queue.views.statusOf(mine).nowCalling).toBeNull();
    // Another service's call is not this ticket's "now calling".
    queue.counters.open(3, 3);
    queue.calling.callNext(3, STAFF(3, 3));
    expect(queue.views.statusOf(mine).nowCalling).toBeNull();
    expect(queue.views.statusOf(other).nowCalling).toMatchObject({ number: other.number, counterNumber: 3 });
    // Public data only: the called ticket's id never rides on someone else's status.
    expect(JSON.stringify(queue.views.statusOf(mine))).not.toContain(first.id);
  });
});
