import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollInDataDir } from '../helpers/devices';
import { readQrOnScreen } from '../helpers/screenQr';
import { startServe, stopBrowserAndServe } from '../helpers/serveProcess';
import type { ServeProcess } from '../helpers/serveProcess';
import { eventually, tempDir } from '../helpers/tempHost';
import { launchChromium } from '../helpers/screenSuite';

// The first morning of a new office (issue #28 points 2 and 5), in real Chromium against a real
// `serve` started with no scripted password: the office meets its one-time setup link.
let browser: Browser;
let srv: ServeProcess;
let dir: string;
/** MOTCUA_E2E_SHOTS=<folder>: also keep what the screens looked like, to look at them. */
const SHOTS = process.env.MOTCUA_E2E_SHOTS;

beforeAll(async () => {
  dir = tempDir();
  srv = await startServe(dir, { MOTCUA_ADMIN_PASSWORD: '', MOTCUA_OFFICER_PINS: '' });
  browser = await launchChromium();
}, 60_000);
afterAll(() => stopBrowserAndServe(browser, srv));

async function page(url: string, width: number, height: number, device?: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height } });
  if (device) await ctx.addCookies([{ name: 'motcua_device', value: device, url: srv.base }]);
  const p = await ctx.newPage();
  await p.goto(url.startsWith('http') ? url : srv.base + url);
  return p;
}

const shot = async (p: Page, name: string) => {
  if (SHOTS) await p.screenshot({ path: path.join(SHOTS, `${name}.png`) });
};

const PIN_IDS = [1, 2, 3, 4];
const attr = (p: Page, selector: string, name: string) => p.getAttribute(selector, name);

describe('setting up a new office', () => {
  it('the setup page marks every wrong field at once, masks the PINs, asks about a printer; without one the kiosk shows a screen ticket, until the admin says a printer came', async () => {
    const setupUrl = await eventually(() => srv.setupUrl, 10_000);
    const token = new URL(setupUrl).searchParams.get('token') as string;
    const setup = await page(setupUrl, 1366, 768);
    // The setup page itself, with the office's four officers (not the "already set up" or bad-link page).
    await setup.waitForSelector('h2:text-is("Cài đặt lần đầu")');
    await setup.waitForSelector('[data-testid="setup-pin-4"]');
    expect(await setup.$('[data-testid="setup-password"]')).not.toBeNull();

    // Typed in: a guessable password, four equal PINs, no printer choice yet.
    await setup.fill('[data-testid="setup-password"]', 'motcua2026');
    await setup.fill('[data-testid="setup-password-again"]', 'motcua2026');
    for (const id of PIN_IDS) {
      expect(await attr(setup, `[data-testid="setup-pin-${id}"]`, 'type')).toBe('password');
      await setup.fill(`[data-testid="setup-pin-${id}"]`, '582914');
    }
    expect(await attr(setup, '[data-testid="setup-password"]', 'type')).toBe('password');
    await setup.click('[data-testid="setup-submit"]');

    // One try shows every wrong field at its own place, tied to it for a screen reader.
    await setup.waitForSelector('#setup-password-error');
    expect(await setup.textContent('#setup-password-error')).toContain('Mật khẩu quá dễ đoán');
    for (const id of PIN_IDS) {
      const error = await setup.textContent(`#setup-pins-${id}-error`);
      expect(error).toContain('Trùng mã PIN với cán bộ khác');
      expect(await attr(setup, `[data-testid="setup-pin-${id}"]`, 'aria-invalid')).toBe('true');
      expect(await attr(setup, `[data-testid="setup-pin-${id}"]`, 'aria-describedby')).toContain(`setup-pins-${id}-error`);
    }
    expect(await attr(setup, '[data-testid="setup-password"]', 'aria-invalid')).toBe('true');
    expect(await attr(setup, '[data-testid="setup-password"]', 'aria-describedby')).toContain('setup-password-error');
    expect(await setup.textContent('#setup-printer-error')).toContain('máy in phiếu');
    // What was right is not marked.
    expect(await setup.$('#setup-passwordAgain-error')).toBeNull();
    expect(await attr(setup, '[data-testid="setup-password-again"]', 'aria-invalid')).toBeNull();
    expect(await setup.textContent('[data-testid="setup-summary"]')).toContain('Còn 6 ô chưa đúng');
    // The cursor waits in the first field to fix.
    expect(await setup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('setup-password');
    await shot(setup, 'setup-errors-1366x768');

    // The host, asked the same, refuses every field in one answer (the page is not the only guard).
    const answer = await fetch(`${srv.base}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, password: 'motcua2026', pins: PIN_IDS.map((officerId) => ({ officerId, pin: '582914' })), printer: null }),
    });
    expect(answer.status).toBe(400);
    const refused = (await answer.json()) as { error: { code: string; details: { fields: { field: string; fault: string }[] } } };
    expect(refused.error.code).toBe('SETUP_INVALID');
    expect(refused.error.details.fields).toEqual([
      { field: 'password', fault: 'passwordGuessable', message: expect.any(String) },
      ...PIN_IDS.map((id) => ({ field: `pins.${id}`, fault: 'pinDuplicate', message: expect.any(String) })),
      { field: 'printer', fault: 'printerUnchosen', message: expect.any(String) },
    ]);
    // A refusal changes nothing: the office still waits for its setup, the link still works.
    expect(await (await fetch(`${srv.base}/api/setup?token=${token}`)).json()).toMatchObject({ required: true, tokenValid: true });

    // "Show" shows the PINs as typed, and hides them again.
    await setup.click('[data-testid="setup-show-pins"]');
    for (const id of PIN_IDS) expect(await attr(setup, `[data-testid="setup-pin-${id}"]`, 'type')).toBe('text');
    await setup.click('[data-testid="setup-show-pins"]');
    expect(await attr(setup, '[data-testid="setup-pin-1"]', 'type')).toBe('password');

    // Fixed: each error leaves as its field is put right; the office has no ticket printer.
    await setup.fill('[data-testid="setup-password"]', 'cây-đa-giếng-nước-7');
    await setup.fill('[data-testid="setup-password-again"]', 'cây-đa-giếng-nước-7');
    await setup.waitForSelector('#setup-password-error', { state: 'detached' });
    for (const [i, pin] of ['572946', '318274', '649135', '205817'].entries()) await setup.fill(`[data-testid="setup-pin-${i + 1}"]`, pin);
    await setup.waitForSelector('#setup-pins-1-error', { state: 'detached' });
    await setup.check('[data-testid="setup-printer-no"]');
    await setup.waitForSelector('[data-testid="setup-summary"]', { state: 'detached' });
    await setup.click('[data-testid="setup-submit"]');
    await setup.waitForSelector('text=Hệ thống đã được cài đặt. Máy này đã được đăng ký là máy quản trị.');

    // The kiosk of that office: the number large, the QR, "remember your number", no print error.
    const [kioskDevice] = enrollInDataDir(dir, [{ role: 'kiosk' }]) as [string];
    for (const [w, h] of [
      [1080, 1920],
      [1920, 1080],
    ] as const) {
      const kiosk = await page('/kiosk?priority=0', w, h, kioskDevice);
      await kiosk.waitForSelector('[data-service="HT"]');
      await kiosk.click('[data-service="HT"]');
      await kiosk.waitForSelector('[data-testid="ticket-result"]');
      await kiosk.waitForSelector('.qr img');
      const state = kiosk.locator('[data-testid="print-state"]');
      expect(await state.getAttribute('data-state')).toBe('screen');
      expect(await state.textContent()).toContain('Xin ghi nhớ số thứ tự của mình');
      const result = (await kiosk.textContent('[data-testid="ticket-result"]')) ?? '';
      expect(result).not.toContain('Không in được phiếu');
      expect(result).not.toContain('Vui lòng nhận phiếu in');
      expect(await kiosk.locator('[data-testid="print-state"].failed').count()).toBe(0);
      const number = kiosk.locator('[data-testid="ticket-number"]');
      expect(await number.textContent()).toMatch(/^A\d{3}$/);
      expect(parseFloat(await number.evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(120);
      const trackUrl = (await kiosk.getAttribute('.qr img', 'alt')) ?? '';
      expect(await readQrOnScreen(kiosk.locator('.qr img'))).toBe(trackUrl);
      await shot(kiosk, `kiosk-screen-ticket-${w}x${h}`);
      await kiosk.context().close();
    }

    // A printer arrives: the admin (the setup browser, now an admin device) changes the choice.
    await setup.goto(`${srv.base}/admin`);
    await setup.fill('input[type="password"]', 'cây-đa-giếng-nước-7');
    await setup.click('button[type="submit"]');
    await setup.click('[data-tab="devices"]');
    await setup.waitForSelector('[data-form="ticket-output"]');
    expect(await setup.isChecked('[data-testid="ticket-output-screen"]')).toBe(true);
    await setup.check('[data-testid="ticket-output-paper"]');
    await setup.click('[data-form="ticket-output"] button[type="submit"]');
    await setup.waitForSelector('[data-form="ticket-output"] [data-testid="save-message"]');
    await shot(setup, 'admin-ticket-output-1366x768');
    // Its connection is not set yet: now a ticket that did not print is said to be one, as before.
    const kiosk = await page('/kiosk?priority=0', 1080, 1920, kioskDevice);
    await kiosk.click('[data-service="HT"]');
    await kiosk.waitForSelector('[data-testid="ticket-result"]');
    expect(await kiosk.getAttribute('[data-testid="print-state"]', 'data-state')).toBe('none');
    expect(await kiosk.textContent('[data-testid="print-state"]')).toContain('Không in được phiếu');
  }, 90_000);
});
