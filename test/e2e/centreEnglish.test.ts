import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { enrollDevice } from '../helpers/devices';
import { launchChromium, screensHost } from '../helpers/screenSuite';

// The sample centre's kiosk switched to English, in real Chromium: every department's procedures
// show an English name and description, none empty and none in Vietnamese.
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
let browser: Browser;
let host: Host;

beforeAll(async () => {
  host = await screensHost({ seed: 'centre' });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

describe('the centre’s kiosk in English', () => {
  it('each of the 20 departments lists its procedures with an English name and description', async () => {
    const base = `http://127.0.0.1:${host.port}`;
    const ctx = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    await ctx.addCookies([{ name: 'motcua_device', value: enrollDevice(host, 'kiosk'), url: base }]);
    const k = await ctx.newPage();
    await k.goto(`${base}/kiosk`);
    await k.waitForSelector('.group-tile');
    await k.click('[data-testid="lang"]');
    await k.waitForSelector('.group-tile:has-text("Department of Justice")');
    const groups = await k.$$eval('.group-tile', (els) => els.map((e) => ({ key: e.getAttribute('data-group') ?? '', name: e.querySelector('.name')?.textContent ?? '' })));
    expect(groups).toHaveLength(20);
    let seen = 0;
    for (const g of groups) {
      expect(g.name, g.key).not.toMatch(VIETNAMESE);
      await k.click(`.group-tile[data-group="${g.key}"]`);
      await k.waitForSelector('[data-testid="group-services"] [data-service]');
      const tiles = await k.$$eval('[data-testid="group-services"] [data-service]', (els) =>
        els.map((e) => ({ code: e.getAttribute('data-service'), name: e.querySelector('.name')?.textContent ?? '', description: e.querySelector('.description')?.textContent ?? '' })),
      );
      for (const t of tiles) {
        expect(t.name.trim(), `${t.code} name`).not.toBe('');
        expect(t.description.trim(), `${t.code} description`).not.toBe('');
        expect(`${t.name} ${t.description}`, `${t.code}`).not.toMatch(VIETNAMESE);
      }
      seen += tiles.length;
      await k.click('.back-to-groups');
      await k.waitForSelector('[data-testid="group-list"]');
    }
    expect(seen).toBe(100);
    await ctx.close();
  }, 90_000);
});
