// Issue #31: axe-core on every screen, in Chromium, each opened as its own enrolled (and for the
// counter, admin and reports, signed-in) device, in three modes, one after another on the same page:
// as is, at 200 % zoom (the browser's text enlargement: half the CSS viewport) and in forced colours
// (the operating system's high-contrast mode). Each audit first proves it is on its screen, not on the
// pairing or sign-in page; then 0 serious or critical findings.
import type { Browser, Page } from 'playwright-core';
import { axeSerious } from '../helpers/axeAudit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { TEST_ADMIN_PASSWORD, counterBrowserCookies, enrollDevice } from '../helpers/devices';
import { HttpClient } from '../helpers/httpClient';
import { launchChromium, screensHost } from '../helpers/screenSuite';
import { startServe, waitExit } from '../helpers/serveProcess';
import type { ServeProcess } from '../helpers/serveProcess';
import { eventually, STAFF, tempDir } from '../helpers/tempHost';

let browser: Browser;
let host: Host;
let base: string;
let trackId: string;
let fresh: ServeProcess;

beforeAll(async () => {
  host = await screensHost();
  base = `http://127.0.0.1:${host.port}`;
  const q = host.queue;
  for (let i = 0; i < 6; i++) q.issuer.issue({ serviceId: 1 + (i % 2) });
  q.counters.open(1, 1);
  q.calling.callNext(1, STAFF(1, 1));
  trackId = q.issuer.issue({ serviceId: 1 }).id;
  // A new office's first start, for the setup screen.
  fresh = await startServe(tempDir(), { MOTCUA_ADMIN_PASSWORD: '', MOTCUA_OFFICER_PINS: '' });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  fresh?.child.kill();
  if (fresh) await waitExit(fresh.child);
  await host?.close();
});

type Mode = 'normal' | 'zoom200' | 'forcedColors';
const MODES: Mode[] = ['normal', 'zoom200', 'forcedColors'];

interface Screen {
  name: string;
  url: () => string;
  size: { width: number; height: number };
  cookies: () => Promise<{ name: string; value: string; url: string }[]>;
  /** A selector only the screen itself has (not the pairing, wrong-role or sign-in page). */
  proof: string;
}

const device = (role: Parameters<typeof enrollDevice>[1], counterId: number | null = null) => async () => [{ name: 'motcua_device', value: enrollDevice(host, role, counterId), url: base }];
async function adminCookies() {
  const token = enrollDevice(host, 'admin');
  const admin = new HttpClient(base, token);
  expect((await admin.post('/api/auth/admin', { password: TEST_ADMIN_PASSWORD })).status).toBe(200);
  const [name, ...value] = admin.cookie.split('=');
  return [
    { name: 'motcua_device', value: token, url: base },
    { name: name as string, value: value.join('='), url: base },
  ];
}

const SCREENS: Screen[] = [
  { name: 'kiosk', url: () => `${base}/kiosk`, size: { width: 1080, height: 1920 }, cookies: device('kiosk'), proof: '.tile' },
  { name: 'display', url: () => `${base}/display?speaker=0`, size: { width: 1920, height: 1080 }, cookies: device('display'), proof: '.display header .clock' },
  { name: 'counter', url: () => `${base}/counter`, size: { width: 1366, height: 768 }, cookies: () => counterBrowserCookies(host, 2, 2), proof: '.counter-main' },
  { name: 'rating', url: () => `${base}/rating?counter=1`, size: { width: 1280, height: 800 }, cookies: device('rating', 1), proof: '[data-testid="nametag"], [data-testid="nametag-empty"]' },
  { name: 'tracking', url: () => `${base}/t/${trackId}`, size: { width: 390, height: 844 }, cookies: async () => [], proof: '[data-testid="track-ahead"]' },
  { name: 'admin', url: () => `${base}/admin`, size: { width: 1366, height: 768 }, cookies: adminCookies, proof: '[data-tab="overview"], [data-tab]' },
  { name: 'reports', url: () => `${base}/reports`, size: { width: 1366, height: 768 }, cookies: adminCookies, proof: '[data-testid="card-issued"]' },
  { name: 'pair', url: () => `${base}/pair`, size: { width: 1280, height: 800 }, cookies: async () => [], proof: 'main.login, [data-testid="pair-form"], form' },
  { name: 'setup', url: () => fresh.setupUrl as string, size: { width: 1366, height: 768 }, cookies: async () => [], proof: '[data-testid="setup-pin-4"]' },
];

/**
 * Puts an open screen in a mode: 200 % zoom is what the browser's text enlargement does to a page,
 * half the CSS viewport (the pixel density does not change what axe reads); forced colours is the
 * operating system's high-contrast mode. One page load per screen, not one per mode.
 */
async function enterMode(p: Page, mode: Mode, size: Screen['size']): Promise<void> {
  if (mode === 'zoom200') await p.setViewportSize({ width: Math.round(size.width / 2), height: Math.round(size.height / 2) });
  if (mode === 'forcedColors') {
    await p.setViewportSize(size);
    await p.emulateMedia({ forcedColors: 'active' });
  }
}

describe('every screen passes axe in three modes', () => {
  for (const screen of SCREENS) {
    it(`${screen.name}: as is, at 200 % and in forced colours`, async () => {
      if (screen.name === 'setup') await eventually(() => fresh.setupUrl, 10_000);
      const found: Record<string, string[]> = {};
      const ctx = await browser.newContext({ viewport: screen.size });
      try {
        await ctx.addCookies(await screen.cookies());
        const p = await ctx.newPage();
        await p.goto(screen.url());
        if (screen.name === 'admin') {
          await p.waitForSelector('[data-tab]');
        }
        for (const mode of MODES) {
          await enterMode(p, mode, screen.size);
          // Still the screen itself in every mode, not the pairing or sign-in page.
          await p.waitForSelector(screen.proof, { timeout: 15_000 });
          expect(await p.locator('[data-testid="device-gate"]').count()).toBe(0);
          expect(await p.evaluate(() => [window.innerWidth, matchMedia('(forced-colors: active)').matches])).toEqual([
            mode === 'zoom200' ? Math.round(screen.size.width / 2) : screen.size.width,
            mode === 'forcedColors',
          ]);
          const v = await axeSerious(p);
          if (v.length > 0) found[mode] = v;
        }
      } finally {
        await ctx.close();
      }
      expect(found).toEqual({});
    }, 90_000);
  }
});
