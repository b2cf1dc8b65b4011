import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakePrinter } from '../helpers/fakePrinter';
import { TEST_ADMIN_PASSWORD, enrollInDataDir, pinOf } from '../helpers/devices';
import { HttpClient } from '../helpers/httpClient';
import { PtyPair } from '../helpers/ptyPair';
import { readQrOnScreen } from '../helpers/screenQr';
import { startServe, stopBrowserAndServe } from '../helpers/serveProcess';
import type { ServeProcess } from '../helpers/serveProcess';
import { tempDir } from '../helpers/tempHost';
import { launchChromium } from '../helpers/screenSuite';

// Real Chromium against a real `serve` process serving the built screens (npm test builds them first).
let browser: Browser;
let srv: ServeProcess;
let kioskApi: HttpClient;
let staff: HttpClient;
let dir: string;
/** The kiosk's device credential: the kiosk screen and the kiosk's API client are one paired kiosk. */
let kioskDevice: string;
let adminDevice: string;

beforeAll(async () => {
  dir = tempDir();
  srv = await startServe(dir);
  browser = await launchChromium();
  let desk3: string;
  [kioskDevice, desk3, adminDevice] = enrollInDataDir(dir, [{ role: 'kiosk' }, { role: 'counter', counter: 3 }, { role: 'admin' }]) as [string, string, string];
  kioskApi = new HttpClient(srv.base, kioskDevice);
  staff = new HttpClient(srv.base, desk3);
  // Counter 3 serves Đất đai, prefix C.
  expect((await staff.post('/api/auth/login', { counterId: 3, officerId: 3, pin: pinOf(3) })).status).toBe(200);
}, 60_000);
afterAll(() => stopBrowserAndServe(browser, srv));

/** A page in its own browser; `device`: the paired device's credential it holds (a phone holds none). */
async function page(url: string, width: number, height: number, device?: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height } });
  if (device) await ctx.addCookies([{ name: 'motcua_device', value: device, url: srv.base }]);
  const p = await ctx.newPage();
  await p.goto(srv.base + url);
  return p;
}

/** A served ticket whose check code has a C in it, the letter a keypad could mistake for "clear". */
async function servedCTicket(): Promise<{ id: string; number: string; checkCode: string }> {
  for (let i = 0; i < 60; i++) {
    const t = (await kioskApi.post('/api/tickets', { serviceId: 3 })).body as { id: string; number: string; checkCode: string };
    expect(t.number).toMatch(/^C\d{3}$/);
    if (!t.checkCode.includes('C')) continue;
    expect((await staff.post(`/api/tickets/${t.id}/call`, { counterId: 3 })).status).toBe(200);
    expect((await staff.post(`/api/tickets/${t.id}/finish`, {})).status).toBe(200);
    return t;
  }
  throw new Error('no ticket with a C in its code in 60 tries');
}

const entry = async (p: Page, testId: string) => (await p.textContent(`[data-testid="${testId}"]`))?.trim();

describe('walk-up rating on the kiosk, in Chromium', () => {
  it('a ticket is rated by typing the check code printed on it, alone; C is a letter, never "clear"', async () => {
    const t = await servedCTicket();
    const kiosk = await page('/kiosk', 1080, 1920, kioskDevice);
    await kiosk.waitForSelector('[data-service="DD"]');
    await kiosk.click('.kiosk-footer button >> nth=0');
    await kiosk.waitForSelector('[data-testid="code-entry"]');

    // One key says C, and it types C. Deleting and clearing are keys with words, not letters.
    expect(await kiosk.locator('.keypad button:text-is("C")').count()).toBe(1);
    const editing = await kiosk.$$eval('.keypad button.key-action', (bs) => bs.map((b) => b.textContent?.trim() ?? ''));
    expect(editing).toHaveLength(2);
    for (const label of editing) expect(label).not.toMatch(/^[A-Z0-9]$/);

    const type = async (code: string) => {
      for (const ch of code) await kiosk.click(`.keypad button[data-key="${ch}"]`);
    };
    await type(t.checkCode);
    expect(await entry(kiosk, 'code-entry')).toBe(t.checkCode);
    await kiosk.click('[data-action="backspace"]');
    expect(await entry(kiosk, 'code-entry')).toBe(`${t.checkCode.slice(0, -1)}·`);
    await kiosk.click('[data-action="clear"]');
    expect(await entry(kiosk, 'code-entry')).toBe('·····');

    const wrong = t.checkCode.startsWith('A') ? `C${t.checkCode.slice(1)}` : `A${t.checkCode.slice(1)}`;
    await type(wrong);
    await kiosk.click('[data-testid="rate-find"]');
    await kiosk.waitForSelector('.error-banner:has-text("Mã phiếu không đúng")');
    expect(await kiosk.$('.face')).toBeNull();

    await type(t.checkCode);
    expect(await entry(kiosk, 'code-entry')).toBe(t.checkCode);
    await kiosk.click('[data-testid="rate-find"]');
    await kiosk.waitForSelector('.face');
    expect(await kiosk.textContent('h2')).toContain(t.number);
    await kiosk.click('.face[data-score="4"]');
    await kiosk.click('text=Gửi đánh giá');
    await kiosk.waitForSelector('.thanks');
    expect((await kioskApi.get(`/api/tickets/${t.id}`)).body).toMatchObject({ rated: true, canRate: false });
  }, 60_000);
});

describe('the kiosk says what really happened to the print, in Chromium', () => {
  it('printer unplugged: "could not print, show this screen or the QR"; plugged back: it prints and the same screen says so', async () => {
    const admin = new HttpClient(srv.base, adminDevice);
    expect((await admin.post('/api/auth/admin', { password: TEST_ADMIN_PASSWORD })).status).toBe(200);
    const pair = PtyPair.inDir(tempDir());
    try {
      // Configured while plugged in (the transport policy takes a link only when it leads to a
      // device), then unplugged: the printer is not there.
      await pair.start();
      const set = await admin.post('/api/admin/printer', { transport: { kind: 'serial', path: pair.device, baudRate: 9600 }, profile: 'epson-tm-t20iii', statusPollMs: 500 });
      expect(set.status).toBe(200);
      await pair.stop();
      const kiosk = await page('/kiosk?priority=0', 1080, 1920, kioskDevice);
      await kiosk.click('[data-service="HT"]');
      await kiosk.waitForSelector('[data-testid="print-state"][data-state="failed"]');
      const failed = (await kiosk.textContent('[data-testid="print-state"]')) ?? '';
      expect(failed).toContain('Không in được phiếu');
      expect(failed).toContain('xuất trình tại quầy');
      expect(await kiosk.textContent('[data-testid="ticket-result"]')).not.toContain('Vui lòng nhận phiếu in bên dưới');
      const trackUrl = (await kiosk.getAttribute('.qr img', 'alt')) ?? '';
      // The QR as painted on the screen scans to the ticket's tracking address.
      expect(trackUrl).toMatch(/^http:\/\/.+\/t\/[A-Za-z0-9_-]+$/);
      expect(await readQrOnScreen(kiosk.locator('.qr img'))).toBe(trackUrl);
      const code = (await kiosk.textContent('[data-testid="ticket-code"]'))?.trim() ?? '';
      expect(code).toMatch(/^[A-Z0-9]{5}$/);

      // The printer comes back: the ticket prints by itself, and the screen still up says so.
      await pair.start();
      const printer = await FakePrinter.open(pair);
      await kiosk.waitForSelector('[data-testid="print-state"][data-state="done"]');
      expect((await kiosk.textContent('[data-testid="print-state"]'))?.trim()).toBe('Vui lòng nhận phiếu in bên dưới');
      expect(printer.qr()).toEqual([trackUrl]);

      // The phone opened from that QR shows the same check code.
      const phone = await page(new URL(trackUrl).pathname, 390, 844);
      await phone.waitForSelector('[data-testid="track-code"]');
      expect((await phone.textContent('[data-testid="track-code"]'))?.trim()).toBe(code);
      await printer.close();
    } finally {
      await admin.post('/api/admin/printer', { transport: { kind: 'none' } });
      await pair.stop();
    }
  }, 60_000);
});
