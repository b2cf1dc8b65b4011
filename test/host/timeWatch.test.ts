import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { FakeClock, eventually, tempHost } from '../helpers/tempHost';

// Hà Nội is UTC+7. The seeded ward's real hours: 07:30–11:30 and 13:30–17:00 on weekdays.
const MONDAY_0729 = Date.UTC(2026, 10, 23, 0, 29);

let host: Host | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

async function start(clock: FakeClock, officeHours = true) {
  host = await tempHost({ clock, timeTickMs: 30, officeHours });
  const pushed: { type: string }[] = [];
  host.hub.tap((m) => pushed.push(m as { type: string }));
  return { host, pushed };
}

const openNow = (h: Host, code: string) => h.queue.views.listServices().find((s) => s.code === code)?.openNow;
const settle = () => new Promise((r) => setTimeout(r, 150));

describe('time-driven state is pushed by the host, not left to the next ticket event', () => {
  it('tells screens when services open at 07:30 and close at 11:30', async () => {
    const clock = new FakeClock(MONDAY_0729);
    const { host, pushed } = await start(clock);
    await settle();
    expect(openNow(host, 'HT')).toBe(false);
    expect(pushed.filter((m) => m.type === 'services.changed')).toHaveLength(0);

    clock.minutes(1); // 07:30
    await eventually(() => pushed.some((m) => m.type === 'services.changed'));
    expect(openNow(host, 'HT')).toBe(true);
    const afterOpening = pushed.length;
    await settle();
    expect(pushed.length).toBe(afterOpening); // nothing more while nothing changes

    clock.t = Date.UTC(2026, 10, 23, 4, 30); // 11:30
    await eventually(() => pushed.filter((m) => m.type === 'services.changed').length === 2);
    expect(openNow(host, 'HT')).toBe(false);
  });

  it('tells staff screens when a quiet office has a citizen waiting past the alert threshold', async () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 23, 1, 0)); // 08:00
    const { host, pushed } = await start(clock, false);
    const t = host.queue.issuer.issue({ serviceId: 1 }); // Hộ tịch alerts after 45 minutes
    clock.minutes(44);
    await settle();
    expect(host.handlers.alerts({ params: {}, query: {}, body: {} }, { session: null })).toEqual([]);
    expect(pushed.filter((m) => m.type === 'alerts.changed')).toHaveLength(0);

    const logged = host.db.prepare('SELECT count(*) FROM events').pluck().get();
    clock.minutes(2); // 46 minutes, and not a single ticket event since
    await eventually(() => pushed.some((m) => m.type === 'alerts.changed'));
    const message = pushed.find((m) => m.type === 'alerts.changed');
    // Everyone on the LAN hears the push (phones too): it carries no ticket, staff fetch the list.
    expect(Object.keys(message as object).sort()).toEqual(['at', 'type']);
    expect(host.db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(logged); // not a queue change: not logged
    const alerts = host.handlers.alerts({ params: {}, query: {}, body: {} }, { session: null }) as { ticketId: string; waitedMinutes: number }[];
    expect(alerts).toMatchObject([{ ticketId: t.id, waitedMinutes: 46 }]);
  });
});
