// Issue #30, the kiosk's camera: where a kiosk has one, the check-in step shows it live, and a
// receipt's QR held up to it is read in the browser (zxing-cpp in WebAssembly, served by the host,
// no CDN) and checked in like a USB scanner's burst; a kiosk without a camera shows no camera box.
// Real Chromium with Chromium's fake camera playing a QR code, an enrolled kiosk, a real host.
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/browser';
import { enrollDevice } from '../helpers/devices';
import { qrCameraFile } from '../helpers/fakeCamera';
import { launchChromium, screensHost } from '../helpers/screenSuite';
import { shotFile } from '../helpers/shotFile';
import { tempDir } from '../helpers/tempHost';

const DOSSIER = '000.00.31.H29-261120-0042';

let host: Host;
let base: string;
let withCamera: Browser;
let without: Browser;

beforeAll(async () => {
  host = await screensHost();
  base = `http://127.0.0.1:${host.port}`;
  // Three seconds of an empty picture before the code: time to see the live camera on the step.
  const video = qrCameraFile(DOSSIER, `${tempDir()}/receipt-qr.y4m`, 30);
  withCamera = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`] });
  without = await launchChromium();
}, 120_000);
afterAll(async () => {
  await withCamera?.close();
  await without?.close();
  await host?.close();
});

async function checkinStep(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  await ctx.addCookies([{ name: 'motcua_device', value: enrollDevice(host, 'kiosk'), url: base }]);
  const p = await ctx.newPage();
  await p.goto(`${base}/kiosk`);
  // The kiosk itself, not the pairing page.
  await p.locator('[data-action="checkin"]').waitFor();
  await p.click('[data-action="checkin"]');
  await p.locator('[data-testid="checkin-panel"]').waitFor();
  return p;
}

describe('check-in by the kiosk camera (#30)', () => {
  it('reads a dossier receipt held up to the camera: a number for "Trả kết quả" with the code, the camera closed after', async () => {
    const before = (host.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
    const p = await checkinStep(withCamera);
    await p.locator('[data-testid="camera-scan"][data-state="on"]', { hasText: 'Hoặc đưa mã QR trước camera' }).waitFor({ timeout: 15_000 });
    await p.screenshot({ path: shotFile('kiosk-camera-scan.png') });
    await p.locator('[data-testid="ticket-number"]').waitFor({ timeout: 20_000 });
    const number = (await p.textContent('[data-testid="ticket-number"]'))!.trim();
    const tkq = host.db.prepare("SELECT id FROM services WHERE code = 'TKQ'").get() as { id: number };
    expect(host.db.prepare('SELECT service_id, dossier_code FROM tickets WHERE number = ?').get(number)).toEqual({ service_id: tkq.id, dossier_code: DOSSIER });
    // One ticket for one receipt, though the camera kept seeing it until the step ended.
    await p.waitForTimeout(1500);
    expect((host.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n).toBe(before + 1);
    // The step is over: no video element holds the camera any more.
    expect(await p.evaluate(() => [...document.querySelectorAll('video')].filter((v) => v.srcObject).length)).toBe(0);
    await p.context().close();
  }, 90_000);

  it('a kiosk with no camera shows no camera box (the scanner and the typed code remain)', async () => {
    const p = await checkinStep(without);
    await p.waitForTimeout(1000);
    expect(await p.locator('[data-testid="camera-scan"]').isVisible()).toBe(false);
    await p.locator('[data-testid="checkin-code"]').waitFor();
    await p.context().close();
  }, 60_000);
});
