// `npm run screenshots`: every screen, in each of its states, at every size it is used at, into
// docs/screens/<screen>-<state>-<width>x<height>.png, against a real host with a little queue
// activity, in Debian's Chromium, plus the admin tabs (SCREENS=admin takes only those; SCREENS=setup
// only a new office's setup page and screen ticket; SCREENS=hub only the province hub's screens). Look at them after a change.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { localParts } from '../shared/businessDay';
import { openDatabase } from '../electron/host/db/openDatabase';
import { seedIfEmpty } from '../electron/host/db/seed';
import { startServe } from '../test/helpers/serveProcess';
import { wedgeScan } from '../test/helpers/wedgeScanner';
import { TEST_ADMIN_PASSWORD, enrollCli, pinOf } from '../test/helpers/devices';
import type { ServeProcess } from '../test/helpers/serveProcess';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/browser';
import { centreScreens } from './centreScreenshots';
import { hubScreens } from './hubScreenshots';
import { setupScreens } from './setupScreenshots';

const out = path.resolve('docs/screens');
fs.mkdirSync(out, { recursive: true });
if (process.env.SCREENS === 'setup') {
  const only = await setupScreens(out);
  console.log(`${only.length} screenshots in ${out}:\n${only.join('\n')}`);
  process.exit(0);
}
if (process.env.SCREENS === 'hub') {
  // The stale board is taken by test/e2e/provinceBoard.test.ts (a cut line), not here.
  for (const f of fs.readdirSync(out)) if (/^hub-.*\.png$/.test(f) && !f.startsWith('hub-board-stale-')) fs.rmSync(path.join(out, f));
  const only = await hubScreens(out);
  console.log(`${only.length} screenshots in ${out}:\n${only.join('\n')}`);
  process.exit(0);
}
if (process.env.SCREENS === 'centre') {
  const only = await centreScreens(out);
  console.log(`${only.length} screenshots in ${out}:\n${only.join('\n')}`);
  process.exit(0);
}
// A run replaces what it takes: `SCREENS=admin` only the admin tabs' sized shots, `SCREENS=desk` only
// the counter PC's and the rating tablet's, else every other screen's.
const ADMIN_ONLY = process.env.SCREENS === 'admin';
const DESK_ONLY = process.env.SCREENS === 'desk';
const DESK_SCREENS = ['counter', 'rating'];
for (const f of fs.readdirSync(out)) {
  if (!f.endsWith('.png')) continue;
  const mine = ADMIN_ONLY ? /^admin-.*-\d+x\d+\.png$/.test(f) : DESK_ONLY ? DESK_SCREENS.some((s) => f.startsWith(`${s}-`)) : !f.startsWith('admin-') && !f.startsWith('hub-') && f !== 'reports.png';
  if (mine) fs.rmSync(path.join(out, f));
}

const KIOSK: [number, number][] = [[1080, 1920], [1920, 1080]];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-shots-'));
const srv = await startServe(dir);
// Every screen runs on a device paired like an office's: enrolled from the command line here.
const dev = {
  kiosk: enrollCli(dir, 'kiosk'),
  display: enrollCli(dir, 'display'),
  admin: enrollCli(dir, 'admin'),
  c1: enrollCli(dir, 'counter', 1),
  c1b: enrollCli(dir, 'counter', 1),
  c3: enrollCli(dir, 'counter', 3),
  rating1: enrollCli(dir, 'rating', 1),
  rating4: enrollCli(dir, 'rating', 4),
};
const post = (p: string, body?: unknown, cookie?: string, device: string = dev.kiosk) =>
  fetch(srv.base + p, {
    method: 'POST',
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}), 'x-device-token': device },
    body: body ? JSON.stringify(body) : undefined,
  });
const login = async (counterId: number, officerId: number, pin: string, device: string) =>
  ((await post('/api/auth/login', { counterId, officerId, pin }, undefined, device)).headers.get('set-cookie') ?? '').split(';')[0] ?? '';

// Some activity so the screens show real content: two counters open, a queue, one citizen called.
const cookie1 = await login(1, 1, pinOf(1), dev.c1);
const cookie3 = await login(3, 3, pinOf(3), dev.c3);
for (const sid of [1, 1, 2, 3, 1, 5, 6]) await post('/api/tickets', { serviceId: sid });
await post('/api/tickets', { serviceId: 1, priority: 'elderly' });
await post('/api/counters/1/next', undefined, cookie1, dev.c1);

/** A served ticket at counter 1, ready to be rated. */
async function served(): Promise<{ id: string; number: string; checkCode: string }> {
  const t = (await (await post('/api/tickets', { serviceId: 1 })).json()) as { id: string; number: string; checkCode: string };
  await post(`/api/tickets/${t.id}/call`, { counterId: 1 }, cookie1, dev.c1);
  await post(`/api/tickets/${t.id}/finish`, {}, cookie1, dev.c1);
  return t;
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const shots: string[] = [];
async function open(url: string, w: number, h: number, opts: { mobile?: boolean; base?: string; cookie?: string; device?: string } = {}): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, isMobile: opts.mobile, hasTouch: opts.mobile, deviceScaleFactor: opts.mobile ? 2 : 1 });
  if (opts.cookie) await ctx.addCookies([{ name: 'motcua_session', value: opts.cookie.split('=')[1] ?? '', url: opts.base ?? srv.base }]);
  if (opts.device) await ctx.addCookies([{ name: 'motcua_device', value: opts.device, url: opts.base ?? srv.base }]);
  const p = await ctx.newPage();
  await p.goto((opts.base ?? srv.base) + url);
  return p;
}

async function shot(p: Page, screen: string, state: string, fullPage = false): Promise<void> {
  if (DESK_ONLY && !DESK_SCREENS.includes(screen)) return;
  await p.evaluate(() => document.fonts.ready);
  await p.waitForTimeout(300);
  const { width, height } = p.viewportSize() ?? { width: 0, height: 0 };
  const name = `${screen}-${state}-${width}x${height}.png`;
  await p.screenshot({ path: path.join(out, name), fullPage });
  shots.push(name);
}

// Admin settings: every tab at a desk PC's 1366×768 and a 1920×1080 monitor, in Vietnamese, plus
// states worth looking at (a list's errors, a service being edited, English). `SCREENS=admin` takes only these.
const ADMIN_TABS = ['overview', 'office', 'services', 'counters', 'officers', 'lists', 'ticket', 'devices', 'voice', 'enrolled', 'backup'] as const;
for (const [w, h] of DESK_ONLY ? [] : ([[1366, 768], [1920, 1080]] as const)) {
  const admin = await open('/admin', w, h, { device: dev.admin });
  await admin.fill('input[type="password"]', TEST_ADMIN_PASSWORD);
  await admin.click('button[type="submit"]');
  await admin.waitForSelector('[data-tab="office"]');
  const size = `${w}x${h}`;
  const adminShot = async (name: string, fullPage = false) => {
    await admin.evaluate(() => document.fonts.ready);
    await admin.waitForTimeout(300);
    await admin.screenshot({ path: path.join(out, `admin-${name}-${size}.png`), fullPage });
  };
  for (const tab of ADMIN_TABS) {
    await admin.click(`[data-tab="${tab}"]`);
    await admin.waitForSelector('.admin-body form, .admin-body section');
    await admin.waitForTimeout(200);
    await adminShot(tab);
  }
  // The office's hours as a manager sets them (not saved: the other screens keep their open hours).
  await admin.click('[data-tab="office"]');
  await admin.check('[data-testid="office-hours-limit"]');
  await admin.waitForSelector('[data-testid="through-lunch"]');
  await adminShot('office-hours');
  await admin.uncheck('[data-testid="office-hours-limit"]');
  await admin.click('[data-tab="services"]');
  await admin.click('.list li:has-text("Hộ tịch") button');
  await admin.waitForSelector('[data-testid="service-hours"]');
  await adminShot('services-edit');
  // The sample ward's services are open at any hour here: tick the limit to show the week editor.
  if (!(await admin.isChecked('[data-testid="limit-hours"]'))) await admin.check('[data-testid="limit-hours"]');
  await admin.locator('[data-testid="hours-editor"] [data-day="7"]').scrollIntoViewIfNeeded();
  await adminShot('services-hours');
  await admin.click('[data-tab="lists"]');
  await admin.waitForSelector('[data-list="pauseReasons"] tbody tr');
  await admin.click('[data-list="pauseReasons"] button:text("+ Thêm mục")');
  await admin.click('[data-list="pauseReasons"] button[type="submit"]');
  await admin.waitForSelector('[data-list="pauseReasons"] [data-testid="save-errors"]');
  await adminShot('lists-errors');
  await admin.click('[data-tab="ticket"]');
  await admin.waitForSelector('[data-testid="ticket-preview"]');
  await adminShot('ticket-full', true);
  await admin.click('[data-testid="lang"]');
  await admin.waitForSelector('text=Printed ticket layout');
  await admin.fill('[data-form="publicBaseUrl"] input', 'motcua.local');
  await admin.click('[data-form="publicBaseUrl"] button[type="submit"]');
  await admin.waitForSelector('[data-form="publicBaseUrl"] [data-testid="save-errors"]');
  await adminShot('ticket-en');
  for (const tab of ['office', 'services'] as const) {
    await admin.click(`[data-tab="${tab}"]`);
    await admin.waitForTimeout(300);
    await adminShot(`${tab}-en`);
  }
  await admin.close();
}
if (process.env.SCREENS === 'admin') {
  await browser.close();
  srv.child.kill('SIGTERM');
  process.exit(0);
}

// Kiosk, both orientations: home, priority, ticket, rating lookup, rating form, thanks.
for (const [w, h] of KIOSK) {
  const k = await open('/kiosk', w, h, { device: dev.kiosk });
  await k.waitForSelector('[data-service="HT"]');
  await shot(k, 'kiosk', 'home');
  // Check-in by scan (#30): the scan box, then a made-up 72-year-old's ID card from the scanner;
  // "Quay lại" leaves without a number, so the shots after see the same queue.
  await k.click('[data-action="checkin"]');
  await k.waitForSelector('[data-testid="checkin-panel"]');
  await shot(k, 'kiosk', 'checkin-scan');
  await wedgeScan(k, '001054012345|012345678|Nguyễn Văn Bảy|15031954|Nam|Số 12 phố Hàng Bông, Hoàn Kiếm, Hà Nội|20042021');
  await k.waitForSelector('[data-testid="priority-preselected"]');
  await shot(k, 'kiosk', 'checkin-card');
  await k.click('.kiosk-footer button >> nth=0');
  await k.waitForSelector('[data-action="checkin"]');
  await k.click('[data-service="HT"]');
  await shot(k, 'kiosk', 'priority');
  await k.click('[data-priority="elderly"]');
  await k.waitForSelector('.qr img');
  await shot(k, 'kiosk', 'ticket');
  await k.click('[data-action="done"]');
  // Tư pháp: its counters (2 and 4) are closed, so the ticket screen promises no minutes (issue #28).
  await k.click('[data-service="TP"]');
  await k.click('.priority-list .none');
  await k.waitForSelector('[data-testid="ticket-no-counter"]');
  await k.waitForSelector('.qr img');
  await shot(k, 'kiosk', 'ticket-no-counter');
  await k.click('[data-action="done"]');
  await k.click('.kiosk-footer button >> nth=0');
  const t = await served();
  await k.waitForSelector('[data-testid="code-entry"]');
  for (const key of t.checkCode.slice(0, 3)) await k.click(`.keypad [data-key="${key}"]`);
  await shot(k, 'kiosk', 'rate-code');
  for (const key of t.checkCode.slice(3)) await k.click(`.keypad [data-key="${key}"]`);
  await k.click('[data-testid="rate-find"]');
  await k.waitForSelector('.face');
  await k.click('.face >> nth=0');
  await k.click('.reasons button >> nth=0');
  for (const key of 'tot') await k.click(`.vn-keyboard button:text-is("${key}")`);
  await k.click('.vn-keyboard button.tone >> nth=0');
  await shot(k, 'kiosk', 'rate-form');
  await k.click('[data-action="send"]');
  await k.waitForSelector('.thanks');
  await shot(k, 'kiosk', 'thanks');
  await k.click('[data-testid="lang"]');
  await shot(k, 'kiosk', 'thanks-en');
  await k.close();
}

// The kiosk of an office that is closed now: one banner with the opening time.
const closedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-shots-closed-'));
{
  const db = openDatabase({ file: path.join(closedDir, 'motcua.sqlite'), backupDir: path.join(closedDir, 'backups') });
  seedIfEmpty(db, { adminPassword: 'x', alwaysOpen: false });
  const now = localParts(Date.now(), 'Asia/Ho_Chi_Minh');
  // Opening later today, or tomorrow morning when it is already evening.
  const [from, to] = now.hour <= 19 ? [`${String(now.hour + 2).padStart(2, '0')}:30`, '23:00'] : ['07:30', '11:30'];
  db.prepare('UPDATE services SET hours = ?').run(JSON.stringify([{ days: [1, 2, 3, 4, 5, 6, 7], from, to }]));
  db.close();
}
const closedKiosk = enrollCli(closedDir, 'kiosk');
const closed: ServeProcess = await startServe(closedDir);
for (const [w, h] of KIOSK) {
  const k = await open('/kiosk', w, h, { base: closed.base, device: closedKiosk });
  await k.waitForSelector('[data-testid="closed-banner"]');
  await shot(k, 'kiosk', 'closed');
  await k.close();
}
closed.child.kill('SIGTERM');

// Call display on a TV and a smaller screen, while counter 3 calls someone.
await post('/api/counters/3/next', undefined, cookie3, dev.c3);
for (const [w, h] of [[1920, 1080], [1366, 768]] as const) {
  const d = await open('/display', w, h, { device: dev.display });
  await d.waitForSelector('[data-counter="1"]');
  await shot(d, 'display', 'board');
  await d.close();
}

// Counter 3 sends its citizen on to Hộ tịch: Quầy 1's list shows where they came from.
const atThree = (await (await fetch(`${srv.base}/api/counters/3/state`, { headers: { cookie: cookie3, 'x-device-token': dev.c3 } })).json()) as { counter: { current: { id: string } | null } };
if (atThree.counter.current) await post(`/api/tickets/${atThree.counter.current.id}/transfer`, { serviceId: 1 }, cookie3, dev.c3);

// Counter PC: sign-in, the desk (its list: waits, priority groups, a transferred citizen), the
// take-over question at a colleague's counter.
const c = await open('/counter', 1366, 768, { device: dev.c1b });
await c.waitForSelector('[data-own-counter="1"]');
await shot(c, 'counter', 'sign-in');
await post('/api/counters/1/next', undefined, cookie1, dev.c1);
const desk = await open('/counter', 1366, 768, { cookie: cookie1, device: dev.c1 });
await desk.waitForSelector('[data-testid="current-ticket"]');
await shot(desk, 'counter', 'desk');
await c.click('[data-officer="2"]');
for (const d of pinOf(2)) await c.click(`.keypad button:text-is("${d}")`);
await c.click('button[type="submit"]');
await c.waitForSelector('[data-testid="take-over"]');
await shot(c, 'counter', 'take-over');

// Rating tablet: a counter nobody is signed in to, the officer's name tag, the rating form.
const empty = await open('/rating?counter=4', 1280, 800, { device: dev.rating4 });
await empty.waitForSelector('[data-testid="nametag-empty"]');
await shot(empty, 'rating', 'no-officer');
const tablet = await open('/rating?counter=1', 1280, 800, { device: dev.rating1 });
await tablet.waitForSelector('[data-testid="nametag"]');
await shot(tablet, 'rating', 'name-tag');
await desk.click('[data-action="finish"]');
await tablet.waitForSelector('.face');
await tablet.click('.face >> nth=0');
await tablet.click('.reasons button >> nth=1');
for (const key of 'nhanh') await tablet.click(`.vn-keyboard button:text-is("${key}")`);
await shot(tablet, 'rating', 'form');
// An office rating on five levels: five faces on one line, before and after a choice.
const adminLogin = await post('/api/auth/admin', { password: TEST_ADMIN_PASSWORD }, undefined, dev.admin);
const adminCookie = (adminLogin.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
const officeNow = (await (await fetch(`${srv.base}/api/admin/office`, { headers: { cookie: adminCookie, 'x-device-token': dev.admin } })).json()) as Record<string, unknown>;
await post('/api/admin/office', { ...officeNow, ratingLevels: 5 }, adminCookie, dev.admin);
const fifth = await served();
await tablet.reload();
await tablet.waitForFunction((n) => document.querySelector('.rating h2')?.textContent?.includes(n), fifth.number);
await shot(tablet, 'rating', 'form-5-levels');
await tablet.click('.face >> nth=4');
await shot(tablet, 'rating', 'form-5-levels-chosen');
await post('/api/admin/office', { ...officeNow, ratingLevels: 4 }, adminCookie, dev.admin);
if (DESK_ONLY) {
  await browser.close();
  srv.child.kill('SIGTERM');
  console.log(`${shots.length} screenshots in ${out}:\n${shots.join('\n')}`);
  process.exit(0);
}

// A citizen's phone: following the turn while counter 1 calls an earlier Hộ tịch number, then
// rating after being served.
await post('/api/tickets', { serviceId: 1 });
const waiting = (await (await post('/api/tickets', { serviceId: 1 })).json()) as { id: string };
const calledNow = (await (await post('/api/counters/1/next', undefined, cookie1, dev.c1)).json()) as { id: string };
const phone = await open(`/t/${waiting.id}`, 390, 844, { mobile: true });
await phone.waitForSelector('[data-testid="track-calling-number"]');
await phone.waitForSelector('[data-testid="track-eta"]');
await shot(phone, 'track', 'waiting');
await post(`/api/tickets/${calledNow.id}/finish`, {}, cookie1, dev.c1);
// Lao động – TB&XH: its only counter (4) is closed, so no minutes are promised (issue #28).
const unserved = (await (await post('/api/tickets', { serviceId: 5 })).json()) as { id: string };
const phoneNoCounter = await open(`/t/${unserved.id}`, 390, 844, { mobile: true });
await phoneNoCounter.waitForSelector('[data-testid="track-no-counter"]');
await shot(phoneNoCounter, 'track', 'no-counter');
const done = await served();
const rate = await open(`/t/${done.id}`, 390, 844, { mobile: true });
await rate.waitForSelector('.face');
await rate.click('.face >> nth=1');
await shot(rate, 'track', 'rating', true);

// Reports: an officer's browser is told who may see them; the administrator's report.
const officerReports = await open('/reports', 1366, 768, { cookie: cookie1, device: dev.c1 });
await officerReports.waitForSelector('[data-testid="device-gate"]');
await shot(officerReports, 'reports', 'officer');
const reports = await open('/reports', 1366, 768, { cookie: adminCookie, device: dev.admin });
await reports.waitForSelector('[data-testid="satisfaction-chart"]');
await shot(reports, 'reports', 'summary', true);

const home = await open('/', 1280, 800);
await shot(home, 'home', 'links');

await browser.close();
srv.child.kill('SIGTERM');
shots.push(...(await centreScreens(out)));
shots.push(...(await setupScreens(out)));
console.log(`${shots.length} screenshots in ${out}:\n${shots.join('\n')}`);
