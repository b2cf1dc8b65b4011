import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/browser';
import { startServe, waitExit } from '../helpers/serveProcess';
import type { ServeProcess } from '../helpers/serveProcess';
import { tempDir } from '../helpers/tempHost';
import { OfficeSettings } from '../../electron/host/config/officeSettings';
import { openDatabase } from '../../electron/host/db/openDatabase';
import { seedIfEmpty } from '../../electron/host/db/seed';

// Real Chromium against a real `serve` process serving the built screens (npm test builds them first).
const built = fs.existsSync(path.resolve('dist/renderer/index.html'));
let browser: Browser;
let srv: ServeProcess;
let dir: string;

beforeAll(async () => {
  if (!built) throw new Error('dist/renderer is missing: run `npm run build:renderer` (npm test does)');
  dir = tempDir();
  srv = await startServe(dir);
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  srv?.child.kill('SIGTERM');
  if (srv) await waitExit(srv.child);
});

async function page(url: string, width: number, height: number, opts: { mobile?: boolean } = {}): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height }, isMobile: opts.mobile, hasTouch: opts.mobile });
  const p = await ctx.newPage();
  await p.goto(srv.base + url);
  return p;
}

describe('screens in Chromium', () => {
  it('ticket → counter list → call → display → finish → tablet rating → phone shows done and rated', async () => {
    const kiosk = await page('/kiosk?kiosk=k1', 1080, 1920);
    const display = await page('/display', 1920, 1080);
    const counter = await page('/counter', 1366, 768);
    const tablet = await page('/rating?counter=1', 1280, 800);

    // Counter signs in (counter 1, officer 1, PIN on the on-screen keypad).
    await counter.click('[data-counter="1"]');
    await counter.click('[data-officer="1"]');
    for (const d of '1111') await counter.click(`.keypad button:text-is("${d}")`);
    await counter.click('button[type="submit"]');
    await counter.waitForSelector('[data-action="next"]');

    // Citizen takes a ticket; the result shows number and QR even with no printer attached.
    await kiosk.click('[data-service="HT"]');
    await kiosk.click('.priority-list .none');
    const number = (await kiosk.textContent('[data-testid="ticket-number"]'))?.trim() ?? '';
    expect(number).toMatch(/^A\d{3}$/);
    await kiosk.waitForSelector('.qr img');
    const trackUrl = (await kiosk.getAttribute('.qr img', 'alt')) ?? '';
    expect(trackUrl).toMatch(/\/t\/[A-Za-z0-9]+$/);
    const phone = await page(new URL(trackUrl).pathname, 390, 844, { mobile: true });
    await phone.waitForSelector('[data-testid="track-ahead"]');

    // It shows up on the counter's waiting list.
    await counter.waitForSelector(`[data-testid="queue"] li[data-number="${number}"]`);

    // Call: measure until the display shows it.
    const t0 = Date.now();
    await counter.keyboard.press('n');
    await display.waitForFunction((n) => document.querySelector('[data-testid="now-number"]')?.textContent?.trim() === n, number);
    const latency = Date.now() - t0;
    console.log(`call → display latency: ${latency} ms`);
    expect(await display.textContent('[data-testid="now-counter"]')).toContain('1');
    await phone.waitForSelector('[data-testid="called"]');

    // Finish → the tablet at counter 1 asks for a rating.
    await counter.click('[data-action="finish"]');
    await tablet.waitForSelector('.face');
    expect(await tablet.textContent('h2')).toContain(number);
    await tablet.click('.face[data-score="4"]');
    await tablet.click('.reasons button >> nth=0');
    await tablet.click('.vn-keyboard button:text-is("t")');
    await tablet.click('.vn-keyboard button:text-is("ô")');
    await tablet.click('.vn-keyboard button:text-is("t")');
    await tablet.click('.vn-keyboard button.tone >> nth=0');
    expect((await tablet.textContent('.comment-box'))?.trim()).toBe('tốt');
    await tablet.click('text=Gửi đánh giá');
    await tablet.waitForSelector('.thanks');

    await phone.waitForSelector('[data-testid="track-rated"]');
    expect(await phone.textContent('[data-testid="track-state"]')).toContain('Đã phục vụ xong');
  }, 90_000);

  it('switches language and returns to Vietnamese home after idle', async () => {
    const kiosk = await page('/kiosk?idle=2', 1920, 1080);
    await kiosk.waitForSelector('[data-service="HT"]');
    await kiosk.click('[data-testid="lang"]');
    await kiosk.waitForSelector('text=Please choose a service');
    expect(await kiosk.textContent('[data-service="HT"] .name')).toBe('Civil status registration');
    await kiosk.click('[data-service="CT"]');
    await kiosk.waitForSelector('.priority-list');
    await kiosk.waitForSelector('text=Mời quý công dân chọn dịch vụ', { timeout: 6000 });
  }, 30_000);

  it('touch targets are at least 64 px on the kiosk', async () => {
    const kiosk = await page('/kiosk', 1080, 1920);
    await kiosk.waitForSelector('[data-service="HT"]');
    const small = await kiosk.$$eval('button', (bs) => bs.map((b) => b.getBoundingClientRect()).filter((r) => r.width < 64 || r.height < 64).length);
    expect(small).toBe(0);
  });

  it('the display survives the host going away and coming back, and resyncs', async () => {
    const display = await page('/display', 1366, 768);
    await display.waitForSelector('[data-counter="1"]');
    const port = srv.port;
    srv.child.kill('SIGKILL');
    await waitExit(srv.child);
    await display.waitForSelector('[data-testid="offline"]', { timeout: 10_000 });
    srv = await startServe(dir, {}, port);
    // A call made while the display was reconnecting must still show once it is back.
    const login = await fetch(`${srv.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ counterId: 3, officerId: 3, pin: '3333' }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    await fetch(`${srv.base}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceId: 3 }) });
    await fetch(`${srv.base}/api/counters/3/next`, { method: 'POST', headers: { cookie } });
    await display.waitForSelector('[data-testid="offline"]', { state: 'detached', timeout: 20_000 });
    await display.waitForFunction(() => document.querySelector('[data-counter="3"] .num')?.textContent?.trim() === 'C001', undefined, { timeout: 10_000 });
  }, 60_000);

  it('two calls in quick succession are both spoken, in order, the second after the first ends', async () => {
    const display = await page('/display', 1366, 768);
    await display.waitForSelector('[data-counter="1"]');
    await display.mouse.click(10, 10); // a person touching the screen once unlocks audio in a browser
    const login = await fetch(`${srv.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ counterId: 2, officerId: 2, pin: '2222' }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    for (let i = 0; i < 2; i++) await fetch(`${srv.base}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceId: 2 }) });
    await fetch(`${srv.base}/api/counters/2/next`, { method: 'POST', headers: { cookie } });
    await fetch(`${srv.base}/api/counters/2/next`, { method: 'POST', headers: { cookie } });
    await display.waitForFunction(() => ((window as unknown as { __announcements?: unknown[] }).__announcements ?? []).length >= 2, undefined, { timeout: 20_000 });
    const played = (await display.evaluate(() => (window as unknown as { __announcements: unknown[] }).__announcements)) as { seq: number; via: string; start: number; end: number; text: string; clips: number }[];
    expect(played.map((p) => p.via)).toEqual(['clips', 'clips']);
    expect(played[0]!.seq).toBeLessThan(played[1]!.seq);
    expect(played[0]!.end - played[0]!.start).toBeGreaterThan(3);
    expect(played[1]!.start).toBeGreaterThanOrEqual(played[0]!.end);
    // B001 and A001 can wait at once: the letter is spoken (issue #11.4).
    expect(played[0]!.text).toBe('Mời công dân có số thứ tự bê một đến quầy số hai');
  }, 40_000);

  it('admin adds a service and a counter; the kiosk shows it without a reload; it is called at the new counter', async () => {
    const kiosk = await page('/kiosk', 1920, 1080);
    await kiosk.waitForSelector('[data-service="HT"]');
    const admin = await page('/admin', 1366, 900);
    await admin.fill('input[type="password"]', 'motcua-admin');
    await admin.click('button[type="submit"]');
    await admin.fill('input[aria-label="Mật khẩu mới"]', 'mat-khau-moi-2026');
    await admin.fill('input[aria-label="Nhập lại"]', 'mat-khau-moi-2026');
    await admin.click('button[type="submit"]');
    await admin.waitForSelector('[data-tab="services"]');
    await admin.fill('input[aria-label="Mã"]', 'CCCD');
    await admin.fill('input[aria-label="Tên tiếng Việt"]', 'Căn cước công dân');
    await admin.fill('input[aria-label="Tiền tố"]', 'G');
    await admin.uncheck('text=Giờ hành chính');
    await admin.click('text=Lưu dịch vụ');
    await admin.waitForSelector('[data-testid="save-message"]:has-text("Đã lưu")');
    await kiosk.waitForSelector('[data-service="CCCD"]', { timeout: 5000 });

    await admin.click('[data-tab="counters"]');
    await admin.fill('input[aria-label="Số quầy"]', '5');
    await admin.fill('input[aria-label="Tên quầy"]', 'Quầy 5');
    await admin.click('[data-service-pick="CCCD"]');
    await admin.click('text=Lưu quầy');
    await admin.waitForSelector('[data-testid="save-message"]:has-text("Đã lưu")');
    await admin.screenshot({ path: path.resolve('docs/screens/admin-counters.png') });
    await admin.click('[data-tab="devices"]');
    await admin.waitForSelector('text=Máy in phiếu');
    await admin.screenshot({ path: path.resolve('docs/screens/admin-devices.png') });

    await kiosk.click('[data-service="CCCD"]');
    await kiosk.click('.priority-list .none');
    expect((await kiosk.textContent('[data-testid="ticket-number"]'))?.trim()).toBe('G001');
    const counters = (await (await fetch(`${srv.base}/api/counters`)).json()) as { id: number; number: number }[];
    const c5 = counters.find((c) => c.number === 5);
    const login = await fetch(`${srv.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ counterId: c5?.id, officerId: 4, pin: '4444' }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const called = (await (await fetch(`${srv.base}/api/counters/${c5?.id}/next`, { method: 'POST', headers: { cookie } })).json()) as { number: string };
    expect(called.number).toBe('G001');

    const reports = await page('/reports', 1366, 1400);
    await reports.context().addCookies((await admin.context().cookies()).filter((c) => c.name === 'motcua_session'));
    await reports.reload();
    await reports.waitForSelector('[data-testid="card-Cấp số"]');
    expect(Number(await reports.textContent('[data-testid="card-Cấp số"]'))).toBeGreaterThan(0);
    await reports.screenshot({ path: path.resolve('docs/screens/reports.png'), fullPage: true });
  }, 60_000);

  it('office text with HTML is shown as text, never run', async () => {
    // An office name and marquee typed with markup in them, stored as the admin screen would.
    const hostile = tempDir();
    const db = openDatabase({ file: path.join(hostile, 'motcua.sqlite'), backupDir: path.join(hostile, 'backups') });
    seedIfEmpty(db, { adminPassword: 'x', alwaysOpen: true });
    const settings = new OfficeSettings(db);
    const evil = '<img src=x onerror="window.__pwned=1">';
    settings.set({ ...settings.get(), name: `UBND ${evil}`, marquee: `<script>window.__pwned=2</script>${evil}` });
    db.close();
    const other = await startServe(hostile);
    try {
      for (const url of ['/display', '/kiosk']) {
        const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
        const p = await ctx.newPage();
        await p.goto(other.base + url);
        await p.waitForFunction(() => document.body.textContent?.includes('UBND <img'));
        await p.waitForTimeout(300);
        expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? 0)).toBe(0);
        expect(await p.$('img[src="x"]')).toBeNull();
        await ctx.close();
      }
    } finally {
      other.child.kill('SIGTERM');
      await waitExit(other.child);
    }
  }, 60_000);
});
