import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { toWeek } from '../../shared/openingHours';
import { browserWithHostPerTest } from '../helpers/screenSuite';
import { TEST_ADMIN_PASSWORD, enrollDevice } from '../helpers/devices';
import { FakeClock } from '../helpers/tempHost';

// Office-wide hours (#28 point 4) in real Chromium against an in-process host whose clock the test
// moves: the hall and the kiosk over the lunch break, and the manager keeping the office open
// through lunch from the Office tab in a few clicks.
const suite = browserWithHostPerTest();
const base = (h: Host) => `http://127.0.0.1:${h.port}`;
const SHOTS = path.resolve('docs/screens');

async function paired(h: Host, role: 'admin' | 'kiosk' | 'display', url: string, width: number, height: number, at?: number): Promise<Page> {
  const ctx = await suite.browser().newContext({ viewport: { width, height } });
  // The wall clock the screen shows, at the host's time: a lunch-break screenshot that reads 12:00.
  if (at !== undefined) await ctx.clock.setFixedTime(at);
  await ctx.addCookies([{ name: 'motcua_device', value: enrollDevice(h, role), url: base(h) }]);
  const p = await ctx.newPage();
  await p.goto(base(h) + url);
  return p;
}

const reopens = (p: Page) => p.textContent('[data-testid="display-reopens"]');

describe('office hours over lunch', () => {
  it('the display and the kiosk say when work resumes; the manager keeps the office open through lunch in three clicks', async () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 23, 5, 0)); // Monday 12:00 in Hà Nội, the lunch break
    const h = await suite.host({ clock, officeHours: true, timeTickMs: 100 });
    const display = await paired(h, 'display', '/display', 1920, 1080, clock.now());
    await display.waitForSelector('[data-counter="1"]');
    await display.waitForSelector('[data-testid="display-reopens"]');
    expect(await reopens(display)).toBe('Nghỉ trưa — làm việc lại lúc 13:30Lunch break — open again at 13:30');
    await display.evaluate(() => document.fonts.ready);
    await display.screenshot({ path: path.join(SHOTS, 'display-lunch-1920x1080.png') });
    await display.setViewportSize({ width: 1366, height: 768 });
    await display.waitForTimeout(300);
    await display.screenshot({ path: path.join(SHOTS, 'display-lunch-1366x768.png') });

    const kiosk = await paired(h, 'kiosk', '/kiosk', 1080, 1920, clock.now());
    await kiosk.waitForSelector('[data-testid="closed-banner"]');
    expect(await kiosk.textContent('[data-testid="closed-banner"] .title')).toBe('Nghỉ trưa — làm việc lại lúc 13:30');
    await kiosk.evaluate(() => document.fonts.ready);
    await kiosk.screenshot({ path: path.join(SHOTS, 'kiosk-lunch-1080x1920.png') });
    await kiosk.click('[data-testid="lang"]');
    expect(await kiosk.textContent('[data-testid="closed-banner"] .title')).toBe('Lunch break — open again at 13:30');
    await kiosk.click('[data-testid="lang"]');

    // The manager: the Office tab, "Làm việc xuyên trưa", Save.
    const admin = await paired(h, 'admin', '/admin', 1366, 768);
    await admin.fill('input[type="password"]', TEST_ADMIN_PASSWORD);
    await admin.click('button[type="submit"]');
    await admin.waitForSelector('[data-testid="overview"]');
    const officeBefore = h.queue.settings.get();
    const servicesBefore = h.queue.views.listServices().map((s) => ({ id: s.id, hours: s.hours, nameVi: s.nameVi, active: s.active }));
    let clicks = 0;
    const click = async (selector: string) => {
      clicks++;
      await admin.click(selector);
    };
    await click('[data-tab="office"]');
    await admin.waitForSelector('[data-form="officeHours"] [data-testid="hours-editor"]');
    // The office's hours, on the first screen of the tab.
    expect(await admin.$eval('[data-form="officeHours"]', (el) => el.getBoundingClientRect().top)).toBeLessThan(400);
    await click('[data-testid="through-lunch"]');
    expect(await admin.inputValue('[data-form="officeHours"] [data-day="3"] input.time-input >> nth=1')).toBe('17:00');
    const posted = admin.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/api/admin/'));
    await click('[data-form="officeHours"] button[type="submit"]');
    expect((await posted).status()).toBe(200);
    await admin.waitForSelector('[data-form="officeHours"] [data-testid="save-message"]');
    expect(clicks).toBe(3);

    const week = toWeek(h.queue.settings.get().hours);
    for (const day of week.slice(0, 5)) expect(day).toEqual([{ from: '07:30', to: '17:00' }]);
    expect(week[5]).toEqual([{ from: '07:30', to: '11:30' }]);
    expect(week[6]).toEqual([]);
    // Only the hours changed: the rest of the office and every service are as they were.
    expect(h.queue.settings.get()).toEqual({ ...officeBefore, hours: h.queue.settings.get().hours });
    expect(h.queue.views.listServices().map((s) => ({ id: s.id, hours: s.hours, nameVi: s.nameVi, active: s.active }))).toEqual(servicesBefore);

    // Open now, on both screens, without a reload.
    await kiosk.waitForSelector('[data-service="HT"]:not(.closed)', { timeout: 5000 });
    expect(await kiosk.$('[data-testid="closed-banner"]')).toBeNull();
    await display.waitForSelector('[data-testid="display-reopens"]', { state: 'detached', timeout: 5000 });

    // 17:30: closed for the day, and the hall names tomorrow morning — not a lunch break.
    clock.t = Date.UTC(2026, 10, 23, 10, 30);
    await display.waitForSelector('[data-testid="display-reopens"]', { timeout: 5000 });
    expect(await reopens(display)).toBe('Mở cửa lúc 07:30 ngày maiOpens at 07:30 tomorrow');
    await kiosk.waitForFunction(() => document.querySelector('[data-testid="closed-banner"] .title')?.textContent === 'Mở cửa lúc 07:30 ngày mai', undefined, { timeout: 5000 });
  }, 60_000);

  it('an office whose services kept hours of their own (set before office hours existed) hands them to the office’s in one click', async () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 23, 5, 0)); // Monday 12:00
    const h = await suite.host({ clock, officeHours: true, timeTickMs: 100 });
    // As an older version left them: Hộ tịch and Đất đai each with the same week of their own.
    const own = JSON.stringify(h.queue.settings.get().hours);
    h.db.prepare("UPDATE services SET hours = ? WHERE code IN ('HT', 'DD')").run(own);
    const admin = await paired(h, 'admin', '/admin', 1366, 768);
    await admin.fill('input[type="password"]', TEST_ADMIN_PASSWORD);
    await admin.click('button[type="submit"]');
    await admin.waitForSelector('[data-testid="overview"]');
    await admin.click('[data-tab="office"]');
    await admin.waitForSelector('[data-testid="own-hours"]');
    expect(await admin.textContent('[data-testid="own-hours"]')).toContain('A Hộ tịch, C Đất đai');
    const others = h.queue.views.listServices().filter((s) => s.code !== 'HT' && s.code !== 'DD');
    await admin.click('[data-testid="follow-office"]');
    await admin.waitForSelector('[data-testid="followed"]');
    await admin.waitForSelector('[data-testid="own-hours"]', { state: 'detached' });
    const after = h.queue.views.listServices();
    expect(after.find((s) => s.code === 'HT')!.hours).toEqual([]);
    expect(after.find((s) => s.code === 'DD')!.hours).toEqual([]);
    // The other services and the office's own hours are untouched.
    expect(after.filter((s) => s.code !== 'HT' && s.code !== 'DD').map((s) => ({ ...s, etaMinutes: null }))).toEqual(others.map((s) => ({ ...s, etaMinutes: null })));
    expect(JSON.stringify(h.queue.settings.get().hours)).toBe(own);
  }, 60_000);
});
