import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_PASSWORD, enrollInDataDir, pinOf } from '../helpers/devices';
import { startServe, stopBrowserAndServe, waitExit } from '../helpers/serveProcess';
import type { ServeProcess } from '../helpers/serveProcess';
import { tempDir } from '../helpers/tempHost';
import { launchChromium } from '../helpers/screenSuite';

// The admin screens as an office uses them, in real Chromium against a real `serve` process:
// save one thing, restart, the rest is still there; edit a screen twice and both edits stick.
let browser: Browser;
let srv: ServeProcess;
let dir: string;
let admin: Page;
let counterDevice: string;

async function api(p: string) {
  const r = await admin.evaluate(async (url) => {
    const res = await fetch(url, { credentials: 'same-origin' });
    return { status: res.status, body: (await res.json()) as unknown };
  }, p);
  expect(r.status, p).toBe(200);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return r.body as any;
}
async function apiPost(p: string, body: unknown) {
  return admin.evaluate(
    async ([url, b]) => (await fetch(url as string, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) })).status,
    [p, body] as const,
  );
}
const saved = (scope: string) => admin.waitForSelector(`${scope} [data-testid="save-message"]:has-text("Đã lưu")`);
/**
 * Save a form and wait for the screen's re-read after the save's config.changed, so the next step
 * starts from the stored value (the last test clicks inside that re-read on purpose). Waiting for
 * this save's answer also tells a second save from the first, whose "Đã lưu" note is still on screen.
 */
async function saveSettled(scope: string) {
  const posted = admin.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/api/admin/'));
  const reread = admin.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === '/api/admin/office');
  await admin.click(`${scope} button[type="submit"]`);
  expect((await posted).status()).toBe(200);
  await reread;
  await saved(scope);
}

beforeAll(async () => {
  dir = tempDir();
  srv = await startServe(dir);
  // The admin's browser and counter 1's PC, paired (issue #13).
  const [adminDevice, desk1] = enrollInDataDir(dir, [{ role: 'admin' }, { role: 'counter', counter: 1 }]) as [string, string];
  counterDevice = desk1;
  browser = await launchChromium();
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await ctx.addCookies([{ name: 'motcua_device', value: adminDevice, url: srv.base }]);
  admin = await ctx.newPage();
  await admin.goto(`${srv.base}/admin`);
  // Was: the seeded 'motcua-admin' and a forced change. Issue #13: no default; the install chose it.
  await admin.fill('input[type="password"]', TEST_ADMIN_PASSWORD);
  await admin.click('button[type="submit"]');
  await admin.waitForSelector('[data-tab="office"]');
}, 60_000);
afterAll(() => stopBrowserAndServe(browser, srv));

describe('admin settings in Chromium', () => {
  it('changing only the marquee keeps the English name, address and rating reasons, also after a restart', async () => {
    const before = await api('/api/admin/office');
    expect(before.nameEn).not.toBe('');
    expect(before.address).not.toBe('');
    expect(before.ratingReasons).toHaveLength(6);
    await admin.click('[data-tab="office"]');
    const marquee = admin.getByLabel('Dòng chữ chạy trên màn hình gọi số');
    await marquee.waitFor();
    await admin.waitForFunction(() => (document.querySelector('[data-form="office"] input') as HTMLInputElement | null)?.value !== '');
    await marquee.fill('Chào mừng quý công dân đến Bộ phận Một cửa');
    await admin.click('[data-form="office"] button[type="submit"]');
    await admin.waitForSelector('[data-testid="save-message"]:has-text("Đã lưu")');

    // Restart the host on the same data dir and port; the admin session survives in the database.
    const port = srv.port;
    srv.child.kill('SIGTERM');
    await waitExit(srv.child);
    srv = await startServe(dir, {}, port);
    const after = await api('/api/admin/office');
    expect(after.marquee).toBe('Chào mừng quý công dân đến Bộ phận Một cửa');
    expect(after).toEqual({ ...before, marquee: after.marquee });
    const publicConfig = await api('/api/config');
    expect(publicConfig.office).toMatchObject({ nameEn: before.nameEn, address: before.address });
    expect(publicConfig.ratingReasons).toEqual(before.ratingReasons);
  }, 60_000);

  it('a service edited twice keeps its Saturday hours, its icon and both edits', async () => {
    const hours = [
      { days: [1, 2, 3, 4, 5], from: '07:30', to: '11:30' },
      { days: [1, 2, 3, 4, 5], from: '13:30', to: '17:00' },
      { days: [6], from: '07:30', to: '11:30' },
    ];
    expect(await apiPost('/api/admin/services', { id: 1, hours })).toBe(200);
    await admin.reload();
    await admin.click('[data-tab="services"]');
    await admin.click('.list li:has-text("Hộ tịch") button:has-text("Sửa")');
    await expect.poll(() => admin.getByLabel('Mã', { exact: true }).inputValue()).toBe('HT');
    await admin.getByLabel('Tên tiếng Việt', { exact: true }).fill('Hộ tịch (khai sinh, kết hôn)');
    await admin.click('text=Lưu dịch vụ');
    await admin.waitForSelector('[data-testid="save-message"]:has-text("Đã lưu")');

    await admin.click('.list li:has-text("Hộ tịch (khai sinh, kết hôn)") button:has-text("Sửa")');
    await expect.poll(() => admin.getByLabel('Tên tiếng Việt', { exact: true }).inputValue()).toBe('Hộ tịch (khai sinh, kết hôn)');
    await admin.getByLabel('Tên tiếng Anh', { exact: true }).fill('Civil status (births, marriages)');
    await admin.click('text=Lưu dịch vụ');
    await admin.waitForFunction(async () => {
      const s = (await (await fetch('/api/services')).json()) as { id: number; nameEn: string }[];
      return s.find((x) => x.id === 1)?.nameEn === 'Civil status (births, marriages)';
    });
    const service = ((await api('/api/services')) as { id: number }[]).find((s) => s.id === 1);
    expect(service).toMatchObject({ nameVi: 'Hộ tịch (khai sinh, kết hôn)', nameEn: 'Civil status (births, marriages)', hours, icon: 'family', prefix: 'A', code: 'HT' });
    // The form says what hours are set, Saturday morning included.
    await admin.click('.list li:has-text("Hộ tịch (khai sinh, kết hôn)") button:has-text("Sửa")');
    expect(await admin.textContent('[data-testid="service-hours"]')).toBe('Giờ tiếp nhận đang đặt: T2–T6 07:30–11:30, 13:30–17:00 · T7 07:30–11:30');
  }, 60_000);

  it('pause reasons edited twice on the Lists screen; the counter’s pause dialog offers them', async () => {
    await admin.click('[data-tab="lists"]');
    const list = '[data-list="pauseReasons"]';
    await admin.waitForSelector(`${list} tbody tr`);
    // First edit: a new reason (its code is made from the Vietnamese label).
    await admin.click(`${list} button:has-text("+ Thêm mục")`);
    await admin.click(`${list} button[type="submit"]`);
    await admin.waitForSelector(`${list} [data-testid="save-errors"]:has-text("Dòng 6: cần nhập tên tiếng Việt")`);
    await admin.fill(`${list} input[aria-label="Tên tiếng Việt, dòng 6"]`, 'Tiếp công dân tại phòng họp');
    await admin.fill(`${list} input[aria-label="Tên tiếng Anh, dòng 6"]`, 'Meeting citizens in the meeting room');
    await saveSettled(list);
    expect((await api('/api/config')).pauseReasons.at(-1)).toEqual({ code: 'tiep_cong_dan_tai_phong_hop', vi: 'Tiếp công dân tại phòng họp', en: 'Meeting citizens in the meeting room' });

    // Second edit on the same screen: move it to the top, remove "Khác".
    for (let i = 0; i < 5; i++) await admin.click(`${list} button[aria-label="Chuyển lên, dòng ${6 - i}"]`);
    await admin.click(`${list} tr:has(input[value="Khác"]) button[aria-label^="Xóa"]`);
    await saveSettled(list);
    const reasons = (await api('/api/config')).pauseReasons as { code: string }[];
    expect(reasons.map((r) => r.code)).toEqual(['tiep_cong_dan_tai_phong_hop', 'break', 'meeting', 'urgent', 'helping']);
    const audit = await api('/api/admin/office');
    expect(audit.pauseReasons).toEqual(reasons);

    // The counter's pause dialog is built from them.
    const deskCtx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await deskCtx.addCookies([{ name: 'motcua_device', value: counterDevice, url: srv.base }]);
    const counter = await deskCtx.newPage();
    await counter.goto(`${srv.base}/counter`);
    await counter.waitForSelector('[data-own-counter="1"]');
    await counter.click('[data-officer="1"]');
    for (const d of pinOf(1)) await counter.click(`.keypad button:text-is("${d}")`);
    await counter.click('button[type="submit"]');
    await counter.click('[data-action="pause"]');
    // The dialog's reasons come with the office's config, read when the desk opened.
    await counter.waitForSelector('.modal button:has-text("Hỗ trợ đồng nghiệp")');
    const offered = await counter.$$eval('.modal button', (bs) => bs.map((b) => b.textContent?.trim()));
    expect(offered).toEqual(['Tiếp công dân tại phòng họp', 'Nghỉ giải lao', 'Họp đột xuất', 'Xử lý công việc khẩn cấp', 'Hỗ trợ đồng nghiệp', 'Hủy']);
    await counter.click('.modal button:has-text("Tiếp công dân tại phòng họp")');
    await counter.waitForSelector('h2:has-text("Tạm dừng — Tiếp công dân tại phòng họp")');
    await counter.close();
  }, 60_000);

  it('ticket screen: a wrong public URL is refused in Vietnamese and English; the template edited twice keeps both edits', async () => {
    await admin.click('[data-tab="ticket"]');
    const url = '[data-form="publicBaseUrl"]';
    await admin.fill(`${url} input`, 'motcua.phuong.local');
    await admin.click(`${url} button[type="submit"]`);
    await admin.waitForSelector(`${url} [data-testid="save-errors"]:has-text("Địa chỉ phải bắt đầu bằng http:// hoặc https://")`);
    await admin.click('[data-testid="lang"]');
    await admin.click(`${url} button[type="submit"]`);
    await admin.waitForSelector(`${url} [data-testid="save-errors"]:has-text("The address must start with http:// or https://")`);
    await admin.click('[data-testid="lang"]');
    await admin.fill(`${url} input`, 'http://192.168.1.10:8080');
    await admin.click(`${url} button[type="submit"]`);
    await saved(url);

    const form = '[data-form="ticketTemplate"]';
    await admin.fill(`${form} input[aria-label="Nội dung, dòng 3"]`, 'SỐ THỨ TỰ CỦA QUÝ VỊ');
    await saveSettled(form);
    await admin.waitForSelector('[data-testid="ticket-preview"]:has-text("SỐ THỨ TỰ CỦA QUÝ VỊ")');
    // Second edit: drop the "scan to track" line, make the footer bold.
    await admin.click(`${form} tr:has(input[value="Quét mã để theo dõi lượt gọi"]) button[aria-label^="Xóa"]`);
    await admin.check(`${form} tr:has(input[value="{footer}"]) input[type="checkbox"]`);
    await saveSettled(form);
    const office = await api('/api/admin/office');
    expect(office.publicBaseUrl).toBe('http://192.168.1.10:8080');
    const texts = (office.ticketTemplate as { text: string; bold: boolean }[]).map((l) => l.text);
    expect(texts).toContain('SỐ THỨ TỰ CỦA QUÝ VỊ');
    expect(texts).not.toContain('Quét mã để theo dõi lượt gọi');
    expect(office.ticketTemplate.find((l: { text: string }) => l.text === '{footer}').bold).toBe(true);
    expect(office.nameEn).not.toBe('');

    // A template without the number is refused on the screen, before it reaches the host.
    await admin.click(`${form} tr:has(input[value="{number}"]) button[aria-label^="Xóa"]`);
    await admin.click(`${form} button[type="submit"]`);
    await admin.waitForSelector(`${form} [data-testid="save-errors"]:has-text("{number}")`);
    expect((await api('/api/admin/office')).ticketTemplate).toEqual(office.ticketTemplate);
  }, 60_000);

  it('an edit made the moment the re-read after a save lands is kept', async () => {
    // The draft follows the stored value after a save. A click that arrives between the re-read's
    // render and the effect that adopts the stored value was once overwritten by it (seen in CI on
    // a loaded machine). The page clicks inside that gap on purpose: the re-read's render takes
    // the "unsaved changes" note away, and the observer clicks before React's effects run.
    await admin.reload();
    await admin.click('[data-tab="ticket"]');
    const form = '[data-form="ticketTemplate"]';
    await admin.waitForSelector(`${form} tr:has(input[value="{footer}"])`);
    const stored = (await api('/api/admin/office')).ticketTemplate as { text: string }[];
    const target = stored.find((l) => l.text.startsWith('Mã phiếu'))!.text;
    await admin.fill(`${form} input[aria-label="Nội dung, dòng 1"]`, '{office} — Một cửa');
    await admin.evaluate(([formSel, text]) => {
      const footer = document.querySelector(`${formSel} .form-footer`)!;
      const obs = new MutationObserver(() => {
        if (footer.querySelector('.stat')) return;
        obs.disconnect();
        const row = [...document.querySelectorAll(`${formSel} tbody tr`)].find((tr) => tr.querySelector<HTMLInputElement>('input:not([type])')?.value === text);
        (row?.querySelector('button[aria-label^="Xóa"]') as HTMLButtonElement | null)?.click();
        (window as unknown as { clickedInGap: boolean }).clickedInGap = row !== undefined;
      });
      obs.observe(footer, { childList: true, subtree: true });
    }, [form, target] as const);
    // Not saveSettled: the click clears this save's "Đã lưu" note, as any new edit does.
    await admin.click(`${form} button[type="submit"]`);
    await admin.waitForFunction(() => (window as unknown as { clickedInGap?: boolean }).clickedInGap === true);
    // The row stays deleted on screen and is still an unsaved change; saving it stores both edits.
    await admin.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await (await admin.$(`${form} .form-footer .stat`))?.textContent()).toBe('Có thay đổi chưa lưu');
    expect(await admin.$$eval(`${form} tbody input:not([type])`, (ins, text) => ins.some((i) => (i as HTMLInputElement).value === text), target)).toBe(false);
    await saveSettled(form);
    const texts = ((await api('/api/admin/office')).ticketTemplate as { text: string }[]).map((l) => l.text);
    expect(texts).toContain('{office} — Một cửa');
    expect(texts).not.toContain(target);
    expect(texts).toHaveLength(stored.length - 1);
  }, 60_000);
});
