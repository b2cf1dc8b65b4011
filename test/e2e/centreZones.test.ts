import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_PASSWORD, enrollInDataDir, pinOf } from '../helpers/devices';
import { HttpClient } from '../helpers/httpClient';
import { startServe, waitExit } from '../helpers/serveProcess';
import type { ServeProcess } from '../helpers/serveProcess';
import { tempDir } from '../helpers/tempHost';
import { launchChromium } from '../helpers/screenSuite';
import { shotFile } from '../helpers/shotFile';

// The sample centre (MOTCUA_SEED=centre) in real Chromium against a real `serve`: a kiosk and a
// display paired for floor 2 from the admin's Devices tab, with no `?zone=` in their address, stand
// on floor 2 — after a reload and with another `?zone=` typed too — and follow the admin's move to
// another zone live. Then the admin deletes a department and a zone from the Catalogue tab.
let browser: Browser;
let srv: ServeProcess;
let dir: string;
let adminDevice: string;
let adminApi: HttpClient;
let kioskApi: HttpClient;
let desk33: HttpClient;
let landDesk: HttpClient;
let landCounter: number;
let admin: Page;
const contexts: BrowserContext[] = [];
/** Script errors on the admin page: a screen that crashed to white fails the test by name. */
const pageErrors: string[] = [];

const services = async () => (await adminApi.get('/api/services')).body as { id: number; code: string; groupId: number | null }[];

beforeAll(async () => {
  dir = tempDir();
  srv = await startServe(dir, { MOTCUA_SEED: 'centre' });
  browser = await launchChromium();
  let kiosk: string;
  [adminDevice, kiosk] = enrollInDataDir(dir, [{ role: 'admin' }, { role: 'kiosk' }]) as [string, string];
  adminApi = new HttpClient(srv.base, adminDevice);
  expect((await adminApi.post('/api/auth/admin', { password: TEST_ADMIN_PASSWORD })).status).toBe(200);
  kioskApi = new HttpClient(srv.base, kiosk);
  // A floor-1 desk serving the land procedure BA01, and the passport desk 33 on floor 2.
  const ba01 = (await services()).find((s) => s.code === 'BA01')!.id;
  const counters = (await adminApi.get('/api/admin/counters')).body as { id: number; number: number; zoneId: number; serviceIds: number[] }[];
  landCounter = counters.find((c) => c.zoneId === 1 && c.serviceIds.includes(ba01))!.number;
  const [c33, cLand] = enrollInDataDir(dir, [{ role: 'counter', counter: 33 }, { role: 'counter', counter: landCounter }]) as [string, string];
  desk33 = new HttpClient(srv.base, c33);
  expect((await desk33.post('/api/auth/login', { counterId: 33, officerId: 1, pin: pinOf(1) })).status).toBe(200);
  landDesk = new HttpClient(srv.base, cLand);
  expect((await landDesk.post('/api/auth/login', { counterId: landCounter, officerId: 2, pin: pinOf(2) })).status).toBe(200);

  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  contexts.push(ctx);
  await ctx.addCookies([{ name: 'motcua_device', value: adminDevice, url: srv.base }]);
  admin = await ctx.newPage();
  admin.on('dialog', (d) => void d.accept());
  admin.on('pageerror', (e) => pageErrors.push(e.message));
  await admin.goto(srv.base + '/admin');
  await admin.fill('input[type="password"]', TEST_ADMIN_PASSWORD);
  await admin.click('button[type="submit"]');
  await admin.click('[data-tab="enrolled"]');
}, 90_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  srv?.child.kill('SIGTERM');
  if (srv) await waitExit(srv.child);
});

/** A pairing code made on the admin's Devices tab for `role`, standing in `zone` (an option label). */
async function pairingCode(role: 'kiosk' | 'display', zone: string): Promise<string> {
  await admin.click('[data-tab="enrolled"]');
  await admin.selectOption('[data-testid=pair-role]', role);
  await admin.selectOption('[data-testid=pair-zone]', { label: zone });
  // Read now, not waited for: before the first code there is none (a locator would wait 30 s for it).
  const before = await admin.evaluate(() => document.querySelector('[data-testid=pairing-digits]')?.textContent ?? '');
  await admin.click('[data-testid=make-pairing-code]');
  await admin.waitForFunction((prev) => {
    const t = document.querySelector('[data-testid=pairing-digits]')?.textContent ?? '';
    return /^[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(t) && t !== prev;
  }, before);
  return (await admin.locator('[data-testid=pairing-digits]').textContent()) as string;
}

/** A new browser pairs at `url` by typing the code, as the device's installer would. */
async function pairAt(url: string, code: string, width: number, height: number): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height } });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await page.goto(srv.base + url);
  await page.locator('[data-testid=device-gate]').waitFor();
  await page.locator('[data-testid=pair-code]').fill(code);
  await page.locator('[data-testid=pair-submit]').click();
  await page.locator('[data-testid=device-gate]').waitFor({ state: 'detached' });
  return page;
}

const deviceId = async (p: Page) => (await p.evaluate(() => fetch('/api/devices/me').then((r) => r.json()))) as { id: number; zoneId: number | null };

/** Take a number for `code` in the group `group` (2 taps, then no priority); the where-to-go line. */
async function take(kiosk: Page, group: string, code: string): Promise<{ text: string; zone: string | null; elsewhere: boolean }> {
  await kiosk.click(`.group-tile:has-text("${group}")`);
  await kiosk.click(`[data-service="${code}"]`);
  await kiosk.click('.priority-list .none');
  await kiosk.waitForSelector('[data-testid="where-to-go"]');
  const where = kiosk.locator('[data-testid="where-to-go"]');
  const out = { text: (await where.textContent()) ?? '', zone: await where.getAttribute('data-zone'), elsewhere: ((await where.getAttribute('class')) ?? '').includes('elsewhere') };
  await kiosk.click('[data-action="done"]');
  await kiosk.waitForSelector('[data-testid="group-list"]');
  return out;
}

/** axe-core's label rules on the admin page as it stands (see adminHours.test.ts). */
async function axeLabels(p: Page): Promise<string[]> {
  const require = createRequire(import.meta.url);
  if (!(await p.evaluate(() => 'axe' in window))) await p.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return p.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ passes: unknown[]; violations: { id: string; nodes: { target: string[] }[] }[] }> } };
    const r = await w.axe.run(document, { runOnly: { type: 'rule', values: ['label', 'select-name', 'aria-input-field-name', 'form-field-multiple-labels', 'label-title-only', 'button-name', 'duplicate-id'] } });
    if (r.passes.length === 0) return ['axe checked nothing'];
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('a kiosk and a display enrolled for floor 2, with no ?zone= in their address', () => {
  it('the kiosk stands on floor 2 after a reload and a typed ?zone=1, and follows the admin’s move to floor 1 live', async () => {
    const kiosk = await pairAt('/kiosk', await pairingCode('kiosk', 'Tầng 2'), 1080, 1920);
    expect(new URL(kiosk.url()).search).toBe('');
    const me = await deviceId(kiosk);
    expect(me.zoneId).toBe(2);
    await kiosk.waitForSelector('[data-testid="group-list"] .group-tile');

    // The passport desk is on floor 2, where the kiosk stands: wait here. Land is on floor 1: go down.
    const passport = await take(kiosk, 'Công an tỉnh', 'QA01');
    expect(passport).toMatchObject({ zone: '2', elsewhere: false });
    expect(passport.text).toContain('Mời chờ tại Tầng 2');
    await kiosk.reload();
    await kiosk.waitForSelector('[data-testid="group-list"] .group-tile');
    const land = await take(kiosk, 'Đất đai', 'BA01');
    expect(land).toMatchObject({ zone: '1', elsewhere: true });
    expect(land.text).toContain('Mời lên Tầng 1');

    // Someone types the floor-1 address on the floor-2 kiosk: it is still the floor-2 kiosk.
    await kiosk.goto(srv.base + '/kiosk?zone=1');
    await kiosk.waitForSelector('[data-testid="group-list"] .group-tile');
    expect((await take(kiosk, 'Công an tỉnh', 'QA01')).text).toContain('Mời chờ tại Tầng 2');

    // The admin moves it to floor 1 in the device list; the open kiosk follows without a reload.
    await kiosk.goto(srv.base + '/kiosk');
    await kiosk.waitForSelector('[data-testid="group-list"] .group-tile');
    await admin.click('[data-tab="enrolled"]');
    await admin.waitForSelector(`[data-testid="device-zone-${me.id}"]`, { timeout: 10_000 });
    expect(await admin.inputValue(`[data-testid="device-zone-${me.id}"]`)).toBe('2');
    await admin.selectOption(`[data-testid="device-zone-${me.id}"]`, { label: 'Tầng 1' });
    await admin.waitForSelector('[data-testid="zone-saved"]');
    await expect.poll(async () => (await deviceId(kiosk)).zoneId).toBe(1);
    await kiosk.waitForTimeout(1500);
    const moved = await take(kiosk, 'Công an tỉnh', 'QA01');
    expect(moved).toMatchObject({ zone: '2', elsewhere: true });
    expect(moved.text).toContain('Mời lên Tầng 2');
    // And back to floor 2, again with no reload of the kiosk page.
    await admin.selectOption(`[data-testid="device-zone-${me.id}"]`, { label: 'Tầng 2' });
    await expect.poll(async () => (await deviceId(kiosk)).zoneId).toBe(2);
    await kiosk.waitForTimeout(1500);
    expect(await take(kiosk, 'Công an tỉnh', 'QA01')).toMatchObject({ zone: '2', elsewhere: false });
    await admin.selectOption(`[data-testid="device-zone-${me.id}"]`, { label: 'Tầng 1' });

    // The Devices tab as the admin sees it, labelled for a screen reader (English: the last test).
    expect(await axeLabels(admin)).toEqual([]);
    await admin.screenshot({ path: shotFile('admin-devices-zones.png'), fullPage: true });
  }, 180_000);

  it('the display shows and speaks floor 2’s calls only, then follows the admin’s move to floor 1 without a reload', async () => {
    const display = await pairAt('/display', await pairingCode('display', 'Tầng 2'), 1920, 1080);
    expect(new URL(display.url()).search).toBe('');
    await display.waitForSelector('[data-testid="display-zone"]');
    await display.mouse.click(10, 10); // a touch unlocks audio in a browser
    expect(await display.textContent('[data-testid="display-zone"]')).toBe('Tầng 2');
    expect(await display.$$eval('[data-counter]', (els) => els.map((e) => Number(e.getAttribute('data-counter'))))).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38]);
    const announced = () => display.evaluate(() => ((window as unknown as { __announcements?: { text: string }[] }).__announcements ?? []).map((a) => a.text));

    // A floor-1 call: not shown, not spoken here.
    const ids = new Map((await services()).map((s) => [s.code, s.id]));
    await kioskApi.post('/api/tickets', { serviceId: ids.get('BA01') });
    await kioskApi.post('/api/tickets', { serviceId: ids.get('BA01') });
    await kioskApi.post('/api/tickets', { serviceId: ids.get('QA01') });
    const firstLand = await landDesk.post(`/api/counters/${landCounter}/next`);
    expect(firstLand.status).toBe(200);
    await display.waitForTimeout(1500);
    expect(await display.locator('[data-testid="now-number"]').count()).toBe(0);
    expect(await announced()).toEqual([]);
    // A floor-2 call: shown and spoken.
    const call = await desk33.post('/api/counters/33/next');
    expect(call.status).toBe(200);
    await display.waitForFunction((n) => document.querySelector('[data-testid="now-number"]')?.textContent?.trim() === n, call.body.number, { timeout: 10_000 });
    await expect.poll(announced, { timeout: 20_000 }).toHaveLength(1);
    expect((await announced())[0]).toContain('quầy số ba mươi ba');

    // Moved to floor 1 by the admin: the open display follows, and floor 1's next call is spoken here.
    const me = await deviceId(display);
    await admin.click('[data-tab="enrolled"]');
    await admin.waitForSelector(`[data-testid="device-zone-${me.id}"]`, { timeout: 10_000 });
    await admin.selectOption(`[data-testid="device-zone-${me.id}"]`, { label: 'Tầng 1' });
    await display.waitForFunction(() => document.querySelector('[data-testid="display-zone"]')?.textContent === 'Tầng 1', undefined, { timeout: 10_000 });
    expect(await display.locator('[data-counter="33"]').count()).toBe(0);
    expect(await display.locator(`[data-counter="${landCounter}"]`).count()).toBe(1);
    expect((await landDesk.post(`/api/tickets/${firstLand.body.id}/finish`, {})).status).toBe(200);
    const next = await landDesk.post(`/api/counters/${landCounter}/next`);
    expect(next.status).toBe(200);
    await expect.poll(announced, { timeout: 20_000 }).toHaveLength(2);
    expect((await announced())[1]).toContain('quầy số');
    expect((await announced())[1]).not.toContain('ba mươi ba');
  }, 180_000);
});

describe('the admin deletes a department and a zone from the Catalogue tab', () => {
  it('a department goes and its procedures stay under "Other procedures"; a zone edited twice goes, a zone with counters is refused by name', async () => {
    const kiosk = await pairAt('/kiosk', await pairingCode('kiosk', 'Tầng 2'), 1080, 1920);
    await admin.click('[data-tab="catalogue"]');
    await admin.waitForSelector('[data-zone-row="2"]');
    const land = (await adminApi.get('/api/service-groups')).body.find((g: { nameVi: string }) => g.nameVi === 'Đất đai').id as number;

    // The department "Đất đai": deleted; its five procedures are named as now in no department.
    await admin.click(`[data-group-row="${land}"] [data-action="delete-group"]`);
    await admin.waitForSelector('[data-testid="delete-message"]');
    expect(await admin.textContent('[data-testid="delete-message"]')).toBe('Đã xóa lĩnh vực "Đất đai"; thủ tục chuyển sang không thuộc lĩnh vực nào: BA01, BB02, BC03, BD04, BE05');
    // The list drops the row when its re-read (on config.changed) comes back, which may be after the message.
    await admin.waitForSelector(`[data-group-row="${land}"]`, { state: 'detached', timeout: 10_000 });
    expect(await admin.locator(`[data-group-row="${land}"]`).count()).toBe(0);
    expect((await services()).filter((s) => s.groupId === null).map((s) => s.code)).toEqual(['BA01', 'BB02', 'BC03', 'BD04', 'BE05']);
    // The procedure row that pointed at it saves its description without a stale department.
    await admin.fill('[data-service-row="BA01"] input >> nth=0', 'Đăng ký khi có thay đổi');
    await admin.click('[data-service-row="BA01"] button[type="submit"]');
    await admin.waitForSelector('[data-service-row="BA01"] [data-testid="save-message"]');
    // The kiosk, without a reload: the five are under "Thủ tục khác", still two taps away.
    await kiosk.waitForSelector('.group-tile[data-group="other"]', { timeout: 10_000 });
    await kiosk.click('.group-tile[data-group="other"]');
    expect(await kiosk.$$eval('[data-service]', (els) => els.map((e) => e.getAttribute('data-service')))).toEqual(['BA01', 'BB02', 'BC03', 'BD04', 'BE05']);

    // A new zone, edited twice; the kiosk is moved into it.
    await admin.fill('[data-zone-row="new"] input[aria-label="Tên tiếng Việt"]', 'Tầng 3');
    await admin.click('[data-zone-row="new"] button[type="submit"]');
    await admin.waitForSelector('[data-zone-row="3"]');
    await admin.fill('[data-zone-row="3"] input[aria-label="Tên tiếng Việt"]', 'Tầng 3 – Sảnh C');
    await admin.click('[data-zone-row="3"] button[type="submit"]');
    await admin.waitForSelector('[data-zone-row="3"] [data-testid="save-message"]');
    await admin.fill('[data-zone-row="3"] input[aria-label="Tên tiếng Anh"]', 'Floor 3 – Hall C');
    await admin.click('[data-zone-row="3"] button[type="submit"]');
    await expect.poll(async () => (await adminApi.get('/api/zones')).body.find((z: { id: number }) => z.id === 3)).toEqual({ id: 3, nameVi: 'Tầng 3 – Sảnh C', nameEn: 'Floor 3 – Hall C', sortOrder: 0 });
    const me = await deviceId(kiosk);
    expect((await adminApi.post(`/api/admin/devices/${me.id}/zone`, { zoneId: 3 })).status).toBe(200);

    // Floor 2 still has its counters: refused, naming them, and nothing changes.
    const before = (await adminApi.get('/api/zones')).body;
    await admin.click('[data-zone-row="2"] [data-action="delete-zone"]');
    await admin.waitForSelector('[data-testid="delete-error"]');
    const refusal = (await admin.textContent('[data-testid="delete-error"]')) ?? '';
    expect(refusal).toMatch(/^Khu vực "Tầng 2" còn Quầy 21, Quầy 22, .*Quầy 38: hãy chuyển các quầy sang khu vực khác trước$/);
    expect((await adminApi.get('/api/zones')).body).toEqual(before);

    // Floor 3 goes; the kiosk standing in it serves the whole office again, at once.
    await admin.click('[data-zone-row="3"] [data-action="delete-zone"]');
    await admin.waitForSelector('[data-testid="delete-message"]:has-text("Đã xóa khu vực"), [data-testid="delete-error"]:has-text("Tầng 3")');
    expect(await admin.locator('[data-testid="delete-message"], [data-testid="delete-error"]').first().textContent()).toBe('Đã xóa khu vực "Tầng 3 – Sảnh C"');
    // The list drops the row when its re-read (on config.changed) comes back, which may be after the message.
    await admin.waitForSelector('[data-zone-row="3"]', { state: 'detached', timeout: 10_000 });
    expect(await admin.locator('[data-zone-row="3"]').count()).toBe(0);
    expect((await adminApi.get('/api/zones')).body.map((z: { id: number }) => z.id)).toEqual([1, 2]);
    expect((await deviceId(kiosk)).zoneId).toBeNull();
    expect(await axeLabels(admin)).toEqual([]);
    await admin.locator('[data-testid="delete-message"]:has-text("Đã xóa khu vực")').scrollIntoViewIfNeeded();
    await admin.screenshot({ path: shotFile('admin-catalogue-delete.png') });

    // In English the refusal names the counters too.
    await admin.click('[data-testid="lang"]');
    await admin.click('[data-zone-row="2"] [data-action="delete-zone"]');
    await admin.waitForFunction(() => document.querySelector('[data-testid="delete-error"]')?.textContent?.startsWith('The zone'));
    expect(await admin.textContent('[data-testid="delete-error"]')).toMatch(/^The zone "Floor 2" still has Quầy 21, .*: move them to another zone first$/);
    expect(await axeLabels(admin)).toEqual([]);
    await admin.click('[data-tab="enrolled"]');
    await admin.waitForSelector('[data-testid^="device-zone-"]');
    expect(await axeLabels(admin)).toEqual([]);
    await admin.click('[data-testid="lang"]');
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
