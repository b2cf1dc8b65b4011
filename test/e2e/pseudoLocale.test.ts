// The pseudo-locale pack on (issue #31): kiosk, ticket result, tracking page and call display in
// real Chromium, each as its own enrolled device, show no Vietnamese or English catalog string as
// written. A line on screen that reads exactly like a catalog message (its arguments filled with
// anything) was not taken from the catalog in the chosen language.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { parseMessage } from '../../shared/i18n/icuMessage';
import type { MessageNode } from '../../shared/i18n/icuMessage';
import viCatalog from '../../shared/locales/vi.json';
import enCatalog from '../../shared/locales/en.json';
import { writeZip } from '../../shared/zipArchive';
import { flattenCatalog } from '../../shared/i18n/langPack';
import { PSEUDO_CODE, PSEUDO_OPEN, pseudoPack } from '../../scripts/i18nPseudoPack';
import { enrollDevice, signedInAdmin } from '../helpers/devices';
import { launchChromium, screensHost } from '../helpers/screenSuite';
import { shotFile } from '../helpers/shotFile';

let browser: Browser;
let host: Host;
/** The office's own words (counter names such as "Quầy 1", service names): data, not catalog strings. */
const officeData = new Set<string>();

beforeAll(async () => {
  browser = await launchChromium();
  host = await screensHost();
  const admin = await signedInAdmin(host);
  const { messages, meta } = pseudoPack();
  const zip = writeZip([
    { name: 'messages.json', data: Buffer.from(JSON.stringify(messages)) },
    { name: 'meta.json', data: Buffer.from(JSON.stringify(meta)) },
  ]);
  const imported = await admin.post('/api/admin/lang', { zip: Buffer.from(zip).toString('base64') });
  expect(imported.status, JSON.stringify(imported.body)).toBe(200);
  expect(imported.body).toMatchObject({ code: PSEUDO_CODE, missing: [] });
  const counters = await admin.get('/api/admin/counters');
  for (const c of counters.body as { name: string }[]) officeData.add(c.name);
  const on = await admin.post('/api/admin/lang/screens', { code: PSEUDO_CODE, screens: { kiosk: true, track: true, rating: true, display: true } });
  expect(on.status).toBe(200);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A message as a whole-line pattern: its words as written, any argument any text. */
function pattern(nodes: MessageNode[]): string {
  return nodes.map((n) => (n.type === 0 ? escape(n.value ?? '') : '.+?')).join('');
}
const CATALOG = [...Object.entries(flattenCatalog(viCatalog)), ...Object.entries(flattenCatalog(enCatalog))].flatMap(([key, text]) => {
  const nodes = parseMessage(text);
  const words = nodes.filter((n) => n.type === 0).map((n) => n.value ?? '').join('');
  // A message that is all arguments, or one or two letters ("P", "N"), says nothing on its own.
  if ((words.match(/\p{L}/gu) ?? []).length < 3) return [];
  return [{ key, re: new RegExp(`^${pattern(nodes)}$`, 'u') }];
});

/** Lines (table cells apart) on screen that read as a catalog message in Vietnamese or English. */
async function untransformed(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  const lines = text.split(/[\n\t]/).map((l) => l.trim()).filter((l) => l && !officeData.has(l));
  return lines.flatMap((line) => CATALOG.filter((c) => c.re.test(line)).map((c) => `${c.key}: ${line}`));
}

async function shown(page: Page, name: string): Promise<string[]> {
  await page.waitForFunction((open) => document.body.innerText.includes(open), PSEUDO_OPEN);
  await page.waitForTimeout(300);
  await page.screenshot({ path: shotFile(`pseudo-${name}.png`) });
  return untransformed(page);
}

describe('the pseudo-locale pack on', () => {
  it('kiosk, its ticket result, the tracking page and the call display show no untransformed catalog string', async () => {
    const kioskCtx = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    await kioskCtx.addCookies([{ name: 'motcua_device', value: enrollDevice(host, 'kiosk'), url: `http://127.0.0.1:${host.port}` }]);
    const kiosk = await kioskCtx.newPage();
    await kiosk.goto(`http://127.0.0.1:${host.port}/kiosk?priority=0`);
    // The kiosk itself, not the pairing page: its service tiles are there.
    await kiosk.locator('[data-service]').first().waitFor();
    await kiosk.locator(`[data-testid="lang-${PSEUDO_CODE}"]`).click();
    // The pack's strings are fetched on the first choice, then the screen switches.
    await expect.poll(() => kiosk.locator(`[data-testid="lang-${PSEUDO_CODE}"]`).getAttribute('aria-pressed')).toBe('true');
    expect(await kiosk.evaluate(() => document.documentElement.lang)).toBe(PSEUDO_CODE);
    expect(await shown(kiosk, 'kiosk')).toEqual([]);

    await kiosk.locator('[data-service]').first().click();
    await kiosk.locator('[data-testid="ticket-number"]').waitFor();
    await kiosk.locator('.qr img').waitFor();
    expect(await shown(kiosk, 'ticket')).toEqual([]);
    const trackUrl = (await kiosk.getAttribute('.qr img', 'alt')) ?? '';
    const ticketPath = new URL(trackUrl).pathname;
    expect(ticketPath).toMatch(/^\/t\//);
    await kioskCtx.close();

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const track = await phone.newPage();
    await track.goto(`http://127.0.0.1:${host.port}${ticketPath}`);
    await track.locator('[data-testid="track-ahead"]').waitFor();
    await track.locator(`[data-testid="lang-${PSEUDO_CODE}"]`).click();
    expect(await shown(track, 'track')).toEqual([]);
    await phone.close();

    const tv = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await tv.addCookies([{ name: 'motcua_device', value: enrollDevice(host, 'display'), url: `http://127.0.0.1:${host.port}` }]);
    const display = await tv.newPage();
    await display.goto(`http://127.0.0.1:${host.port}/display?lang=${PSEUDO_CODE}`);
    // The call display, not the pairing page: its board of counters is there.
    await display.locator('.display').first().waitFor();
    expect(await shown(display, 'display')).toEqual([]);
    await tv.close();
  }, 120_000);
});
