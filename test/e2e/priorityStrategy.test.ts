import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_PASSWORD, enrollInDataDir } from '../helpers/devices';
import { startServe, stopBrowserAndServe } from '../helpers/serveProcess';
import type { ServeProcess } from '../helpers/serveProcess';
import { tempDir } from '../helpers/tempHost';
import { launchChromium } from '../helpers/screenSuite';
import { shotFile } from '../helpers/shotFile';

let browser: Browser;
let srv: ServeProcess;
let adminDevice: string;

beforeAll(async () => {
  const dir = tempDir();
  srv = await startServe(dir);
  // The admin's browser is a paired device (issue #13).
  [adminDevice] = enrollInDataDir(dir, [{ role: 'admin' }]) as [string];
  browser = await launchChromium();
}, 60_000);
afterAll(() => stopBrowserAndServe(browser, srv));

const office = (p: Page) => p.evaluate(async () => (await (await fetch('/api/admin/office')).json()) as Record<string, unknown>);

async function officeTab(p: Page) {
  await p.click('[data-tab="office"]');
  await p.waitForSelector('[data-testid="priority-strategy"]');
}

describe('priority strategy editor (admin → Đơn vị)', () => {
  it('edited twice: the strategy, its number and the service aging limit are saved, the rest of the form unchanged', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 1000 } });
    await ctx.addCookies([{ name: 'motcua_device', value: adminDevice, url: srv.base }]);
    const admin = await ctx.newPage();
    await admin.goto(`${srv.base}/admin`);
    // Was: the seeded 'motcua-admin' and a forced change. Issue #13: no default; the install chose it.
    await admin.fill('input[type="password"]', TEST_ADMIN_PASSWORD);
    await admin.click('button[type="submit"]');
    await admin.waitForSelector('[data-tab="office"]');
    const before = await office(admin);
    expect(before.priorityStrategy).toEqual({ kind: 'alternate', priorityRun: 3 });

    await officeTab(admin);
    expect(await admin.textContent('[data-testid="priority-preview"]')).toContain('Ư Ư Ư T Ư Ư Ư T');
    await admin.getByLabel('Cách gọi đối tượng ưu tiên').selectOption('jumpLimit');
    await admin.getByLabel('Số phiếu ưu tiên tối đa được gọi trước một phiếu thường đang chờ').fill('2');
    await admin.getByLabel(/^Dịch vụ xếp sau/).fill('20');
    await admin.click('[data-form="office"] button[type="submit"]');
    await admin.waitForSelector('[data-testid="save-message"]:has-text("Đã lưu")');
    const first = await office(admin);
    expect(first.priorityStrategy).toEqual({ kind: 'jumpLimit', maxJumps: 2 });
    expect(first.serviceAgingMinutes).toBe(20);
    // What the form itself shows is as it was. (Fields the form does not send are issue #11.1's
    // partial-save fix, on its own branch.)
    for (const k of ['name', 'address', 'marquee', 'ticketFooter', 'ratingLevels', 'kioskIdleSeconds', 'dayBoundaryMinutes', 'languages']) expect(first[k], k).toEqual(before[k]);

    // Second edit after a reload: the screen shows what was saved, and a new change applies.
    await admin.reload();
    await admin.waitForSelector('[data-tab="office"]');
    await officeTab(admin);
    expect(await admin.getByLabel('Cách gọi đối tượng ưu tiên').inputValue()).toBe('jumpLimit');
    expect(await admin.getByLabel(/^Dịch vụ xếp sau/).inputValue()).toBe('20');
    await admin.getByLabel('Cách gọi đối tượng ưu tiên').selectOption('alternate');
    await admin.getByLabel('Số phiếu ưu tiên được gọi liền nhau trước một phiếu thường').fill('4');
    await admin.click('[data-form="office"] button[type="submit"]');
    await admin.waitForSelector('[data-testid="save-message"]:has-text("Đã lưu")');
    const second = await office(admin);
    expect(second.priorityStrategy).toEqual({ kind: 'alternate', priorityRun: 4 });
    expect(second.serviceAgingMinutes).toBe(20);
    await admin.screenshot({ path: shotFile('admin-priority-strategy.png'), fullPage: true });
  }, 60_000);
});
