// Issue #28 point 17, in Chromium: on the ward's 1366×768 hall TV the last service chip hid under the
// marquee, English sub-labels were 11–12 px and the recent numbers 18 px, too small across a hall.
// Now nothing in the side column reaches the marquee (what does not fit turns pages on the clock),
// the English lines are at least 2.1vh and the recent numbers 3.6vh.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { enrollDevice, signedInCounter } from '../helpers/devices';
import { waitingAcrossPages } from '../helpers/displayPages';
import { browserWithHostPerTest } from '../helpers/screenSuite';

const { browser, host: startHost } = browserWithHostPerTest();

/** Boxes that reach below the marquee's top edge, or out of the side column. */
async function underMarquee(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const top = (document.querySelector('.marquee') as HTMLElement).getBoundingClientRect().top;
    const bad: string[] = [];
    for (const el of document.querySelectorAll('.side [data-fit], .side h2, .side tr')) {
      const r = el.getBoundingClientRect();
      if (r.height > 0 && r.bottom > top + 0.5) bad.push(`${el.textContent?.trim()} bottom ${Math.round(r.bottom)} > marquee ${Math.round(top)}`);
      // Cut off by its own list's box is as unreadable as under the marquee.
      const list = el.closest('.fit-list');
      const limit = list ? list.getBoundingClientRect().bottom : Infinity;
      if (r.height > 0 && r.bottom > limit + 0.5) bad.push(`${el.textContent?.trim()} bottom ${Math.round(r.bottom)} > its list ${Math.round(limit)}`);
    }
    return bad;
  });
}

const px = (p: Page, selector: string) => p.$$eval(selector, (els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));

describe('the ward display across a hall', () => {
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    it(`${width}×${height}: every service shown above the marquee (pages turn when they do not fit), English lines ≥ 2.1vh, recent numbers ≥ 3.6vh`, async () => {
      const host = await startHost();
      const url = `http://127.0.0.1:${host.port}`;
      // A busy morning: every service has people waiting, and counter 1 has called six times.
      const kiosk = enrollDevice(host, 'kiosk');
      for (const serviceId of [1, 2, 3, 4, 5, 6]) {
        for (let i = 0; i < 3; i++) {
          const r = await fetch(`${url}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-device-token': kiosk }, body: JSON.stringify({ serviceId }) });
          expect(r.status).toBe(201);
        }
      }
      const desk = await signedInCounter(host, 1);
      for (let i = 0; i < 6; i++) {
        const called = await desk.post('/api/counters/1/next', {});
        expect(called.status).toBe(200);
        if (i < 5) expect((await desk.post(`/api/tickets/${called.body.id}/finish`, {})).status).toBe(200);
      }

      const ctx = await browser().newContext({ viewport: { width, height } });
      await ctx.addCookies([{ name: 'motcua_device', value: enrollDevice(host, 'display'), url }]);
      const display = await ctx.newPage();
      await display.clock.install();
      await display.goto(`${url}/display`);
      // The display itself, bilingual, with its board: not the pairing page.
      await display.locator('[data-testid="now-number"]').waitFor();
      await display.locator('[data-testid="waiting-by-service"] [data-waiting]').first().waitFor();
      expect(await display.textContent('header h1')).toContain('UBND Phường Hòa Bình');

      await expect.poll(() => underMarquee(display), { timeout: 10_000 }).toEqual([]);
      const lines = await waitingAcrossPages(display, async () => expect(await underMarquee(display)).toEqual([]));
      const seen = new Set(lines.map((l) => l.split(':')[0]));
      expect(seen.size).toBe(6);
      // At least the newest recent calls are on screen, in large type.
      expect(await display.locator('[data-testid="recent-calls"] [data-number]').count()).toBeGreaterThanOrEqual(3);

      const vh = height / 100;
      for (const size of await px(display, '.display .en')) expect(size).toBeGreaterThanOrEqual(2.1 * vh - 0.5);
      for (const size of await px(display, '[data-testid="recent-calls"] b')) expect(size).toBeGreaterThanOrEqual(3.6 * vh - 0.5);
      await display.screenshot({ path: `/tmp/display-legible-${width}x${height}.png` });
    }, 60_000);
  }
});
