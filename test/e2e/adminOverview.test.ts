import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { browserWithHostPerTest } from '../helpers/screenSuite';
import { TEST_ADMIN_PASSWORD, counterBrowserCookies, enrollDevice } from '../helpers/devices';
import { FakeClock } from '../helpers/tempHost';

// The office manager's admin at 1366×768 (#28 points 15 and 16), in real Chromium against an
// in-process host: the tab bar, the device list, and the live overview fed by the event stream.
const suite = browserWithHostPerTest();
const base = (h: Host) => `http://127.0.0.1:${h.port}`;

async function context(width: number, height: number): Promise<BrowserContext> {
  return suite.browser().newContext({ viewport: { width, height } });
}

async function signedInAdmin(h: Host): Promise<Page> {
  const ctx = await context(1366, 768);
  await ctx.addCookies([{ name: 'motcua_device', value: enrollDevice(h, 'admin', null, 'Máy quản trị'), url: base(h) }]);
  const admin = await ctx.newPage();
  await admin.goto(`${base(h)}/admin`);
  await admin.fill('input[type="password"]', TEST_ADMIN_PASSWORD);
  await admin.click('button[type="submit"]');
  await admin.waitForSelector('[data-tab="overview"]');
  return admin;
}

/** The top of an element in the viewport, in CSS px (null when it is not on the page). */
const topOf = (p: Page, selector: string) => p.$eval(selector, (el) => el.getBoundingClientRect().top).catch(() => null);

describe('the admin tab bar and the device list at 1366×768', () => {
  it('the tabs fit one row; the device list has column headers and says which device is online', async () => {
    const h = await suite.host();
    const admin = await signedInAdmin(h);

    // One row: every tab shares one top, none scrolled out of sight, and the whole header (the
    // title, the reports link and the language beside it, over the tabs) stays a small part of 768 px.
    const bar = await admin.evaluate(() => {
      const items = [...document.querySelectorAll<HTMLElement>('.admin-tabs > *')].map((el) => el.getBoundingClientRect());
      const nav = document.querySelector('.admin-tabs')!.getBoundingClientRect();
      const header = document.querySelector('.admin-topbar')!.getBoundingClientRect();
      const scroller = document.querySelector<HTMLElement>('.admin-tabs')!;
      return { count: items.length, tops: [...new Set(items.map((r) => Math.round(r.top)))], navHeight: nav.height, headerBottom: header.bottom, hidden: scroller.scrollWidth - scroller.clientWidth, right: Math.max(...items.map((r) => r.right)) };
    });
    expect(bar.count).toBe(14);
    expect(bar.tops).toHaveLength(1);
    expect(bar.navHeight).toBeLessThanOrEqual(50);
    expect(bar.hidden).toBe(0);
    expect(bar.right).toBeLessThanOrEqual(1366);
    expect(bar.headerBottom).toBeLessThanOrEqual(110);

    // A display that is on now, and a kiosk paired but never switched on.
    const displayCtx = await context(1366, 768);
    const displayToken = enrollDevice(h, 'display', null, 'Màn hình sảnh');
    await displayCtx.addCookies([{ name: 'motcua_device', value: displayToken, url: base(h) }]);
    const display = await displayCtx.newPage();
    await display.goto(`${base(h)}/display`);
    await display.waitForSelector('[data-counter="1"]');
    enrollDevice(h, 'kiosk', null, 'Kiosk cửa chính');
    const displayId = h.devices.identify(displayToken, 'test')!.id;
    const kioskId = h.devices.list().find((d) => d.name === 'Kiosk cửa chính')!.id;

    await admin.click('[data-tab="enrolled"]');
    await admin.waitForSelector(`[data-testid="device-${kioskId}"]`);
    const headers = await admin.$$eval('.report-table thead th[scope="col"]', (ths) => ths.map((th) => th.textContent?.trim()));
    expect(headers).toEqual(['Loại thiết bị', 'Tên thiết bị', 'Kết nối', 'Lần cuối', 'Địa chỉ']);
    const row = (id: number) => admin.textContent(`[data-testid="device-${id}"]`);
    const state = (id: number) => admin.textContent(`[data-testid="device-online-${id}"]`);
    expect(await row(displayId)).toContain('Màn hình sảnh');
    await admin.waitForFunction((id) => document.querySelector(`[data-testid="device-online-${id}"]`)?.textContent?.includes('Trực tuyến'), displayId, { timeout: 5000 });
    expect(await state(kioskId)).toContain('Ngoại tuyến');
    // This admin PC holds its own stream open: it is online too.
    const adminId = h.devices.list().find((d) => d.name === 'Máy quản trị')!.id;
    expect(await state(adminId)).toContain('Trực tuyến');

    // The display is switched off: its row says so within the list's next refresh, no reload.
    await displayCtx.close();
    await admin.waitForFunction((id) => document.querySelector(`[data-testid="device-online-${id}"]`)?.textContent?.includes('Ngoại tuyến'), displayId, { timeout: 8000 });

    // English: the same columns in English.
    await admin.click('[data-testid="lang"]');
    expect(await admin.$$eval('.report-table thead th[scope="col"]', (ths) => ths.map((th) => th.textContent?.trim()))).toEqual(['Device type', 'Device name', 'Connection', 'Last seen', 'Address']);
  }, 60_000);
});

describe('the manager’s overview', () => {
  it('is the first tab; a counter PC signing in and calling shows on it without a reload; a long wait shows at the top of every tab', async () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 23, 1, 0)); // Monday 08:00 in Hà Nội
    const h = await suite.host({ clock, timeTickMs: 100 });
    h.queue.issuer.issue({ serviceId: 1 }); // A001
    h.queue.issuer.issue({ serviceId: 1 }); // A002
    const admin = await signedInAdmin(h);
    // The overview opens first, and is what the admin sees (not the sign-in or another tab).
    await admin.waitForSelector('[data-testid="overview"]');
    expect(await admin.getAttribute('[data-tab="overview"]', 'aria-pressed')).toBe('true');
    expect(await admin.$eval('.admin-tabs > *', (el) => el.textContent)).toBe('Tổng quan');
    expect(await admin.textContent('[data-counter="1"]')).toContain('Đóng');
    expect(await admin.textContent('[data-testid="ov-waiting-A"]')).toBe('2');
    // No counter open: the line says so instead of an estimate.
    expect(await admin.textContent('[data-service="A"]')).toContain('Không có quầy nào đang mở');
    // A mark on this page: it must still be there at the end (no reload happened).
    await admin.evaluate(() => ((window as unknown as { mark: number }).mark = 1));

    // Quầy 1's PC, paired, its officer signed in: the overview shows it open with its officer.
    const counterCtx = await context(1366, 768);
    await counterCtx.addCookies(await counterBrowserCookies(h, 1, 1));
    const counter = await counterCtx.newPage();
    await counter.goto(`${base(h)}/counter`);
    await counter.waitForSelector('[data-action="next"]');
    await admin.waitForSelector('[data-counter="1"][data-status="open"]', { timeout: 5000 });
    const officer = h.queue.views.listCounters().find((c) => c.id === 1)!.officerName!;
    expect(await admin.textContent('[data-counter="1"]')).toContain(officer);
    expect(await admin.textContent('[data-testid="ov-current-1"]')).toBe('Sẵn sàng gọi số');

    // The officer calls: A001 shows at Quầy 1, the line of A goes down to 1.
    await counter.click('[data-action="next"]');
    await admin.waitForFunction(() => document.querySelector('[data-testid="ov-current-1"]')?.textContent?.includes('A001'), undefined, { timeout: 5000 });
    await admin.waitForFunction(() => document.querySelector('[data-testid="ov-waiting-A"]')?.textContent === '1', undefined, { timeout: 5000 });
    // Four minutes on (the host's minute refresh is pushed, not polled): how long A001 has been called.
    clock.minutes(4);
    await admin.waitForFunction(() => document.querySelector('[data-counter="1"]')?.textContent?.includes('4 phút'), undefined, { timeout: 5000 });
    // Other counters were not touched.
    expect(await admin.getAttribute('[data-counter="2"]', 'data-status')).toBe('closed');

    // Justice (D) gets a ticket nobody calls; 46 minutes later it is past its 45-minute limit.
    const d = h.queue.views.listServices().find((s) => s.prefix === 'D')!;
    h.queue.issuer.issue({ serviceId: d.id });
    expect(await admin.$('[data-testid="wait-alerts"]')).toBeNull();
    clock.minutes(46);
    await admin.waitForSelector('[data-testid="wait-alerts"]:has-text("D001 đã chờ 46 phút")', { timeout: 5000 });
    // At the top of every tab, within the first screen, whatever the manager is doing.
    for (const tab of ['overview', 'services', 'office', 'counters', 'enrolled', 'backup']) {
      await admin.click(`[data-tab="${tab}"]`);
      await admin.waitForSelector(`[data-tab="${tab}"][aria-pressed="true"]`);
      const top = await topOf(admin, '[data-testid="wait-alerts"]');
      expect(top, tab).not.toBeNull();
      expect(top!, tab).toBeLessThan(300);
      expect(await admin.textContent('[data-testid="wait-alerts"]')).toContain('D001 đã chờ 46 phút');
    }
    expect(await admin.evaluate(() => (window as unknown as { mark?: number }).mark)).toBe(1);
  }, 60_000);
});
