// Issue #31: axe-core on every screen, in Chromium, each opened as its own enrolled (and for the
// counter, admin and reports, signed-in) device, in three modes: as is, at 200 % zoom (the browser's
// text enlargement: half the CSS viewport at twice the pixel density) and in forced colours (the
// operating system's high-contrast mode). Each audit first proves it is on its screen, not on the
// pairing or sign-in page; then 0 serious or critical findings.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
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

function contextFor(mode: Mode, size: Screen['size']): BrowserContextOptions {
  if (mode === 'zoom200') return { viewport: { width: Math.round(size.width / 2), height: Math.round(size.height / 2) }, deviceScaleFactor: 2 };
  if (mode === 'forcedColors') return { viewport: size, forcedColors: 'active' };
  return { viewport: size };
}

async function axeSerious(p: Page): Promise<string[]> {
  const require = createRequire(import.meta.url);
  await p.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return p.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } };
    // meta-viewport: public touch screens turn pinch zoom off on purpose (a kiosk must not be zoomed by a passer-by).
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, rules: { 'meta-viewport': { enabled: false } } });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('every screen passes axe in three modes', () => {
  for (const screen of SCREENS) {
    it(`${screen.name}: as is, at 200 % and in forced colours`, async () => {
      if (screen.name === 'setup') await eventually(() => fresh.setupUrl, 10_000);
      const found: Record<string, string[]> = {};
      for (const mode of MODES) {
        const ctx = await browser.newContext(contextFor(mode, screen.size));
        try {
          await ctx.addCookies(await screen.cookies());
          const p = await ctx.newPage();
          await p.goto(screen.url());
          if (screen.name === 'admin') {
            await p.waitForSelector('[data-tab]');
          }
          await p.waitForSelector(screen.proof, { timeout: 15_000 });
          expect(await p.locator('[data-testid="device-gate"]').count()).toBe(0);
          const v = await axeSerious(p);
          if (v.length > 0) found[mode] = v;
        } finally {
          await ctx.close();
        }
      }
      expect(found).toEqual({});
    }, 90_000);
  }
});
