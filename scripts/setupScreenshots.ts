// A new office's first morning (issue #28), for `npm run screenshots` (SCREENS=setup takes only
// these): the setup page as it opens, with every wrong field marked at once (Vietnamese and
// English), the printer question answered, and the kiosk's screen ticket of an office without a
// ticket printer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/browser';
import { enrollCli } from '../test/helpers/devices';
import { startServe } from '../test/helpers/serveProcess';

export async function setupScreens(out: string): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-shots-setup-'));
  // No scripted password: the office meets its setup link.
  const srv = await startServe(dir, { MOTCUA_ADMIN_PASSWORD: '', MOTCUA_OFFICER_PINS: '' });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const shots: string[] = [];
  const shot = async (p: Page, name: string, fullPage = false) => {
    await p.evaluate(() => document.fonts.ready);
    await p.waitForTimeout(300);
    const { width, height } = p.viewportSize() ?? { width: 0, height: 0 };
    const file = `${name}-${width}x${height}.png`;
    await p.screenshot({ path: path.join(out, file), fullPage });
    shots.push(file);
  };
  try {
    for (let i = 0; i < 100 && !srv.setupUrl; i++) await new Promise((r) => setTimeout(r, 50));
    if (!srv.setupUrl) throw new Error('the host printed no setup link');
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const setup = await ctx.newPage();
    await setup.goto(srv.setupUrl);
    await setup.waitForSelector('[data-testid="setup-pin-4"]');
    await shot(setup, 'setup-form', true);
    await setup.fill('[data-testid="setup-password"]', 'motcua2026');
    await setup.fill('[data-testid="setup-password-again"]', 'motcua2027');
    for (const id of [1, 2, 3, 4]) await setup.fill(`[data-testid="setup-pin-${id}"]`, id === 4 ? '1234' : '582914');
    await setup.click('[data-testid="setup-submit"]');
    await setup.waitForSelector('#setup-password-error');
    await setup.evaluate(() => window.scrollTo(0, 0));
    await shot(setup, 'setup-errors', true);
    await setup.click('text=English');
    await setup.waitForSelector('text=First-time setup');
    await shot(setup, 'setup-errors-en', true);
    await setup.click('text=Tiếng Việt');
    await setup.fill('[data-testid="setup-password"]', 'cây-đa-giếng-nước-7');
    await setup.fill('[data-testid="setup-password-again"]', 'cây-đa-giếng-nước-7');
    for (const [i, pin] of ['572946', '318274', '649135', '205817'].entries()) await setup.fill(`[data-testid="setup-pin-${i + 1}"]`, pin);
    await setup.click('[data-testid="setup-show-pins"]');
    await setup.check('[data-testid="setup-printer-yes"]');
    await setup.selectOption('[data-testid="setup-printer-model"]', 'xprinter-xp-n160ii');
    await shot(setup, 'setup-printer', true);
    // The office has no printer after all: the kiosk's ticket is the screen.
    await setup.check('[data-testid="setup-printer-no"]');
    await setup.click('[data-testid="setup-submit"]');
    await setup.waitForSelector('a[href="/admin"]');

    const kiosk = enrollCli(dir, 'kiosk');
    for (const [w, h] of [
      [1080, 1920],
      [1920, 1080],
    ] as const) {
      const kctx = await browser.newContext({ viewport: { width: w, height: h } });
      await kctx.addCookies([{ name: 'motcua_device', value: kiosk, url: srv.base }]);
      const k = await kctx.newPage();
      await k.goto(`${srv.base}/kiosk?priority=0`);
      await k.click('[data-service="HT"]');
      await k.waitForSelector('[data-testid="print-state"][data-state="screen"]');
      await k.waitForSelector('.qr img');
      await shot(k, 'kiosk-ticket-screen');
      await kctx.close();
    }
  } finally {
    await browser.close();
    srv.child.kill('SIGTERM');
  }
  return shots;
}
