// Issue #31, the accessible kiosk: a button on every step a person who needs it finds without help;
// large text (200 %) and high contrast, one tap each; the office can make either the default; the
// kiosk returns to the office's default when it resets; targets stay ≥ 64 px and axe finds nothing
// serious in any mode. Real Chromium, an enrolled kiosk, an admin signed in over HTTP.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeSerious } from '../helpers/axeAudit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { counterBrowserCookies, deviceClient, enrollDevice, signedInAdmin } from '../helpers/devices';
import { HttpClient } from '../helpers/httpClient';
import { openKiosk } from '../helpers/kioskPage';
import { launchChromium, screensHost } from '../helpers/screenSuite';
import { tempDir } from '../helpers/tempHost';

let browser: Browser;
let host: Host;
let kioskDevice: string;
let base: string;
const shots = process.env.KIOSK_ACCESS_SHOTS ?? tempDir('motcua-kiosk-access-');

beforeAll(async () => {
  host = await screensHost();
  base = `http://127.0.0.1:${host.port}`;
  kioskDevice = enrollDevice(host, 'kiosk');
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

const kiosk = (width: number, height: number, query = ''): Promise<Page> => openKiosk(browser, host, { width, height }, query, kioskDevice);

/** Every visible button and tile smaller than 64 × 64 CSS px as the person sees it (zoom included). */
async function smallTargets(p: Page): Promise<string[]> {
  return p.evaluate(() =>
    [...document.querySelectorAll('button, .tile, [role="button"]')]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0 && (r.width < 64 || r.height < 64))
      .map(({ el, r }) => `${(el.textContent ?? '').trim().slice(0, 30)} ${Math.round(r.width)}×${Math.round(r.height)}`),
  );
}

const tileNamePx = (p: Page) => p.evaluate(() => (document.querySelector('.tile .name') as HTMLElement).getBoundingClientRect().height);

describe('the accessible kiosk', () => {
  it('portrait 1080×1920: the button is found by its name; large text doubles the tiles’ text, high contrast turns it white on black; targets ≥ 64 px and axe clean in each mode', async () => {
    const p = await kiosk(1080, 1920);
    const button = p.getByRole('button', { name: 'Hỗ trợ tiếp cận' });
    await button.waitFor();
    expect(await smallTargets(p)).toEqual([]);
    expect(await axeSerious(p, ['wcag2a', 'wcag2aa'])).toEqual([]);
    await p.screenshot({ path: path.join(shots, 'kiosk-portrait-normal.png') });
    const normalPx = await tileNamePx(p);

    await button.click();
    await p.getByRole('dialog', { name: 'Hỗ trợ tiếp cận' }).waitFor();
    await p.getByRole('button', { name: /Chữ lớn/ }).click();
    expect(await p.getAttribute('.kiosk', 'data-large-text')).toBe('true');
    expect(await p.getByRole('button', { name: /Chữ lớn/ }).getAttribute('aria-pressed')).toBe('true');
    await p.getByRole('button', { name: 'Xong' }).click();
    expect(await tileNamePx(p)).toBeGreaterThanOrEqual(normalPx * 1.9);
    expect(await smallTargets(p)).toEqual([]);
    expect(await axeSerious(p, ['wcag2a', 'wcag2aa'])).toEqual([]);
    // Nothing runs off the side: the tiles reflow into one column.
    expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await p.screenshot({ path: path.join(shots, 'kiosk-portrait-large.png') });

    await button.click();
    await p.getByRole('button', { name: /Tương phản cao/ }).click();
    expect(await p.getAttribute('.kiosk', 'data-high-contrast')).toBe('true');
    await p.screenshot({ path: path.join(shots, 'kiosk-portrait-large-contrast-panel.png') });
    await p.getByRole('button', { name: 'Xong' }).click();
    const colours = await p.evaluate(() => {
      const cs = getComputedStyle(document.querySelector('.kiosk') as HTMLElement);
      return { bg: cs.backgroundColor, fg: cs.color };
    });
    expect(colours).toEqual({ bg: 'rgb(0, 0, 0)', fg: 'rgb(255, 255, 255)' });
    expect(await smallTargets(p)).toEqual([]);
    // High contrast meets the AAA contrast ratio (7:1) too.
    expect(await axeSerious(p, ['wcag2a', 'wcag2aa', 'wcag2aaa'])).toEqual([]);
    await p.screenshot({ path: path.join(shots, 'kiosk-portrait-large-contrast.png') });
    await p.context().close();
  }, 90_000);

  it('landscape 1920×1080 in high contrast only: axe clean, targets ≥ 64 px', async () => {
    const p = await kiosk(1920, 1080);
    await p.getByRole('button', { name: 'Hỗ trợ tiếp cận' }).click();
    await p.getByRole('button', { name: /Tương phản cao/ }).click();
    await p.getByRole('button', { name: 'Xong' }).click();
    expect(await smallTargets(p)).toEqual([]);
    expect(await axeSerious(p, ['wcag2a', 'wcag2aa', 'wcag2aaa'])).toEqual([]);
    await p.screenshot({ path: path.join(shots, 'kiosk-landscape-contrast.png') });
    await p.context().close();
  }, 60_000);

  it('a citizen’s choice lasts until the kiosk resets; the office’s default (set on the admin’s API) applies live and after each reset', async () => {
    const p = await kiosk(1080, 1920, '?idle=6');
    await p.getByRole('button', { name: 'Hỗ trợ tiếp cận' }).click();
    await p.getByRole('button', { name: /Chữ lớn/ }).click();
    await p.getByRole('button', { name: 'Xong' }).click();
    expect(await p.getAttribute('.kiosk', 'data-large-text')).toBe('true');
    // Left alone (twice the office's 6 s, for someone who asked for large text): the countdown
    // turns urgent with a chime 10 s before, then the kiosk is back to normal text for the next citizen.
    const chose = Date.now();
    await p.waitForSelector('[data-testid="idle-countdown"].urgent', { timeout: 25_000 });
    expect(Date.now() - chose).toBeGreaterThan(1_500);
    expect(await p.evaluate(() => (window as unknown as { __idleWarnings?: number }).__idleWarnings)).toBe(1);
    await p.waitForFunction(() => document.querySelector('.kiosk')?.getAttribute('data-large-text') === 'false', undefined, { timeout: 15_000 });
    expect(Date.now() - chose).toBeGreaterThan(11_000);

    const admin = await signedInAdmin(host);
    const before = (await admin.get('/api/admin/office')).body as Record<string, unknown>;
    expect((await admin.post('/api/admin/office', { kioskHighContrast: true })).status).toBe(200);
    const after = (await admin.get('/api/admin/office')).body as Record<string, unknown>;
    // Only what was asked changed.
    expect({ ...after, kioskHighContrast: before.kioskHighContrast }).toEqual(before);
    await p.waitForFunction(() => document.querySelector('.kiosk')?.getAttribute('data-high-contrast') === 'true', undefined, { timeout: 10_000 });
    // A citizen turns it off for themselves; the reset brings the office's default back.
    await p.getByRole('button', { name: 'Hỗ trợ tiếp cận' }).click();
    await p.getByRole('button', { name: /Tương phản cao/ }).click();
    expect(await p.getAttribute('.kiosk', 'data-high-contrast')).toBe('false');
    await p.waitForFunction(() => document.querySelector('.kiosk')?.getAttribute('data-high-contrast') === 'true', undefined, { timeout: 25_000 });
    expect((await admin.post('/api/admin/office', { kioskHighContrast: false })).status).toBe(200);
    await p.context().close();
  }, 90_000);

  it('“Gọi nhân viên hỗ trợ”: every counter sees the kiosk within 2 s; the first officer to answer is named on the kiosk and the call leaves the other counters', async () => {
    const desks: Page[] = [];
    for (const c of [1, 2]) {
      const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      await ctx.addCookies(await counterBrowserCookies(host, c, c));
      const d = await ctx.newPage();
      await d.goto(`${base}/counter`);
      // The desk itself (the call button), not the sign-in page.
      await d.waitForSelector('[data-action="next"], button.call-next, .counter-main');
      expect(await d.locator('.counter-main').count()).toBe(1);
      desks.push(d);
    }
    const p = await kiosk(1080, 1920);
    await p.getByRole('button', { name: 'Hỗ trợ tiếp cận' }).click();
    const asked = Date.now();
    await p.getByRole('button', { name: /Gọi nhân viên hỗ trợ/ }).click();
    // Pressed again by an anxious citizen: still one call.
    await p.getByRole('button', { name: /Gọi nhân viên hỗ trợ/ }).click();
    for (const d of desks) await d.waitForSelector('[data-testid="help-calls"] .help-call', { timeout: 2_000 });
    expect(Date.now() - asked).toBeLessThan(2_500);
    for (const d of desks) expect(await d.locator('.help-call').count()).toBe(1);
    expect(await desks[0]!.textContent('[data-testid="help-calls"]')).toContain('cần nhân viên hỗ trợ');
    await desks[0]!.screenshot({ path: path.join(shots, 'counter-help-call.png') });
    await p.getByRole('button', { name: 'Xong' }).click();
    expect(await p.textContent('[data-testid="help-status"]')).toContain('Đã báo nhân viên');

    await desks[0]!.getByRole('button', { name: 'Tôi đến hỗ trợ' }).click();
    await p.waitForFunction(() => document.querySelector('[data-testid="help-status"]')?.textContent?.includes('Nhân viên đang đến'), undefined, { timeout: 5_000 });
    expect(await p.textContent('[data-testid="help-status"]')).toMatch(/Quầy (số )?1/);
    await p.screenshot({ path: path.join(shots, 'kiosk-help-coming.png') });
    await desks[1]!.waitForSelector('[data-testid="help-calls"]', { state: 'detached', timeout: 5_000 });
    for (const d of desks) await d.context().close();
    await p.context().close();

    // Only an enrolled kiosk calls; a phone or a display cannot summon staff.
    expect((await new HttpClient(base).post('/api/kiosk/help', {})).status).toBe(403);
    expect((await deviceClient(host, 'display').post('/api/kiosk/help', {})).status).toBe(403);
  }, 90_000);
});
