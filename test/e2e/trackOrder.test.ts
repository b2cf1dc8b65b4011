// The citizen's phone must not lose its call to a late answer: the tracking page reads its ticket
// on open and on every (re)connect, and the host pushes each change in between. A read sent before
// the call and answered after the push (a slow phone on the office Wi-Fi) is stale; before this
// test the page showed it, and the phone went back to "waiting" while the counter called it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { deviceClient, signedInCounter } from '../helpers/devices';
import { launchChromium, screensHost } from '../helpers/screenSuite';

let browser: Browser;
let host: Host;

beforeAll(async () => {
  browser = await launchChromium();
  host = await screensHost();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

describe('the tracking page keeps the newest word on its ticket', () => {
  it('a read answered after the call was pushed does not put "waiting" back', async () => {
    const kiosk = deviceClient(host, 'kiosk');
    const issued = await kiosk.post('/api/tickets', { serviceId: 1 });
    expect(issued.status).toBe(201);
    const ticket = issued.body as { id: string; number: string };
    const counter = await signedInCounter(host, 1);

    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    // Every read of the ticket after the first is fetched from the host at once, and handed to the
    // page only when the test says so: an answer that took its time on the way back.
    let reads = 0;
    let held = 0;
    let release: () => void = () => undefined;
    const released = new Promise<void>((r) => (release = r));
    await page.route(`**/api/tickets/${ticket.id}`, async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      const response = await route.fetch();
      if (++reads === 1) return route.fulfill({ response });
      held++;
      await released;
      return route.fulfill({ response });
    });
    await page.goto(`http://127.0.0.1:${host.port}/t/${ticket.id}`);
    await page.locator('[data-testid="track-ahead"]').waitFor();
    // The page reads again when its event stream connects: that read is the one held back.
    await expect.poll(() => held, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);

    const called = await counter.post('/api/counters/1/next', {});
    expect(called.status).toBe(200);
    expect((called.body as { number: string }).number).toBe(ticket.number);
    await page.locator('[data-testid="called"]').waitFor();

    // Now the stale "waiting" answer arrives.
    release();
    await page.waitForTimeout(800);
    expect(await page.locator('[data-testid="called"]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="track-ahead"]').count()).toBe(0);

    // A read asked for after the push still counts: a reload shows the ticket as the host has it.
    await page.unroute(`**/api/tickets/${ticket.id}`);
    await page.reload();
    await page.locator('[data-testid="called"]').waitFor();
    await ctx.close();
  }, 60_000);
});
