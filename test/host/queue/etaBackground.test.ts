// The host plays the forecast off the request path (electron/host/etaSchedule.ts): a burst of
// issues is answered from the last play plus an indexed count, never by playing on the request.
import { describe, expect, it } from 'vitest';
import { FakeClock, tempQueue, eventually, tempHost } from '../../helpers/tempHost';

describe('ETA off the request path (issue #14)', () => {
  it('a burst of issues reads the last play: no play on any request, people ahead still counted', () => {
    const clock = new FakeClock();
    const { queue } = tempQueue({ clock });
    queue.counters.open(1, 1);
    for (let i = 0; i < 5; i++) queue.issuer.issue({ serviceId: 1 });
    queue.eta.playInBackground();
    queue.eta.refresh(clock.t);
    let plays = 0;
    const input = queue.stats.forecastInput.bind(queue.stats);
    queue.stats.forecastInput = (...a) => {
      plays++;
      return input(...a);
    };
    const burst = Array.from({ length: 6 }, () => queue.views.statusOf(queue.issuer.issue({ serviceId: 1 })));
    queue.views.listServices();
    expect(plays).toBe(0);
    // Each one behind the one before it, as the next play will say.
    expect(burst.map((s) => s.ahead)).toEqual([5, 6, 7, 8, 9, 10]);
    for (let i = 1; i < burst.length; i++) expect(burst[i]!.etaMinutes).toBeGreaterThan(burst[i - 1]!.etaMinutes ?? Infinity);
    const before = burst.map((s) => s.etaMinutes);
    expect(queue.eta.refresh(clock.t)).toBe(true);
    expect(plays).toBe(1);
    const after = burst.map((s) => queue.views.ticketStatus(s.id));
    expect(after.map((s) => s.ahead)).toEqual([5, 6, 7, 8, 9, 10]);
    // One counter, nobody else coming: the play says the same as the count did.
    expect(after.map((s) => s.etaMinutes)).toEqual(before);
    // Nothing changed since: no play.
    expect(queue.eta.refresh(clock.t)).toBe(false);
  });

  it('the host plays once per burst and tells screens with eta.changed', async () => {
    const host = await tempHost({});
    try {
      const heard: string[] = [];
      host.hub.tap((m) => heard.push((m as { type: string }).type));
      host.queue.counters.open(1, 1);
      const v0 = host.queue.eta.playedVersion;
      for (let i = 0; i < 10; i++) host.queue.issuer.issue({ serviceId: 1 });
      await eventually(() => heard.includes('eta.changed'));
      expect(host.queue.eta.playedVersion).toBeGreaterThan(v0);
      await new Promise((r) => setTimeout(r, 200));
      expect(heard.filter((t) => t === 'eta.changed')).toHaveLength(1);
    } finally {
      await host.close();
    }
  });
});
