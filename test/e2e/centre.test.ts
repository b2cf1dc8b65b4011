import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_PASSWORD, enrollInDataDir, pinOf } from '../helpers/devices';
import { HttpClient } from '../helpers/httpClient';
import { startServe, stopBrowserAndServe } from '../helpers/serveProcess';
import type { ServeProcess } from '../helpers/serveProcess';
import { tempDir } from '../helpers/tempHost';
import { deflateRepeated, zipFile } from '../helpers/zipFile';
import { launchChromium } from '../helpers/screenSuite';
import { downloadBytes } from '../helpers/downloads';

// The sample provincial centre (MOTCUA_SEED=centre) in real Chromium against a real `serve`:
// 100 procedures in 20 groups, floors 1 and 2, 40 counters. The passport desk (Công an tỉnh) is
// counters 33 and 34 on floor 2; the kiosk stands on floor 1.
let browser: Browser;
let srv: ServeProcess;
let kioskDevice: string;
let displayDevice: string;
let desk33: HttpClient;
let adminDevice: string;
let adminApi: HttpClient;

beforeAll(async () => {
  const dir = tempDir();
  srv = await startServe(dir, { MOTCUA_SEED: 'centre' });
  browser = await launchChromium();
  let counter: string;
  [kioskDevice, displayDevice, counter, adminDevice] = enrollInDataDir(dir, [{ role: 'kiosk' }, { role: 'display' }, { role: 'counter', counter: 33 }, { role: 'admin' }]) as [string, string, string, string];
  adminApi = new HttpClient(srv.base, adminDevice);
  expect((await adminApi.post('/api/auth/admin', { password: TEST_ADMIN_PASSWORD })).status).toBe(200);
  desk33 = new HttpClient(srv.base, counter);
  expect((await desk33.post('/api/auth/login', { counterId: 33, officerId: 1, pin: pinOf(1) })).status).toBe(200);
}, 60_000);
afterAll(() => stopBrowserAndServe(browser, srv));

async function page(url: string, width: number, height: number, device: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height } });
  await ctx.addCookies([{ name: 'motcua_device', value: device, url: srv.base }]);
  const p = await ctx.newPage();
  await p.goto(srv.base + url);
  return p;
}

/** Types on the kiosk's on-screen keyboard, one tap per key, as a citizen would. */
async function typeOnScreen(p: Page, text: string): Promise<void> {
  for (const ch of text) await p.click(ch === ' ' ? '.vn-keyboard button[aria-label="Dấu cách"]' : `.vn-keyboard button:text-is("${ch}")`);
}

const shownServices = (p: Page) => p.$$eval('[data-service]', (els) => els.map((e) => e.getAttribute('data-service')));

describe('a provincial centre’s kiosk, in Chromium', () => {
  it('shows departments first; a procedure is found by typing without tone marks, or by its group in two taps', async () => {
    for (const [w, h] of [[1080, 1920], [1920, 1080]] as const) {
      const kiosk = await page('/kiosk?zone=1', w, h, kioskDevice);
      await kiosk.waitForSelector('[data-testid="group-list"] .group-tile');
      // 20 departments, no service tile on the first screen, every group tile a real touch target.
      expect(await kiosk.locator('.group-tile').count()).toBe(20);
      expect(await shownServices(kiosk)).toEqual([]);
      for (const box of await kiosk.$$eval('.group-tile, .search-open', (els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ w: r.width, h: r.height, bottom: r.bottom })))) {
        expect(box.h).toBeGreaterThanOrEqual(64);
        expect(box.w).toBeGreaterThanOrEqual(64);
        // All of them on the screen, nothing to scroll to.
        expect(box.bottom).toBeLessThanOrEqual(h);
      }

      // Search: "dat dai" with no marks finds the land procedures ("Đất đai").
      await kiosk.click('[data-action="search"]');
      await typeOnScreen(kiosk, 'dat dai');
      expect(await kiosk.textContent('[data-testid="search-query"]')).toContain('dat dai');
      const land = await shownServices(kiosk);
      expect(land.length).toBeGreaterThanOrEqual(5);
      expect(land).toEqual(expect.arrayContaining(['BA01', 'BB02', 'BC03', 'BD04', 'BE05']));
      expect(await kiosk.textContent('[data-service="BA01"]')).toContain('Đăng ký biến động đất đai');
      // "ho chieu" finds the passport; so does its code.
      await kiosk.click('.search-bar button:text("Xóa hết")');
      await typeOnScreen(kiosk, 'ho chieu');
      expect(await shownServices(kiosk)).toContain('QA01');
      await kiosk.click('.search-bar button:text("Xóa hết")');
      await typeOnScreen(kiosk, 'qa01');
      expect(await shownServices(kiosk)).toEqual(['QA01']);

      // By group: tap 1 the department, tap 2 its procedure.
      await kiosk.click('.back-to-groups');
      await kiosk.click('.group-tile:has-text("Đất đai")');
      expect(await shownServices(kiosk)).toEqual(['BA01', 'BB02', 'BC03', 'BD04', 'BE05']);
      for (const box of await kiosk.$$eval('[data-service]', (els) => els.map((e) => e.getBoundingClientRect().height))) expect(box).toBeGreaterThanOrEqual(64);
      await kiosk.click('[data-service="BA01"]');
      await kiosk.waitForSelector('[data-priority]');
      await kiosk.close();
    }
  }, 90_000);
});

describe('zones: a call is shown and spoken only in its counter’s zone, in Chromium', () => {
  it('a passport ticket from the floor-1 kiosk says "Mời lên Tầng 2"; its call is on floor 2’s display and voice, floor 1’s display does not change', async () => {
    const floor1 = await page('/display?zone=1', 1920, 1080, displayDevice);
    const floor2 = await page('/display?zone=2', 1920, 1080, displayDevice);
    for (const d of [floor1, floor2]) {
      await d.waitForSelector('[data-testid="display-zone"]');
      await d.mouse.click(10, 10); // a touch unlocks audio in a browser
    }
    expect(await floor1.textContent('[data-testid="display-zone"]')).toBe('Tầng 1');
    expect(await floor2.textContent('[data-testid="display-zone"]')).toBe('Tầng 2');
    // Each display lists only its own floor's counters.
    expect(await floor2.$$eval('[data-counter]', (els) => els.map((e) => Number(e.getAttribute('data-counter'))))).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38]);
    expect(await floor1.locator('[data-counter="33"]').count()).toBe(0);

    // Take the number at the kiosk: group, then procedure (2 taps), then no priority.
    const kiosk = await page('/kiosk?zone=1', 1080, 1920, kioskDevice);
    await kiosk.click('.group-tile:has-text("Công an tỉnh")');
    await kiosk.click('[data-service="QA01"]');
    await kiosk.click('.priority-list .none');
    await kiosk.waitForSelector('[data-testid="ticket-number"]');
    const number = (await kiosk.textContent('[data-testid="ticket-number"]'))?.trim() ?? '';
    expect(number).toMatch(/^QA\d{3}$/);
    await kiosk.waitForSelector('[data-testid="where-to-go"] .counters');
    expect(await kiosk.textContent('[data-testid="where-to-go"]')).toContain('Mời lên Tầng 2');
    expect(await kiosk.textContent('[data-testid="where-to-go"]')).toContain('Quầy 33, 34');
    expect(await kiosk.textContent('[data-testid="documents"]')).toContain('Căn cước');

    await floor1.waitForTimeout(500);
    const before = await floor1.innerText('.display .body');
    expect((await desk33.post('/api/counters/33/next')).status).toBe(200);

    await floor2.waitForFunction((n) => document.querySelector('[data-testid="now-number"]')?.textContent?.trim() === n, number, { timeout: 10_000 });
    expect(await floor2.textContent('[data-testid="now-counter"]')).toContain('33');
    await floor2.waitForFunction(() => ((window as unknown as { __announcements?: unknown[] }).__announcements ?? []).length >= 1, undefined, { timeout: 20_000 });
    const spoken = (await floor2.evaluate(() => (window as unknown as { __announcements: { text: string }[] }).__announcements)).map((a) => a.text);
    expect(spoken).toHaveLength(1);
    expect(spoken[0]).toContain('quầy số ba mươi ba');

    // Floor 1: the same screen as before the call, and silence.
    await floor1.waitForTimeout(1500);
    expect(await floor1.innerText('.display .body')).toBe(before);
    expect(await floor1.locator('[data-testid="now-number"]').count()).toBe(0);
    expect(await floor1.evaluate(() => ((window as unknown as { __announcements?: unknown[] }).__announcements ?? []).length)).toBe(0);
  }, 90_000);
});

describe('the admin edits zones, counters’ zones and a procedure’s documents, live', () => {
  it('a zone renamed, a counter moved to a new zone and the passport’s documents edited: the display and the kiosk follow without a reload', async () => {
    const floor2 = await page('/display?zone=2', 1920, 1080, displayDevice);
    await floor2.waitForSelector('[data-testid="display-zone"]');
    const admin = await page('/admin', 1366, 768, adminDevice);
    await admin.fill('input[type="password"]', TEST_ADMIN_PASSWORD);
    await admin.click('button[type="submit"]');
    await admin.click('[data-tab="catalogue"]');
    await admin.waitForSelector('[data-zone-row="2"]');

    // Rename floor 2: its display says so by itself.
    await admin.fill('[data-zone-row="2"] input[aria-label="Tên tiếng Việt"]', 'Tầng 2 – Sảnh B');
    await admin.click('[data-zone-row="2"] button[type="submit"]');
    await floor2.waitForFunction(() => document.querySelector('[data-testid="display-zone"]')?.textContent === 'Tầng 2 – Sảnh B', undefined, { timeout: 10_000 });

    // A third zone; counter 34 moves into it and leaves floor 2's display.
    await admin.fill('[data-zone-row="new"] input[aria-label="Tên tiếng Việt"]', 'Tầng 3');
    await admin.click('[data-zone-row="new"] button[type="submit"]');
    await admin.waitForSelector('[data-zone-row="3"]');
    await admin.selectOption('[data-counter-zone="34"] select', '3');
    await floor2.waitForFunction(() => !document.querySelector('[data-counter="34"]'), undefined, { timeout: 10_000 });
    const counters = (await adminApi.get('/api/admin/counters')).body as { number: number; zoneId: number }[];
    expect(counters.find((c) => c.number === 34)?.zoneId).toBe(3);
    // Nothing else moved.
    expect(counters.filter((c) => c.number !== 34).map((c) => c.zoneId)).toEqual(counters.filter((c) => c.number !== 34).map((c) => (c.number <= 20 || c.number >= 39 ? 1 : 2)));

    // The passport's documents, edited in the admin, are on the kiosk's result screen.
    await admin.fill('[data-service-row="QA01"] textarea[data-field="documents"]', 'Tờ khai TK01\nẢnh 4×6 nền trắng');
    // Its English list beside it, under its own visible label.
    expect(await admin.textContent('[data-service-row="QA01"] label:has(textarea[data-field="documentsEn"])')).toContain('Giấy tờ cần mang (tiếng Anh');
    await admin.fill('[data-service-row="QA01"] textarea[data-field="documentsEn"]', 'Form TK01\nPhoto 4×6 cm, white background');
    await admin.click('[data-service-row="QA01"] button[type="submit"]');
    await admin.waitForSelector('[data-service-row="QA01"] [data-testid="save-message"]:has-text("Đã lưu")');
    const kiosk = await page('/kiosk?zone=1', 1080, 1920, kioskDevice);
    await kiosk.click('.group-tile:has-text("Công an tỉnh")');
    await kiosk.click('[data-service="QA01"]');
    await kiosk.click('.priority-list .none');
    await kiosk.waitForSelector('[data-testid="documents"]');
    expect(await kiosk.$$eval('[data-testid="documents"] li', (els) => els.map((e) => e.textContent))).toEqual(['Tờ khai TK01', 'Ảnh 4×6 nền trắng']);
    // Counter 34 is on floor 3 now; counter 33 still serves it on floor 2.
    await kiosk.waitForSelector('[data-testid="where-to-go"] .counters');
    expect(await kiosk.textContent('[data-testid="where-to-go"]')).toContain('Tầng 2 – Sảnh B');
    // Saved as typed; a second edit of the English list alone leaves the Vietnamese one.
    const qa01 = () => adminApi.get('/api/services').then((r) => (r.body as { code: string; documents: string[]; documentsEn: string[] }[]).find((x) => x.code === 'QA01'));
    expect(await qa01()).toMatchObject({ documents: ['Tờ khai TK01', 'Ảnh 4×6 nền trắng'], documentsEn: ['Form TK01', 'Photo 4×6 cm, white background'] });
    await admin.fill('[data-service-row="QA01"] textarea[data-field="documentsEn"]', 'Declaration form TK01\nPhoto 4×6 cm, white background');
    await admin.click('[data-service-row="QA01"] button[type="submit"]');
    await expect.poll(async () => (await qa01())?.documentsEn, { timeout: 10_000 }).toEqual(['Declaration form TK01', 'Photo 4×6 cm, white background']);
    expect((await qa01())?.documents).toEqual(['Tờ khai TK01', 'Ảnh 4×6 nền trắng']);
    // The same kiosk in English: the English list.
    const en = await page('/kiosk?zone=1', 1080, 1920, kioskDevice);
    await en.waitForSelector('.group-tile');
    await en.click('[data-testid="lang"]');
    await en.click('.group-tile:has-text("Provincial Police")');
    await en.click('[data-service="QA01"]');
    await en.click('.priority-list .none');
    await en.waitForSelector('[data-testid="documents"]');
    expect(await en.$$eval('[data-testid="documents"] li', (els) => els.map((e) => e.textContent))).toEqual(['Declaration form TK01', 'Photo 4×6 cm, white background']);
  }, 90_000);
});

describe('the catalogue as a spreadsheet, in Chromium', () => {
  it('exports CSV and Excel; an edited CSV and the Excel file import back, all rows at once', async () => {
    const admin = await page('/admin', 1366, 768, adminDevice);
    await admin.fill('input[type="password"]', TEST_ADMIN_PASSWORD);
    await admin.click('button[type="submit"]');
    await admin.click('[data-tab="catalogue"]');
    await admin.waitForSelector('[data-testid="catalogue-file"]');

    const [csvFile] = await Promise.all([admin.waitForEvent('download'), admin.click('[data-action="export-csv"]')]);
    const csv = (await downloadBytes(csvFile)).toString('utf8');
    // Every cell quoted (csvSafe: no cell a spreadsheet would run as a formula).
    expect(csv.split('\r\n')[0]).toBe('\uFEFF"Mã","Lĩnh vực","Tên thủ tục","Tên tiếng Anh","Tiền tố","Mô tả","Giấy tờ cần mang","Giấy tờ cần mang (tiếng Anh)"');
    expect(csv.split('\r\n').filter((l) => /^"[A-T][A-E]0\d",/.test(l))).toHaveLength(100);

    // The office edits one description and adds one procedure in its spreadsheet, then imports it.
    const edited = csv.replace('Phiếu số 1 hoặc số 2, cho công dân Việt Nam và người nước ngoài', 'Phiếu số 1, số 2') + 'ZZ01,Sở Tư pháp,Cấp bản sao trích lục hộ tịch,,ZZ,,"Tờ khai\nCăn cước"\r\n';
    await admin.setInputFiles('[data-action="import"]', { name: 'danh-muc.csv', mimeType: 'text/csv', buffer: Buffer.from(edited, 'utf8') });
    await admin.waitForSelector('[data-testid="catalogue-file"] [data-testid="save-message"]:has-text("Đã nhập danh mục")');
    const services = (await adminApi.get('/api/services')).body as { code: string; descriptionVi: string; groupId: number | null; documents: string[] }[];
    expect(services).toHaveLength(101);
    expect(services.find((s) => s.code === 'AA01')?.descriptionVi).toBe('Phiếu số 1, số 2');
    expect(services.find((s) => s.code === 'ZZ01')).toMatchObject({ groupId: services.find((s) => s.code === 'AA01')?.groupId, documents: ['Tờ khai', 'Căn cước'] });

    // Excel: the exported workbook reads back as the same rows.
    const [xlsxFile] = await Promise.all([admin.waitForEvent('download'), admin.click('[data-testid="catalogue-file"] button:text("Xuất Excel")')]);
    const before = (await adminApi.get('/api/admin/catalogue')).body;
    const xlsx = await downloadBytes(xlsxFile);
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    await admin.setInputFiles('[data-action="import"]', { name: 'danh-muc-thu-tuc.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
    await admin.waitForFunction(() => document.querySelector('[data-testid="catalogue-file"] [data-testid="save-message"]')?.textContent === 'Đã nhập danh mục');
    await admin.waitForTimeout(500);
    expect((await adminApi.get('/api/admin/catalogue')).body).toEqual(before);

    // A sheet from before the English documents column: what it carries is imported, every English list stays.
    const withEnglish = (await adminApi.get('/api/admin/catalogue')).body as { code: string; documentsEn: string[] }[];
    expect(withEnglish.find((r) => r.code === 'AB02')?.documentsEn.length).toBeGreaterThan(0);
    const oldSheet = 'Mã,Lĩnh vực,Tên thủ tục,Tên tiếng Anh,Tiền tố,Mô tả,Giấy tờ cần mang\r\nAB02,Sở Tư pháp,Đăng ký khai sinh có yếu tố nước ngoài,Birth registration with a foreign element,AB,Mô tả mới,"Tờ khai\nCăn cước"\r\nZZ02,,Thủ tục cũ,,ZY,,Đơn\r\n';
    await admin.setInputFiles('[data-action="import"]', { name: 'cu.csv', mimeType: 'text/csv', buffer: Buffer.from(oldSheet, 'utf8') });
    await admin.waitForFunction(() => document.querySelector('[data-testid="catalogue-file"] [data-testid="save-message"]')?.textContent?.includes('Đã nhập danh mục'));
    await expect.poll(async () => ((await adminApi.get('/api/admin/catalogue')).body as { code: string }[]).length, { timeout: 10_000 }).toBe(102);
    const afterOld = (await adminApi.get('/api/admin/catalogue')).body as { code: string; descriptionVi: string; documents: string[]; documentsEn: string[] }[];
    expect(afterOld.find((r) => r.code === 'AB02')).toMatchObject({ descriptionVi: 'Mô tả mới', documents: ['Tờ khai', 'Căn cước'], documentsEn: withEnglish.find((r) => r.code === 'AB02')?.documentsEn });
    expect(afterOld.find((r) => r.code === 'ZZ02')?.documentsEn).toEqual([]);
    for (const r of withEnglish) expect(afterOld.find((x) => x.code === r.code)?.documentsEn, r.code).toEqual(r.documentsEn);
    const before2 = afterOld;

    // A sheet without the code column is refused with a reason, and nothing changes.
    await admin.setInputFiles('[data-action="import"]', { name: 'sai.csv', mimeType: 'text/csv', buffer: Buffer.from('Tên thủ tục,Tiền tố\nHộ tịch,A\n', 'utf8') });
    await admin.waitForSelector('[data-testid="catalogue-file"] .error-banner:has-text("Thiếu cột: Mã")');
    expect((await adminApi.get('/api/admin/catalogue')).body).toEqual(before2);

    // A small .xlsx that would inflate to 200 MB is refused on screen before it is opened (issue #27).
    const sheet = await deflateRepeated(Buffer.alloc(1024 * 1024, 0x20), 200);
    const bomb = zipFile([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'xl/worksheets/sheet1.xml', deflated: sheet }]);
    await admin.setInputFiles('[data-action="import"]', { name: 'danh-muc.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bomb });
    await admin.waitForSelector('[data-testid="catalogue-file"] .error-banner:has-text("quá lớn")', { timeout: 5000 });
    expect((await adminApi.get('/api/admin/catalogue')).body).toEqual(before2);
  }, 90_000);
});
