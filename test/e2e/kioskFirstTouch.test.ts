import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollInDataDir } from '../helpers/devices';
import { startServe, stopBrowserAndServe } from '../helpers/serveProcess';
import type { ServeProcess } from '../helpers/serveProcess';
import { tempDir } from '../helpers/tempHost';
import { launchChromium } from '../helpers/screenSuite';

// The kiosk's first touch (#14) in real Chromium against a real `serve` with a paired kiosk: the
// result screen is ready before the tap, the number's frame is painted before the QR is made.
let browser: Browser;
let srv: ServeProcess;
let kiosk: string;

beforeAll(async () => {
  const dir = tempDir();
  srv = await startServe(dir);
  [kiosk] = enrollInDataDir(dir, [{ role: 'kiosk' }]) as [string];
  browser = await launchChromium();
}, 60_000);
afterAll(() => stopBrowserAndServe(browser, srv));

/** Watches the number arrive: what was on the page then, and in the frame that painted it. */
const PROBE = `(() => {
  window.__first = null;
  new MutationObserver(() => {
    const n = document.querySelector('[data-testid="ticket-number"]');
    if (!n || window.__first) return;
    const rect = () => { const r = n.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; };
    const f = (window.__first = { qrAtInsert: !!document.querySelector('.qr img'), qrInFirstFrame: null, rectFirst: rect(), rectLater: null });
    requestAnimationFrame(() => { f.qrInFirstFrame = !!document.querySelector('.qr img'); });
    const until = setInterval(() => {
      if (document.querySelector('.qr img')) { f.rectLater = rect(); clearInterval(until); }
    }, 10);
  }).observe(document, { childList: true, subtree: true });
})();`;

describe('kiosk first touch', () => {
  it('draws the result screen off screen before the first tap; the first tap paints the number, then the QR, without moving it', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    await ctx.addCookies([{ name: 'motcua_device', value: kiosk, url: srv.base }]);
    await ctx.addInitScript({ content: PROBE });
    const page = await ctx.newPage();
    await page.goto(`${srv.base}/kiosk?priority=0`);
    const tile = page.locator('[data-service="HT"]');
    await tile.waitFor();

    // Before any tap: the result screen is laid out (the big number in its weight and size) and a
    // QR has been encoded, all invisible and out of the accessibility tree.
    const warm = page.locator('.result-warmup');
    await warm.locator('.qr-warmup img').waitFor({ state: 'attached' });
    const warmNumber = await warm.locator('.big-number').evaluate((el) => {
      const s = getComputedStyle(el);
      return { weight: s.fontWeight, height: el.getBoundingClientRect().height, loaded: document.fonts.check(`${s.fontWeight} ${s.fontSize} "Be Vietnam Pro"`, el.textContent ?? '') };
    });
    expect(warmNumber.weight).toBe('800');
    expect(warmNumber.height).toBeGreaterThan(100);
    expect(warmNumber.loaded).toBe(true);
    expect(await warm.isVisible()).toBe(false);
    expect(await warm.getAttribute('aria-hidden')).toBe('true');
    expect(await page.getByRole('img').count()).toBe(0);

    const box = await tile.boundingBox();
    if (!box) throw new Error('no tile');
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator('[data-testid="ticket-number"]').waitFor();
    await page.locator('.qr img').waitFor();
    const first = (await page.evaluate(() => (window as unknown as { __first: unknown }).__first)) as {
      qrAtInsert: boolean;
      qrInFirstFrame: boolean;
      rectFirst: number[];
      rectLater: number[];
    };
    expect(first.qrAtInsert).toBe(false);
    expect(first.qrInFirstFrame).toBe(false);
    // The QR's place was kept: the number did not move when the QR came.
    expect(first.rectLater).toEqual(first.rectFirst);
    const trackUrl = (await page.getAttribute('.qr img', 'alt')) ?? '';
    expect(trackUrl).toMatch(/\/t\/[A-Za-z0-9_-]+$/);
    // The warm-up is gone with the home screen: one number, one QR on the page.
    expect(await page.locator('.big-number').count()).toBe(1);
    expect(await page.locator('.result-warmup').count()).toBe(0);

    // Back home, the next citizen finds it ready again.
    await page.locator('[data-action="done"]').tap();
    await page.locator('.result-warmup .qr-warmup img').waitFor({ state: 'attached' });
    await ctx.close();
  }, 60_000);
});
