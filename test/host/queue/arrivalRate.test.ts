// The forecast's arrival rate (queueStats.ts): each ticket of the last hour weighs 1 when just
// issued, falling linearly to 0 an hour later; transferred tickets are not arrivals. Summed by
// SQLite in one row, whatever the hour held.
import { describe, expect, it } from 'vitest';
import { FakeClock, STAFF, tempQueue } from '../../helpers/tempHost';

describe('the arrival rate behind every ETA', () => {
  it('weighs each arrival of the last hour by its age; older ones, other services and transfers do not count', () => {
    const clock = new FakeClock();
    const { queue } = tempQueue({ clock });
    for (const c of [1, 3]) queue.counters.open(c, c);
    const issuedAgo: number[] = [];
    // Service 1 (HT): tickets 90, 50, 30, 10 and 0 minutes before "now"; service 3 (DD) two now, one of them transferred to HT.
    const start = clock.t;
    for (const ago of [90, 50, 30, 10, 0]) {
      clock.t = start + (90 - ago) * 60_000;
      queue.issuer.issue({ serviceId: 1 });
      issuedAgo.push(ago);
    }
    queue.issuer.issue({ serviceId: 3 });
    queue.issuer.issue({ serviceId: 3 });
    const called = queue.calling.callNext(3, STAFF(3, 3));
    expect(called.service_id).toBe(3);
    queue.lifecycle.transfer(called.id, { serviceId: 1 }, STAFF(3, 3));
    const now = clock.t;
    const input = queue.stats.forecastInput(now, []);
    const weight = issuedAgo.filter((a) => a < 60).reduce((s, a) => s + (1 - a / 60), 0);
    // weight / (window / 2) arrivals per minute, at the model's 0.5 weight.
    expect(input.arrivalsPerMinute?.get(1)).toBeCloseTo((weight / 30) * 0.5, 10);
    expect(input.arrivalsPerMinute?.get(3)).toBeCloseTo((2 / 30) * 0.5, 10);
    expect(input.arrivalsPerMinute?.has(2)).toBe(false);
  });
});
