// Issue #30 (office slice) in real Chromium against a real host: a USB scanner in keyboard-wedge
// mode at an enrolled kiosk (1080×1920) reads a 72-year-old's chip ID card QR and a dossier
// receipt; the signed-in counter sees who is coming, the hall display and the ticket do not; and
// nothing of the card but the name and birth year is left in the database files or the host log.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { TEST_ADMIN_PASSWORD, counterBrowserCookies, enrollDevice } from '../helpers/devices';
import { HttpClient } from '../helpers/httpClient';
import { browserWithHostPerTest } from '../helpers/screenSuite';
import { wedgeScan } from '../helpers/wedgeScanner';

const suite = browserWithHostPerTest();
const SHOTS = process.env.CHECKIN_SHOTS ?? '';

const ELDER_ID = '001054012345';
const ELDER_OLD_ID = '012345678';
const ELDER_BIRTH = '15031954';
const ELDER_ADDRESS = 'Số 12 ngõ 34 phố Hàng Bông, Phường Hàng Gai, Quận Hoàn Kiếm, Hà Nội';
const ELDER_QR = `${ELDER_ID}|${ELDER_OLD_ID}|Nguyễn Văn Bảy|${ELDER_BIRTH}|Nam|${ELDER_ADDRESS}|20042021`;
const DOSSIER = '000.00.31.H29-261120-0042';


async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

async function kioskPage(h: Host): Promise<Page> {
  const base = `http://127.0.0.1:${h.port}`;
  const ctx = await suite.browser().newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
  await ctx.addCookies([{ name: 'motcua_device', value: enrollDevice(h, 'kiosk'), url: base }]);
  const page = await ctx.newPage();
  await page.goto(`${base}/kiosk`);
  // The kiosk itself (not the pairing page): its service tiles and the check-in entry.
  await page.locator('[data-service="HT"]').waitFor();
  await page.locator('[data-action="checkin"]').waitFor();
  return page;
}

async function counterPage(h: Host, counterId: number): Promise<Page> {
  const ctx = await suite.browser().newContext({ viewport: { width: 1366, height: 768 } });
  await ctx.addCookies(await counterBrowserCookies(h, counterId, counterId));
  const page = await ctx.newPage();
  await page.goto(`http://127.0.0.1:${h.port}/counter`);
  await page.waitForFunction((n) => document.querySelector('.counter-app h1')?.textContent?.includes(`Quầy ${n}`), counterId);
  return page;
}

describe('check-in by scan at the kiosk (#30)', () => {
  it('an ID card QR pre-selects "Người cao tuổi", the counter alone shows the name; a dossier scan goes to "Trả kết quả" with its code', async () => {
    const logs: string[] = [];
    const h = await suite.host({ log: (e) => logs.push(JSON.stringify(e)) });
    const base = `http://127.0.0.1:${h.port}`;
    const kiosk = await kioskPage(h);
    await shot(kiosk, 'checkin-1-home');
    expect(await kiosk.textContent('[data-action="checkin"]')).toContain('Tôi có lịch hẹn / mã hồ sơ / căn cước');
    const entry = await kiosk.locator('[data-action="checkin"]').boundingBox();
    expect(entry!.height).toBeGreaterThanOrEqual(64);

    // The scan panel, with a person typing the start of a code into its box when the scanner fires:
    // the burst must not land in the box.
    await kiosk.click('[data-action="checkin"]');
    await kiosk.locator('[data-testid="checkin-panel"]').waitFor();
    expect(await kiosk.textContent('[data-testid="checkin-kept"]')).toContain('chỉ giữ họ tên (xóa sau 30 ngày) và năm sinh');
    await kiosk.click('[data-testid="checkin-code"]');
    await kiosk.keyboard.type('00', { delay: 150 });
    await shot(kiosk, 'checkin-2-scan-panel');
    const ticketsBefore = (h.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
    // A code the kiosk does not know: told so, the box still holds what the person typed.
    await wedgeScan(kiosk, 'HELLO-WORLD-12345');
    await kiosk.locator('[data-testid="action-error"]').waitFor();
    expect(await kiosk.textContent('[data-testid="action-error"]')).toContain('Không nhận ra mã vừa quét');
    expect(await kiosk.inputValue('[data-testid="checkin-code"]')).toBe('00');
    await shot(kiosk, 'checkin-2b-unknown-code');
    await wedgeScan(kiosk, ELDER_QR);

    await kiosk.locator('[data-testid="checkin-who"]').waitFor();
    expect(await kiosk.textContent('[data-testid="checkin-who"]')).toContain('Xin chào Nguyễn Văn Bảy');
    expect(await kiosk.getAttribute('[data-testid="priority-preselected"]', 'data-priority')).toBe('elderly');
    expect(await kiosk.textContent('[data-testid="priority-preselected"]')).toContain('Người cao tuổi');
    // Nothing was issued by the scan alone.
    expect((h.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n).toBe(ticketsBefore);
    await shot(kiosk, 'checkin-3-id-scanned');

    await kiosk.click('[data-service="HT"]');
    await kiosk.locator('[data-testid="ticket-number"]').waitFor();
    const number = (await kiosk.textContent('[data-testid="ticket-number"]'))!.trim();
    await shot(kiosk, 'checkin-4-ticket');
    const row = h.db.prepare('SELECT id, priority, citizen_name, citizen_birth_year, service_id FROM tickets WHERE number = ?').get(number) as Record<string, unknown>;
    expect(row).toMatchObject({ priority: 'elderly', citizen_name: 'Nguyễn Văn Bảy', citizen_birth_year: 1954 });
    // The ticket on the kiosk's screen is not the place for the name.
    expect(await kiosk.textContent('body')).not.toContain('Nguyễn Văn Bảy');

    // The hall display, enrolled, sees the call; the counter sees who it is.
    const displayCtx = await suite.browser().newContext({ viewport: { width: 1920, height: 1080 } });
    await displayCtx.addCookies([{ name: 'motcua_device', value: enrollDevice(h, 'display'), url: base }]);
    const display = await displayCtx.newPage();
    await display.goto(`${base}/display`);
    const desk = await counterPage(h, 1);
    await desk.click('[data-action="next"]');
    await desk.waitForFunction((n) => document.querySelector('[data-testid="current-ticket"] .num')?.textContent === n, number);
    await desk.locator('[data-testid="current-citizen"]').waitFor();
    expect(await desk.textContent('[data-testid="current-citizen"]')).toBe('Công dân: Nguyễn Văn Bảy — sinh năm 1954');
    await shot(desk, 'checkin-5-counter-name');
    await display.waitForFunction((n) => document.body.textContent?.includes(n), number);
    expect(await display.textContent('body')).not.toContain('Bảy');

    // Back at the kiosk (a new citizen): a dossier receipt scanned on the first screen.
    await kiosk.click('[data-action="done"], .kiosk-footer .btn-secondary');
    await kiosk.locator('[data-action="checkin"]').waitFor();
    await wedgeScan(kiosk, DOSSIER);
    await kiosk.locator('[data-testid="ticket-number"]').waitFor();
    const dossierNumber = (await kiosk.textContent('[data-testid="ticket-number"]'))!.trim();
    await shot(kiosk, 'checkin-6-dossier-ticket');
    const tkq = h.db.prepare("SELECT id FROM services WHERE code = 'TKQ'").get() as { id: number };
    expect(h.db.prepare('SELECT service_id, dossier_code, citizen_name FROM tickets WHERE number = ?').get(dossierNumber)).toEqual({ service_id: tkq.id, dossier_code: DOSSIER, citizen_name: null });
    expect(dossierNumber.startsWith('F')).toBe(true);

    // Quầy 3 serves "Trả kết quả": its officer sees the code as soon as the citizen is called.
    const desk3 = await counterPage(h, 3);
    await desk3.click('[data-action="next"]');
    await desk3.waitForFunction((n) => document.querySelector('[data-testid="current-ticket"] .num')?.textContent === n, dossierNumber);
    await desk3.locator('[data-testid="current-dossier"]').waitFor();
    expect(await desk3.textContent('[data-testid="current-dossier"]')).toBe(`Mã hồ sơ: ${DOSSIER}`);
    expect(await desk3.$('[data-testid="current-citizen"]')).toBeNull();
    await shot(desk3, 'checkin-7-counter-dossier');

    // Every file in the data folder (database, WAL, backups) and every log line: no ID number, old
    // number, full birth date or address.
    h.db.pragma('wal_checkpoint(TRUNCATE)');
    const files = (fs.readdirSync(h.dataDir, { recursive: true }) as string[]).map((f) => path.join(h.dataDir, f)).filter((f) => fs.statSync(f).isFile());
    expect(files.some((f) => f.endsWith('.sqlite'))).toBe(true);
    const stored = files.map((f) => fs.readFileSync(f).toString('utf8')).join('\n') + logs.join('\n');
    for (const secret of [ELDER_ID, ELDER_OLD_ID, ELDER_BIRTH, '15/03/1954', '1954-03-15', 'Hàng Bông', 'Hoàn Kiếm']) expect(stored, secret).not.toContain(secret);
    expect(stored).toContain('Nguyễn Văn Bảy');
  }, 120_000);

  it('landscape 1920×1080: the check-in entry and every service tile fit on the first screen', async () => {
    const h = await suite.host();
    const base = `http://127.0.0.1:${h.port}`;
    const ctx = await suite.browser().newContext({ viewport: { width: 1920, height: 1080 }, hasTouch: true });
    await ctx.addCookies([{ name: 'motcua_device', value: enrollDevice(h, 'kiosk'), url: base }]);
    const page = await ctx.newPage();
    await page.goto(`${base}/kiosk`);
    await page.locator('[data-service="TKQ"]').waitFor();
    await shot(page, 'checkin-landscape-home');
    for (const sel of ['[data-action="checkin"]', '[data-service="HT"]', '[data-service="TKQ"]', '.kiosk-footer button >> nth=0']) {
      const box = (await page.locator(sel).boundingBox())!;
      expect(box.y + box.height, sel).toBeLessThanOrEqual(1080);
      expect(box.height, sel).toBeGreaterThanOrEqual(64);
    }
    await page.click('[data-action="checkin"]');
    await page.locator('[data-testid="checkin-panel"]').waitFor();
    await shot(page, 'checkin-landscape-scan');
    const go = (await page.locator('[data-action="checkin-go"]').boundingBox())!;
    expect(go.y + go.height).toBeLessThanOrEqual(1080);
    // Scanned: the greeting takes the heading's band, and every tile and the footer stay on screen.
    await wedgeScan(page, ELDER_QR);
    await page.locator('[data-testid="priority-preselected"]').waitFor();
    await shot(page, 'checkin-landscape-card');
    for (const sel of ['[data-testid="priority-preselected"] button', '[data-service="HT"]', '[data-service="TKQ"]', '.kiosk-footer button >> nth=0']) {
      const box = (await page.locator(sel).boundingBox())!;
      expect(box.y + box.height, sel).toBeLessThanOrEqual(1080);
      expect(box.height, sel).toBeGreaterThanOrEqual(64);
    }
  }, 60_000);

  it('the admin chooses the dossier service and the name retention on Quản trị → Đơn vị', async () => {
    const h = await suite.host();
    const base = `http://127.0.0.1:${h.port}`;
    const token = enrollDevice(h, 'admin');
    const api = new HttpClient(base, token);
    expect((await api.post('/api/auth/admin', { password: TEST_ADMIN_PASSWORD })).status).toBe(200);
    const [name, ...value] = api.cookie.split('=');
    const ctx = await suite.browser().newContext({ viewport: { width: 1366, height: 768 } });
    await ctx.addCookies([{ name: 'motcua_device', value: token, url: base }, { name: name as string, value: value.join('='), url: base }]);
    const page = await ctx.newPage();
    await page.goto(`${base}/admin`);
    await page.click('[data-tab="office"]');
    const form = page.locator('[data-form="checkin"]');
    await form.waitFor();
    expect(await form.textContent()).toContain('Quét mã tại kiosk');
    const before = h.queue.settings.get();
    const dd = (h.db.prepare("SELECT id FROM services WHERE code = 'DD'").get() as { id: number }).id;
    await page.selectOption('[data-testid="checkin-dossier-service"]', String(dd));
    await page.fill('[data-testid="checkin-retention"]', '7');
    await form.scrollIntoViewIfNeeded();
    await shot(page, 'checkin-admin-form');
    await form.locator('button[type="submit"]').click();
    await form.locator('[data-testid="save-message"]').waitFor();
    const after = h.queue.settings.get();
    expect(after.checkin).toEqual({ ...before.checkin, dossierServiceId: dd, nameRetentionDays: 7 });
    // Nothing else of the office changed.
    expect({ ...after, checkin: null }).toEqual({ ...before, checkin: null });
    // An impossible retention is refused on the screen, and nothing is saved.
    await page.fill('[data-testid="checkin-retention"]', '0');
    await form.locator('button[type="submit"]').click();
    await form.locator('[data-testid="save-errors"]').waitFor();
    expect(h.queue.settings.get().checkin.nameRetentionDays).toBe(7);
  }, 60_000);
});
