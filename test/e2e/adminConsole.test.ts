import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_PASSWORD, enrollInDataDir } from '../helpers/devices';
import { startServe, stopBrowserAndServe } from '../helpers/serveProcess';
import type { ServeProcess } from '../helpers/serveProcess';
import { tempDir } from '../helpers/tempHost';
import { launchChromium } from '../helpers/screenSuite';

// The admin's pages run under the host's strict Content-Security-Policy (no eval). A library that
// probes for eval, even inside a try, makes Chromium log a violation on every page (issue #28
// point 1): this walks every admin tab and the reports page and listens for one.
let browser: Browser;
let srv: ServeProcess;
let adminDevice: string;

beforeAll(async () => {
  const dir = tempDir();
  srv = await startServe(dir);
  [adminDevice] = enrollInDataDir(dir, [{ role: 'admin' }]) as [string];
  browser = await launchChromium();
}, 60_000);
afterAll(() => stopBrowserAndServe(browser, srv));

/** A page that records every console line and every CSP violation event it sees. */
async function watchedPage(url: string): Promise<{ page: Page; seen: string[] }> {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await ctx.addCookies([{ name: 'motcua_device', value: adminDevice, url: srv.base }]);
  const page = await ctx.newPage();
  const seen: string[] = [];
  page.on('console', (m: ConsoleMessage) => seen.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => seen.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(srv.base + url);
  return { page, seen };
}

const violations = (seen: string[]) => seen.filter((l) => /Content Security Policy|CSP violation|unsafe-eval|EvalError/i.test(l));

describe('the admin pages under the Content-Security-Policy', () => {
  it('no tab of the admin screen and not the reports page logs a CSP violation', async () => {
    const csp = (await fetch(`${srv.base}/admin`)).headers.get('content-security-policy') ?? '';
    // The policy is as strict as ever: no eval allowed.
    expect(csp).toContain("default-src 'self'");
    // WebAssembly may compile (the kiosk camera's code reader); strings may never be evaluated.
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toContain("'wasm-unsafe-eval'");

    const { page, seen } = await watchedPage('/admin');
    await page.fill('input[type="password"]', TEST_ADMIN_PASSWORD);
    await page.click('button[type="submit"]');
    // The admin screen itself (its tab bar), not the pairing or sign-in page.
    await page.waitForSelector('[data-tab="office"]');
    const tabs = await page.$$eval('[data-tab]', (els) => els.map((e) => e.getAttribute('data-tab') as string));
    expect(tabs.length).toBeGreaterThanOrEqual(8);
    for (const tab of tabs) {
      await page.click(`[data-tab="${tab}"]`);
      await page.waitForSelector(`[data-tab="${tab}"][aria-pressed="true"]`);
      await page.waitForSelector('.admin-body form, .admin-body section');
      // Lazily loaded parts (spreadsheets, charts) and their first parse have run by now.
      await page.waitForTimeout(400);
      expect(violations(seen), `tab ${tab}`).toEqual([]);
    }
    const reports = await watchedPage('/reports');
    await reports.page.waitForSelector('h1, h2');
    await reports.page.waitForTimeout(800);
    expect(violations(reports.seen), 'reports').toEqual([]);
    expect(violations(seen)).toEqual([]);
  }, 90_000);
});
