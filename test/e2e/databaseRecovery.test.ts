// The admin screen after a damaged write-ahead log (#27), in real Chromium against a real `serve`
// process: the status line says the database is damaged, the recovery step is pre-filled with
// every acknowledged number, the admin confirms, and the kiosk issues above them.
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_PASSWORD } from '../helpers/devices';
import { launchChromium } from '../helpers/screenSuite';
import { acknowledgedThenDamaged, killStarted, seqOf, zeroHeader } from '../helpers/walDamage';
import { shotFile } from '../helpers/shotFile';

let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  await killStarted();
});

describe('recovering numbering on the admin screen', () => {
  it('status line, pre-filled numbers, confirm; the kiosk then issues above every acknowledged number', async () => {
    const c = await acknowledgedThenDamaged(zeroHeader);
    browser = await launchChromium();
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await ctx.addCookies([{ name: 'motcua_device', value: c.adminToken, url: c.srv.base }]);
    const page = await ctx.newPage();
    await page.goto(`${c.srv.base}/admin`);
    await page.fill('input[type="password"]', TEST_ADMIN_PASSWORD);
    await page.click('button[type="submit"]');
    const line = page.locator('[data-testid="health-line"]');
    await line.waitFor();
    expect(await line.textContent()).toContain('Cơ sở dữ liệu: bị hỏng, tạm ngừng cấp số');
    const panel = page.locator('[data-testid="number-recovery"]');
    await panel.waitFor();
    for (const [serviceId, seqs] of c.acked) {
      expect(Number(await page.inputValue(`[data-testid="recover-${serviceId}"]`)), `service ${serviceId}`).toBeGreaterThanOrEqual(Math.max(...seqs));
    }
    await page.screenshot({ path: shotFile('admin-database-recovery.png'), fullPage: true });
    await page.click('[data-testid="recover-confirm"]');
    await page.locator('[data-testid="recovered"]').waitFor();
    await page.locator('[data-testid="health-line"]:has-text("Mọi bộ phận hoạt động bình thường")').waitFor({ timeout: 10_000 });
    for (const [serviceId, seqs] of c.acked) {
      const r = await c.kiosk.post('/api/tickets', { serviceId });
      expect(r.status).toBe(201);
      expect(seqOf(r.body.number as string)).toBeGreaterThan(Math.max(...seqs));
    }
  }, 120_000);
});
