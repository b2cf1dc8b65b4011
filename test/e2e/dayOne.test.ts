import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localParts } from '../../shared/businessDay';
import { openDatabase } from '../../electron/host/db/openDatabase';
import { seedIfEmpty } from '../../electron/host/db/seed';
import { TEST_ADMIN_PASSWORD, enrollInDataDir, pinOf } from '../helpers/devices';
import { startServe, stopBrowserAndServe, waitExit } from '../helpers/serveProcess';
import type { ServeProcess } from '../helpers/serveProcess';
import { tempDir } from '../helpers/tempHost';
import { launchChromium } from '../helpers/screenSuite';

// What an office notices on its first day, in real Chromium against a real `serve` process.
let browser: Browser;
let srv: ServeProcess;
let dir: string;
/** The office's paired devices (issue #13), enrolled as `npm run device -- pair` does. */
let devices: Record<'kiosk' | 'admin' | 'desk1' | 'desk2' | 'desk3' | 'tablet4', string>;

beforeAll(async () => {
  dir = tempDir();
  srv = await startServe(dir);
  const [kiosk, admin, desk1, desk2, desk3, tablet4] = enrollInDataDir(dir, [
    { role: 'kiosk' },
    { role: 'admin' },
    { role: 'counter', counter: 1 },
    { role: 'counter', counter: 2 },
    { role: 'counter', counter: 3 },
    { role: 'rating', counter: 4 },
  ]) as [string, string, string, string, string, string];
  devices = { kiosk, admin, desk1, desk2, desk3, tablet4 };
  browser = await launchChromium();
}, 60_000);
afterAll(() => stopBrowserAndServe(browser, srv));

/** A page in its own browser holding a paired device's credential (`device` null: a phone or any browser). */
async function page(url: string, width: number, height: number, device: string | null, base = srv.base): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height } });
  if (device) await ctx.addCookies([{ name: 'motcua_device', value: device, url: base }]);
  const p = await ctx.newPage();
  await p.goto(base + url);
  return p;
}

async function signInCounter(p: Page, counter: number, officer: number): Promise<void> {
  await p.waitForSelector(`[data-own-counter="${counter}"]`);
  await p.click(`[data-officer="${officer}"]`);
  for (const d of pinOf(officer)) await p.click(`.keypad button:text-is("${d}")`);
  await p.click('button[type="submit"]');
}

/** A script's request; `device` is the paired device it comes from (none: a phone). */
const post = (p: string, body?: unknown, device?: string) =>
  fetch(srv.base + p, { method: 'POST', headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(device ? { 'x-device-token': device } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });

describe('day one at the office', () => {
  it('signing in at a colleague\'s counter asks first, and tells the colleague', async () => {
    // Two windows on counter 1's paired PC: Lan's, still open, and the one Hùng signs in on.
    const lan = await page('/counter', 1366, 768, devices.desk1);
    await signInCounter(lan, 1, 1);
    await lan.waitForSelector('[data-action="next"]');
    const hung = await page('/counter', 1366, 768, devices.desk1);
    await signInCounter(hung, 1, 2);
    const ask = await hung.waitForSelector('[data-testid="take-over"]');
    expect(await ask.textContent()).toContain('Nguyễn Thị Lan đang đăng nhập tại Quầy 1');
    await hung.click('[data-testid="take-over"] button:has-text("Hủy")');
    await hung.waitForSelector('[data-testid="take-over"]', { state: 'detached' });
    expect(await hung.$('[data-action="next"]')).toBeNull();
    const counters = (await (await fetch(`${srv.base}/api/counters`, { headers: { 'x-device-token': devices.kiosk } })).json()) as { id: number; officerId: number | null }[];
    expect(counters.find((c) => c.id === 1)?.officerId).toBe(1);

    for (const d of pinOf(2)) await hung.click(`.keypad button:text-is("${d}")`);
    await hung.click('button[type="submit"]');
    await hung.click('[data-action="take-over"]');
    await hung.waitForSelector('[data-action="next"]');
    expect(await hung.textContent('.topbar h1')).toContain('Trần Văn Hùng');
    const told = await lan.waitForSelector('[data-testid="taken-over"]', { timeout: 10_000 });
    expect(await told.textContent()).toContain('Trần Văn Hùng đã đăng nhập tại quầy này');
  }, 60_000);

  it('/reports on a counter PC says it is not for this device; in the admin browser: dd/mm/yyyy, ordered levels, English', async () => {
    const officer = await page('/counter', 1366, 768, devices.desk3);
    await signInCounter(officer, 3, 3);
    await officer.waitForSelector('[data-action="next"]');
    // One citizen served and rated "Không hài lòng", so three levels have no votes.
    const t = (await (await post('/api/tickets', { serviceId: 3 }, devices.kiosk)).json()) as { id: string };
    await officer.keyboard.press('n');
    await officer.waitForSelector('[data-testid="current-ticket"]');
    // Rated once the host has it finished (the click returns before the request is answered).
    await Promise.all([officer.waitForResponse((r) => r.url().endsWith(`/api/tickets/${t.id}/finish`) && r.ok()), officer.click('[data-action="finish"]')]);
    expect((await post(`/api/tickets/${t.id}/rating`, { score: 1, reasons: [], source: 'phone' })).status).toBe(201);

    // Was: the officer's own browser named who was signed in and offered the admin sign-in there.
    // Issue #13: reports open only in the admin's paired browser; a counter PC is told it is
    // enrolled for another use, and no admin sign-in is offered on it.
    await officer.goto(`${srv.base}/reports`);
    const gate = await officer.waitForSelector('[data-testid="device-gate"]');
    expect(await gate.textContent()).toContain('Máy này được đăng ký cho chức năng khác');
    expect(await officer.$('input[type="password"]')).toBeNull();
    await officer.close();

    const admin = await page('/reports', 1366, 768, devices.admin);
    await admin.fill('input[type="password"]', TEST_ADMIN_PASSWORD);
    await admin.click('button[type="submit"]');
    await admin.waitForSelector('[data-testid="satisfaction-chart"]');
    expect(await admin.textContent('.topbar h1')).toMatch(/^Báo cáo — \d{2}\/\d{2}\/\d{4} đến \d{2}\/\d{2}\/\d{4}$/);
    expect(await admin.getAttribute('[data-testid="satisfaction-chart"]', 'aria-label')).toBe('Rất hài lòng: 0, Hài lòng: 0, Bình thường: 0, Không hài lòng: 1');
    expect(await admin.getAttribute('[data-testid="export-csv"]', 'href')).not.toContain('table=');
    await admin.click('[data-testid="lang"]');
    expect(await admin.textContent('.topbar h1')).toMatch(/^Reports — \d{2}\/\d{2}\/\d{4} to \d{2}\/\d{2}\/\d{4}$/);
    expect(await admin.getAttribute('[data-testid="satisfaction-chart"]', 'aria-label')).toBe('Very satisfied: 0, Satisfied: 0, Neutral: 0, Dissatisfied: 1');
    expect(await admin.getAttribute('[data-testid="export-csv"]', 'href')).toContain('lang=en');
  }, 60_000);

  it('the rating tablet before anyone signs in: no "?" photo, the counter named once', async () => {
    const tablet = await page('/rating?counter=4', 1280, 800, devices.tablet4);
    const empty = await tablet.waitForSelector('.nametag');
    await tablet.waitForTimeout(500);
    const text = (await empty.textContent()) ?? '';
    expect(text).not.toContain('?');
    expect(text.match(/Quầy 4/g)).toHaveLength(1);
    expect(text).toContain('Lao động – Thương binh và Xã hội');
    expect(await tablet.$('.photo')).toBeNull();
  });

  it('the kiosk shows how long before it goes back to the start, and a touch restarts it', async () => {
    const kiosk = await page('/kiosk?idle=8', 1080, 1920, devices.kiosk);
    await kiosk.waitForSelector('[data-service="HT"]');
    expect(await kiosk.$('[data-testid="idle-countdown"]')).toBeNull();
    await kiosk.click('[data-service="HT"]');
    const left = async () => Number(/(\d+)/.exec((await kiosk.textContent('[data-testid="idle-countdown"]')) ?? '')?.[1]);
    expect(await left()).toBeGreaterThanOrEqual(7);
    await kiosk.waitForFunction(() => /sau [1-5] giây/.test(document.querySelector('[data-testid="idle-countdown"]')?.textContent ?? ''), undefined, { timeout: 8000 });
    await kiosk.mouse.click(540, 700);
    expect(await left()).toBeGreaterThanOrEqual(7);
    await kiosk.waitForSelector('[data-testid="idle-countdown"]', { state: 'detached', timeout: 12_000 });
    await kiosk.waitForSelector('text=Mời công dân chọn dịch vụ');
  }, 30_000);

  it('has a favicon', async () => {
    const home = await page('/', 1280, 800, null);
    const href = await home.getAttribute('link[rel="icon"]', 'href');
    expect(href).toBeTruthy();
    const icon = await fetch(new URL(href as string, srv.base));
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toContain('image/svg+xml');
  });

  it('a closed office: one "Mở cửa lúc …" banner, not the hours on every tile', async () => {
    const closedDir = tempDir();
    const db = openDatabase({ file: path.join(closedDir, 'motcua.sqlite'), backupDir: path.join(closedDir, 'backups') });
    seedIfEmpty(db, { adminPassword: 'x', alwaysOpen: true });
    // A window that has not started yet, whatever time the test runs at.
    const now = localParts(Date.now(), 'Asia/Ho_Chi_Minh');
    const [from, to, when, whenEn] = now.hour <= 19 ? [now.hour + 2, now.hour + 3, '', ''] : [3, 4, ' ngày mai', ' tomorrow'];
    const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
    db.prepare('UPDATE services SET hours = ?').run(JSON.stringify([{ days: [1, 2, 3, 4, 5, 6, 7], from: hh(from), to: hh(to) }]));
    db.close();
    const [closedKiosk] = enrollInDataDir(closedDir, [{ role: 'kiosk' }]) as [string];
    const closed = await startServe(closedDir);
    try {
      const kiosk = await page('/kiosk', 1080, 1920, closedKiosk, closed.base);
      const banner = await kiosk.waitForSelector('[data-testid="closed-banner"]');
      expect(await banner.textContent()).toContain(`Mở cửa lúc ${hh(from)}${when}`);
      if (!when) expect(await banner.textContent()).toContain(`Giờ tiếp nhận hôm nay: ${hh(from)}–${hh(to)}`);
      expect(await kiosk.$$eval('.tile', (ts) => ts.length)).toBe(6);
      expect(await kiosk.$$eval('.tile .closed-note', (ns) => ns.length)).toBe(0);
      expect(await kiosk.$$eval('.tile', (ts) => ts.filter((t) => /\d\d:\d\d/.test(t.textContent ?? '')).length)).toBe(0);
      await kiosk.click('[data-testid="lang"]');
      expect(await kiosk.textContent('[data-testid="closed-banner"]')).toContain(`Opens at ${hh(from)}${whenEn}`);
    } finally {
      closed.child.kill('SIGTERM');
      await waitExit(closed.child);
    }
  }, 60_000);

  it('host gone: the kiosk pauses its tiles, the counter says "Mất kết nối tới máy chủ"; both recover once the host is back', async () => {
    const kiosk = await page('/kiosk', 1080, 1920, devices.kiosk);
    const counter = await page('/counter', 1366, 768, devices.desk2);
    await signInCounter(counter, 2, 2);
    await counter.waitForSelector('[data-action="next"]');
    await kiosk.waitForSelector('[data-service="CT"]');

    const port = srv.port;
    srv.child.kill('SIGKILL');
    await waitExit(srv.child);
    // The kiosk stops offering tiles at once and says so in large type (#28 point 8).
    await kiosk.waitForSelector('[data-testid="host-down"]:has-text("Tạm dừng cấp số")');
    expect(await kiosk.locator('[data-service]').count()).toBe(0);
    await counter.keyboard.press('n');
    await counter.waitForSelector('.error-banner:has-text("Mất kết nối tới máy chủ")');

    srv = await startServe(dir, {}, port);
    await kiosk.waitForSelector('[data-testid="offline"]', { state: 'detached', timeout: 20_000 });
    await counter.waitForSelector('[data-testid="offline"]', { state: 'detached', timeout: 20_000 });
    await kiosk.waitForSelector('[data-testid="host-down"]', { state: 'detached', timeout: 2000 });
    await counter.waitForSelector('.error-banner', { state: 'detached', timeout: 2000 });
    // And the screens work again: a ticket, called at the counter.
    await kiosk.click('[data-service="CT"]');
    await kiosk.click('.priority-list .none');
    const number = (await kiosk.textContent('[data-testid="ticket-number"]'))?.trim();
    await counter.keyboard.press('n');
    await counter.waitForFunction((n) => document.querySelector('[data-testid="current-ticket"] .num')?.textContent === n, number);
  }, 90_000);
});
