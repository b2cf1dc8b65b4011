// Khmer on the kiosk (#31): with the Khmer TEST SAMPLE pack (test/fixtures/lang/km-sample, not a
// translation) on, the kiosk shows its strings in Noto Sans Khmer, bundled beside Be Vietnam Pro:
// the font face is loaded, and the glyphs are real ones, not empty boxes.
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { writeZip } from '../../shared/zipArchive';
import { enrollDevice, signedInAdmin } from '../helpers/devices';
import { launchChromium, screensHost } from '../helpers/screenSuite';
import { shotFile } from '../helpers/shotFile';

const FIXTURE = 'test/fixtures/lang/km-sample';
const messages = JSON.parse(fs.readFileSync(`${FIXTURE}/messages.json`, 'utf8')) as Record<string, string>;

let browser: Browser;
let host: Host;

beforeAll(async () => {
  browser = await launchChromium();
  host = await screensHost();
  const admin = await signedInAdmin(host);
  const zip = writeZip(['messages.json', 'meta.json'].map((name) => ({ name, data: fs.readFileSync(`${FIXTURE}/${name}`) })));
  expect((await admin.post('/api/admin/lang', { zip: Buffer.from(zip).toString('base64') })).status).toBe(200);
  expect((await admin.post('/api/admin/lang/screens', { code: 'km', screens: { kiosk: true, track: false, rating: false, display: true } })).status).toBe(200);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

describe('Khmer on the kiosk', () => {
  it('the sample strings show in Noto Sans Khmer, with real glyphs', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    await ctx.addCookies([{ name: 'motcua_device', value: enrollDevice(host, 'kiosk'), url: `http://127.0.0.1:${host.port}` }]);
    const page = await ctx.newPage();
    await page.goto(`http://127.0.0.1:${host.port}/kiosk?priority=0`);
    await page.locator('[data-service]').first().waitFor();
    // The button names the language in its own script.
    expect(await page.locator('[data-testid="lang-km"]').innerText()).toBe('ខ្មែរ (គំរូ)');
    await page.locator('[data-testid="lang-km"]').click();
    const heading = page.getByText(messages.chooseService as string, { exact: true });
    await heading.waitFor();
    await page.evaluate(() => document.fonts.ready);
    const probe = await heading.evaluate((el) => {
      const s = getComputedStyle(el);
      const text = el.textContent ?? '';
      const faces = [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Noto Sans Khmer').map((f) => f.status);
      // An empty box has one width for every character; real Khmer glyphs (and their marks) do not.
      const c = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
      c.font = `${s.fontWeight} 40px "Noto Sans Khmer"`;
      const widths = [...'ជ្រើសរើសេវា'].map((ch) => c.measureText(ch).width);
      // U+0378 is unassigned: whatever the font draws for it is its empty box.
      const box = c.measureText('\u0378').width;
      return {
        family: s.fontFamily,
        lang: document.documentElement.lang,
        checked: document.fonts.check(`${s.fontWeight} 40px "Noto Sans Khmer"`, text),
        faces,
        distinctWidths: new Set(widths.map((w) => w.toFixed(1))).size,
        boxWide: widths.filter((w) => Math.abs(w - box) < 0.1).length,
        count: widths.length,
      };
    });
    expect(probe.lang).toBe('km');
    expect(probe.family).toContain('Noto Sans Khmer');
    expect(probe.faces).toContain('loaded');
    expect(probe.checked).toBe(true);
    expect(probe.distinctWidths).toBeGreaterThan(3);
    expect(probe.boxWide).toBeLessThan(probe.count / 2);
    await page.screenshot({ path: shotFile('kiosk-khmer-sample.png') });
    // What the pack leaves out reads Vietnamese, never a raw key.
    expect(await page.locator('body').innerText()).not.toMatch(/\b(chooseGroup|searchOpen|takeTicket)\b/);
    await ctx.close();
  }, 60_000);

  it('a pack on for displays takes the place of English on the call display’s second line', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await ctx.addCookies([{ name: 'motcua_device', value: enrollDevice(host, 'display'), url: `http://127.0.0.1:${host.port}` }]);
    const page = await ctx.newPage();
    await page.goto(`http://127.0.0.1:${host.port}/display?speaker=0`);
    // The call display itself, Vietnamese first.
    await page.locator('.display .label').first().waitFor();
    const second = page.locator('.display .label .en', { hasText: messages.welcome as string });
    await second.waitFor();
    expect(await page.locator('.display .label').first().innerText()).toContain('Xin kính chào công dân');
    // The office's English name is English data: not shown under a Khmer second line.
    expect(await page.locator('.display .en', { hasText: 'Ward' }).count()).toBe(0);
    await page.screenshot({ path: shotFile('display-khmer-sample.png') });
    await ctx.close();
  }, 60_000);
});
