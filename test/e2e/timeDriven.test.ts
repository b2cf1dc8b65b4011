import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { browserWithHostPerTest } from '../helpers/screenSuite';
import type { DeviceRole } from '../../shared/api/access';
import { counterBrowserCookies, enrollDevice } from '../helpers/devices';
import { FakeClock, STAFF } from '../helpers/tempHost';

// Real Chromium against an in-process host whose clock the test moves: what a screen left open all
// day lives through (opening time, a forgotten citizen, midnight) without waiting for it.
const suite = browserWithHostPerTest();

async function startHost(clock: FakeClock, officeHours = false): Promise<Host> {
  return suite.host({ clock, officeHours, timeTickMs: 100 });
}

/** A screen on a paired device: a kiosk or display, or a counter PC its officer has signed in on. */
async function page(h: Host, url: string, width: number, height: number, as: Exclude<DeviceRole, 'counter'> | { counterId: number; officerId: number }): Promise<Page> {
  const ctx = await suite.browser().newContext({ viewport: { width, height } });
  const base = `http://127.0.0.1:${h.port}`;
  if (typeof as === 'string') await ctx.addCookies([{ name: 'motcua_device', value: enrollDevice(h, as), url: base }]);
  else await ctx.addCookies(await counterBrowserCookies(h, as.counterId, as.officerId));
  const p = await ctx.newPage();
  await p.goto(base + url);
  return p;
}

const COUNTER_1 = { counterId: 1, officerId: 1 };

describe('screens left open while time passes', () => {
  it('the kiosk opens its tiles at 07:30 by itself', async () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 23, 0, 29, 30)); // Monday 07:29:30 in Hà Nội
    const h = await startHost(clock, true);
    const kiosk = await page(h, '/kiosk', 1920, 1080, 'kiosk');
    await kiosk.waitForSelector('[data-service="HT"].closed');
    // Closed office: one banner says when it opens (not the hours on every tile).
    expect(await kiosk.textContent('[data-testid="closed-banner"]')).toContain('Mở cửa lúc 07:30');
    clock.advance(45_000); // 07:30:15, and nobody touches anything
    await kiosk.waitForSelector('[data-service="HT"]:not(.closed)', { timeout: 5000 });
    expect(await kiosk.$('[data-testid="closed-banner"]')).toBeNull();
    expect(await kiosk.textContent('[data-service="HT"]')).toContain('Đang chờ');
  }, 30_000);

  it('the counter shows the wait alert in a quiet office, with no ticket event', async () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 23, 1, 0)); // 08:00
    const h = await startHost(clock);
    h.queue.issuer.issue({ serviceId: 1 });
    const counter = await page(h, '/counter', 1366, 768, COUNTER_1);
    await counter.waitForSelector('[data-action="next"]');
    await counter.waitForTimeout(300);
    expect(await counter.$('[data-testid="wait-alert"]')).toBeNull();
    clock.minutes(46);
    await counter.waitForSelector('[data-testid="wait-alert"]', { timeout: 5000 });
    expect(await counter.textContent('[data-testid="wait-alert"]')).toContain('A001 (46 phút)');
  }, 30_000);

  it('at midnight the day closes on every screen: the counter signs out, the display empties', async () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 23, 16, 50)); // Monday 23:50
    const h = await startHost(clock);
    h.queue.issuer.issue({ serviceId: 1 });
    h.queue.issuer.issue({ serviceId: 1 });
    const counter = await page(h, '/counter', 1366, 768, COUNTER_1);
    const display = await page(h, '/display', 1366, 768, 'display');
    await counter.waitForSelector('[data-action="next"]');
    await counter.click('[data-action="next"]');
    await display.waitForFunction(() => document.querySelector('[data-testid="now-number"]')?.textContent?.trim() === 'A001');
    // The counter's tile may take one more render than the big number (seen on a loaded CI machine).
    await display.waitForFunction(() => document.querySelector('[data-counter="1"] .num')?.textContent?.trim() === 'A001', undefined, { timeout: 5000 });

    clock.minutes(11); // 00:01 Tuesday
    await counter.waitForSelector('.keypad', { timeout: 5000 }); // back at sign-in
    await display.waitForFunction(() => !document.querySelector('[data-testid="now-number"]'), undefined, { timeout: 5000 });
    expect(await display.textContent('[data-counter="1"]')).toContain('Chưa mở');
    expect(await display.$$('[data-testid="recent-calls"] > div')).toHaveLength(0);
    expect(await display.textContent('[data-testid="waiting-by-service"]')).toContain('Hộ tịch: 0');
  }, 30_000);
});

describe('the counter and the display agree', () => {
  it('transfer to a closed counter is refused with a message on the counter screen', async () => {
    const h = await startHost(new FakeClock());
    h.queue.issuer.issue({ serviceId: 1 });
    const counter = await page(h, '/counter', 1366, 768, COUNTER_1);
    await counter.waitForSelector('[data-action="next"]');
    await counter.click('[data-action="next"]');
    await counter.waitForSelector('[data-testid="current-ticket"]');
    await counter.click('[data-action="transfer"]');
    await counter.click('.modal button:has-text("Quầy 2")');
    await counter.waitForSelector('[role="alert"]:has-text("Quầy chuyển đến đang đóng")', { timeout: 5000 });
    expect(await counter.textContent('[data-testid="current-ticket"] .num')).toBe('A001');
    expect(h.queue.views.counterState(1).counter.current?.number).toBe('A001');
    // The dialog says so before anyone tries.
    await counter.click('[data-action="transfer"]');
    expect(await counter.textContent('[data-transfer-counter="2"]')).toContain('Chưa mở');
  }, 30_000);

  async function threeCalls() {
    const clock = new FakeClock();
    const h = await startHost(clock);
    const q = h.queue;
    for (let i = 0; i < 3; i++) q.issuer.issue({ serviceId: 1 });
    const counter = await page(h, '/counter', 1366, 768, COUNTER_1);
    const display = await page(h, '/display', 1366, 768, 'display');
    await display.waitForSelector('[data-counter="1"]');
    q.calling.callNext(1, STAFF(1, 1));
    clock.minutes(5);
    q.calling.callNext(1, STAFF(1, 1));
    clock.minutes(5);
    const a3 = q.calling.callNext(1, STAFF(1, 1));
    await display.waitForFunction(() => document.querySelector('[data-testid="now-number"]')?.textContent?.trim() === 'A003');
    return { h, q, counter, display, a3 };
  }

  it('after the counter parks A003 and pauses, the TV no longer calls A003 to counter 1', async () => {
    const { counter, display } = await threeCalls();
    await counter.waitForSelector('[data-testid="current-ticket"]');
    await counter.click('[data-action="park"]');
    await counter.waitForSelector('text=Chưa gọi ai');
    await counter.click('[data-action="pause"]');
    await counter.click('.modal button >> nth=0');
    await display.waitForFunction(() => document.querySelector('[data-counter="1"]')?.textContent?.includes('Tạm dừng'));
    await display.waitForFunction(() => !document.querySelector('[data-testid="now-number"]'), undefined, { timeout: 5000 });
    expect(await display.textContent('[data-counter="1"] .num')).toBe('—');
    expect(await display.textContent('.now')).toContain('Xin kính chào công dân');
  }, 40_000);

  it('a recall is one entry in "Số vừa gọi", moved to the top', async () => {
    const { q, display, a3 } = await threeCalls();
    const history = () => display.$$eval('[data-testid="recent-calls"] > div', (ds) => ds.map((d) => d.textContent?.trim()));
    q.calling.recall(a3.id, STAFF(1, 1));
    await display.waitForFunction(() => document.querySelectorAll('[data-testid="recent-calls"] > div').length >= 3);
    await display.waitForTimeout(400);
    expect(await history()).toEqual(['A003 → Quầy 1', 'A002 → Quầy 1', 'A001 → Quầy 1']);
    expect((await display.textContent('[data-testid="now-number"]'))?.trim()).toBe('A003');
  }, 40_000);
});
