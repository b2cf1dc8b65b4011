// `npm run screenshots`: every screen at its target sizes into docs/screens/, against a real host
// with a little queue activity, in the Chromium that test/helpers/browser.ts finds. Look at them after a change.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServe } from '../test/helpers/serveProcess';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/browser';

const out = path.resolve('docs/screens');
fs.mkdirSync(out, { recursive: true });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-shots-'));
const srv = await startServe(dir);
const post = (p: string, body?: unknown, cookie?: string) =>
  fetch(srv.base + p, { method: 'POST', headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}) }, body: body ? JSON.stringify(body) : undefined });

// Some activity so the screens show real content.
const login = await post('/api/auth/login', { counterId: 1, officerId: 1, pin: '1111' });
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
await post('/api/auth/login', { counterId: 3, officerId: 3, pin: '3333' });
for (const sid of [1, 1, 2, 3, 1, 5, 6]) await post('/api/tickets', { serviceId: sid });
await post('/api/tickets', { serviceId: 1, priority: 'elderly' });
await post('/api/counters/1/next', undefined, cookie);

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

// Admin settings screens at a desk PC's 1366×768, in Vietnamese and one in English.
// `SCREENS=admin` takes only these.
{
  const admin = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await admin.goto(`${srv.base}/admin`);
  await admin.fill('input[type="password"]', 'motcua-admin');
  await admin.click('button[type="submit"]');
  await admin.fill('input[aria-label="Mật khẩu mới"]', 'mat-khau-anh-chup');
  await admin.fill('input[aria-label="Nhập lại"]', 'mat-khau-anh-chup');
  await admin.click('button[type="submit"]');
  await admin.click('[data-tab="lists"]');
  await admin.waitForSelector('[data-list="pauseReasons"] tbody tr');
  await admin.screenshot({ path: path.join(out, 'admin-lists.png') });
  await admin.click('[data-list="pauseReasons"] button:text("+ Thêm mục")');
  await admin.click('[data-list="pauseReasons"] button[type="submit"]');
  await admin.waitForSelector('[data-list="pauseReasons"] [data-testid="save-errors"]');
  await admin.screenshot({ path: path.join(out, 'admin-lists-errors.png') });
  await admin.click('[data-tab="ticket"]');
  await admin.waitForSelector('[data-testid="ticket-preview"]');
  await admin.screenshot({ path: path.join(out, 'admin-ticket.png') });
  await admin.screenshot({ path: path.join(out, 'admin-ticket-full.png'), fullPage: true });
  await admin.click('[data-testid="lang"]');
  await admin.waitForSelector('text=Printed ticket layout');
  await admin.fill('[data-form="publicBaseUrl"] input', 'motcua.local');
  await admin.click('[data-form="publicBaseUrl"] button[type="submit"]');
  await admin.waitForSelector('[data-form="publicBaseUrl"] [data-testid="save-errors"]');
  await admin.screenshot({ path: path.join(out, 'admin-ticket-en.png') });
  await admin.click('[data-testid="lang"]');
  await admin.click('[data-tab="services"]');
  await admin.click('.list li:has-text("Hộ tịch") button');
  await admin.waitForSelector('[data-testid="service-hours"]');
  await admin.screenshot({ path: path.join(out, 'admin-services-edit.png') });
  await admin.close();
}
if (process.env.SCREENS === 'admin') {
  await browser.close();
  srv.child.kill('SIGTERM');
  process.exit(0);
}
const shots: [string, string, number, number][] = [
  ['kiosk-portrait', '/kiosk', 1080, 1920],
  ['kiosk-landscape', '/kiosk', 1920, 1080],
  ['display-1920', '/display', 1920, 1080],
  ['display-1366', '/display', 1366, 768],
  ['counter-login', '/counter', 1366, 768],
  ['rating-idle', '/rating?counter=1', 1280, 800],
  ['home', '/', 1280, 800],
];
for (const [name, url, width, height] of shots) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(srv.base + url);
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  await page.close();
}
// Flows: priority step and ticket result on the kiosk; the counter desk; rating form; phone tracking.
const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
await kiosk.goto(`${srv.base}/kiosk`);
await kiosk.click('[data-service="HT"]');
await kiosk.screenshot({ path: path.join(out, 'kiosk-priority.png') });
await kiosk.click('[data-priority="elderly"]');
await kiosk.waitForSelector('[data-testid="ticket-number"]');
await kiosk.waitForTimeout(300);
await kiosk.screenshot({ path: path.join(out, 'kiosk-ticket.png') });
const trackUrl = await kiosk.getAttribute('.qr img', 'alt');
await kiosk.click('text=Xong');
await kiosk.click('text=Đánh giá');
await kiosk.screenshot({ path: path.join(out, 'kiosk-rate-lookup.png') });

const counter = await browser.newPage({ viewport: { width: 1366, height: 768 } });
await counter.context().addCookies([{ name: 'motcua_session', value: cookie.split('=')[1] ?? '', url: srv.base }]);
await counter.goto(`${srv.base}/counter`);
await counter.waitForSelector('[data-testid="current-ticket"]');
await counter.screenshot({ path: path.join(out, 'counter-desk.png') });

const tablet = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await tablet.goto(`${srv.base}/rating?counter=1`);
await tablet.waitForTimeout(500);
await counter.click('[data-action="finish"]');
await tablet.waitForSelector('.face');
await tablet.click('.face >> nth=0');
await tablet.waitForTimeout(200);
await tablet.screenshot({ path: path.join(out, 'rating-form.png') });

if (trackUrl) {
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await phone.goto(srv.base + new URL(trackUrl).pathname);
  await phone.waitForSelector('[data-testid="track-number"]');
  await phone.screenshot({ path: path.join(out, 'track-phone.png') });
}
await browser.close();
srv.child.kill('SIGTERM');
console.log(`screenshots in ${out}: ${fs.readdirSync(out).join(', ')}`);
