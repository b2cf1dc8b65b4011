// Issue #31, "no silent display": a display opened in a plain Chromium under the browser's own
// autoplay rule (sound only after a touch) says so on screen, shows as silent in /api/health and on
// the admin screen, and one tap clears both. Calls that went stale meanwhile are not spoken late,
// and a counter's newer call replaces its older one not yet spoken.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STALE_CALL_MS } from '../../renderer/audio/callQueue';
import { TEST_ADMIN_PASSWORD, enrollInDataDir, pinOf } from '../helpers/devices';
import { headedChromium } from '../helpers/headedChromium';
import type { HeadedChromium } from '../helpers/headedChromium';
import { HttpClient } from '../helpers/httpClient';
import { launchChromium } from '../helpers/screenSuite';
import { startServe, stopBrowserAndServe } from '../helpers/serveProcess';
import type { ServeProcess } from '../helpers/serveProcess';
import { tempDir } from '../helpers/tempHost';

let browser: Browser;
let srv: ServeProcess;
let dir: string;
let tokens: { admin: string; display: string; kiosk: string; desk1: string; desk2: string };

interface Health {
  ok: boolean;
  speakers?: string;
  details?: { speakers?: { name: string; state: string }[] };
}
interface Played {
  seq: number;
  via: string;
  text: string;
}

beforeAll(async () => {
  dir = tempDir();
  srv = await startServe(dir);
  const [admin, display, kiosk, desk1, desk2] = enrollInDataDir(dir, [{ role: 'admin' }, { role: 'display' }, { role: 'kiosk' }, { role: 'counter', counter: 1 }, { role: 'counter', counter: 2 }]) as string[];
  tokens = { admin: admin as string, display: display as string, kiosk: kiosk as string, desk1: desk1 as string, desk2: desk2 as string };
  // For the admin screen; the display runs in a headed Chromium of its own (headedChromium.ts).
  browser = await launchChromium();
}, 90_000);
let display: HeadedChromium | undefined;
afterAll(async () => {
  await display?.close();
  await stopBrowserAndServe(browser, srv);
});

async function signedInDesk(token: string, counterId: number, officerId: number): Promise<HttpClient> {
  const desk = new HttpClient(srv.base, token);
  expect((await desk.post('/api/auth/login', { counterId, officerId, pin: pinOf(officerId) })).status).toBe(200);
  return desk;
}

async function callNext(desk: HttpClient, counterId: number): Promise<number> {
  const r = await desk.post(`/api/counters/${counterId}/next`, {});
  expect(r.status).toBe(200);
  return r.body.number as number;
}

const BANNER = `document.querySelector('[data-testid="sound-blocked"]')?.textContent ?? null`;
const PLAYED = 'window.__announcements ?? []';
async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`not reached in ${ms} ms: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a display whose sound the browser holds back', () => {
  it('says so within 2 s, shows as silent in health and on the admin screen; stale calls are dropped, a counter’s newer call replaces its older; one tap clears all', async () => {
    const kiosk = new HttpClient(srv.base, tokens.kiosk);
    for (let i = 0; i < 4; i++) expect((await kiosk.post('/api/tickets', { serviceId: 1 })).status).toBe(201);
    const desk1 = await signedInDesk(tokens.desk1, 1, 1);
    const desk2 = await signedInDesk(tokens.desk2, 2, 2);
    const adminApi = new HttpClient(srv.base, tokens.admin);

    // Chromium's desktop rule: sound only after the person touches the page; opened as a plain browser would be.
    const opened = Date.now();
    display = await headedChromium(srv.base + '/display', [{ name: 'motcua_device', value: tokens.display }]);
    // The display itself, not the pairing page: its clock is up.
    await until(() => display!.value<boolean>(`!!document.querySelector('.display header .clock')`), Boolean, 10_000);
    expect(await display.value<boolean>(`!!document.querySelector('.pair')`)).toBe(false);
    const loadedAt = Date.now();
    const banner = await until(() => display!.value<string | null>(BANNER), (v) => v !== null, 2_000);
    expect(Date.now() - loadedAt).toBeLessThan(2_000);
    expect(banner).toContain('Chạm vào màn hình để bật âm thanh gọi số');
    expect(Date.now() - opened).toBeLessThan(30_000);
    await display.screenshot(`${dir}/display-sound-blocked.png`);

    // A call while the sound is held back: it will be stale by the time anyone taps.
    const first = await callNext(desk1, 1);
    const firstAt = Date.now();

    await expect
      .poll(async () => ((await adminApi.get('/api/health')).body as Health).speakers, { timeout: 5_000 })
      .toBe('silent');
    const health = (await adminApi.get('/api/health')).body as Health;
    expect(health.ok).toBe(false);
    expect(health.details?.speakers).toEqual([expect.objectContaining({ name: 'display (dòng lệnh)', state: 'blocked' })]);

    // The admin screen names it.
    const adminCtx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await adminCtx.addCookies([{ name: 'motcua_device', value: tokens.admin, url: srv.base }]);
    const admin = await adminCtx.newPage();
    await admin.goto(srv.base + '/admin');
    await admin.fill('input[type="password"]', TEST_ADMIN_PASSWORD);
    await admin.click('button[type="submit"]');
    const line = admin.locator('[data-testid="health-line"]');
    await expect.poll(async () => (await line.textContent()) ?? '', { timeout: 10_000 }).toContain('Loa màn hình');
    expect(await line.textContent()).toContain('display (dòng lệnh): chưa bật âm thanh');
    await admin.screenshot({ path: `${dir}/admin-silent-display.png` });

    // Counter 2 calls twice before anything could be spoken: only its newer call is still due.
    await new Promise((r) => setTimeout(r, Math.max(0, firstAt + STALE_CALL_MS + 1_000 - Date.now())));
    await callNext(desk2, 2);
    const newest = await callNext(desk2, 2);
    await until(() => display!.value<Played[]>(PLAYED), (l) => l.some((p) => p.via === 'superseded'), 5_000);
    // Still held back: nothing spoken yet.
    expect((await display.value<Played[]>(PLAYED)).map((p) => p.via)).toEqual(['superseded']);

    // Someone taps the screen: the banner goes, the fresh call is spoken, the stale one is not.
    await display.tap(960, 900);
    await until(() => display!.value<string | null>(BANNER), (v) => v === null, 5_000);
    const log = await until(() => display!.value<Played[]>(PLAYED), (l) => l.some((p) => p.via === 'clips'), 20_000);
    expect(log.map((p) => p.via)).toEqual(['superseded', 'stale', 'clips']);
    expect(log[1]?.text).toContain(`đến quầy số một`);
    expect(log[2]?.text).toContain('quầy số hai');
    expect(first).not.toBe(newest);
    await expect
      .poll(async () => ((await adminApi.get('/api/health')).body as Health).speakers, { timeout: 5_000 })
      .toBe('ok');
    await expect.poll(async () => (await line.textContent()) ?? '', { timeout: 10_000 }).not.toContain('chưa bật âm thanh');
    await adminCtx.close();
    await display.close();
    display = undefined;
  }, 90_000);

  it('a stranger cannot mark the hall silent: only an enrolled display’s report is taken', async () => {
    const stranger = new HttpClient(srv.base);
    const r = await stranger.post('/api/display/speaker', { state: 'blocked', clipFailures: [] });
    expect(r.status).toBe(403);
    const kiosk = new HttpClient(srv.base, tokens.kiosk);
    expect((await kiosk.post('/api/display/speaker', { state: 'blocked', clipFailures: [] })).status).toBe(403);
    const display = new HttpClient(srv.base, tokens.display);
    const bad = await display.post('/api/display/speaker', { state: 'loud', clipFailures: ['../../etc/passwd'] });
    expect(bad.status).toBe(400);
  }, 30_000);

  it('a clip that fails to load is reported: health names the display and the clip', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await ctx.addCookies([{ name: 'motcua_device', value: tokens.display, url: srv.base }]);
    const page = await ctx.newPage();
    // The chime is missing on this display's way to the host (a half-copied voice folder, a proxy).
    await page.route(/\/voice\/[^/]+\/vi\/chime(\?|$)/, (r) => r.fulfill({ status: 404, body: '' }));
    await page.goto(srv.base + '/display');
    await page.waitForSelector('.display header .clock');
    const adminApi = new HttpClient(srv.base, tokens.admin);
    // Sound is allowed in this browser: the display reports it plays.
    await expect.poll(async () => ((await adminApi.get('/api/health')).body as Health).details?.speakers?.[0]?.state, { timeout: 5_000 }).toBe('playing');
    const kiosk = new HttpClient(srv.base, tokens.kiosk);
    expect((await kiosk.post('/api/tickets', { serviceId: 1 })).status).toBe(201);
    const desk = await signedInDesk(tokens.desk1, 1, 1);
    await callNext(desk, 1);
    await expect
      .poll(async () => ((await adminApi.get('/api/health')).body as { details?: { speakers?: { clipFailures: number; lastClipFailure: string | null }[] } }).details?.speakers?.[0], { timeout: 10_000 })
      .toMatchObject({ lastClipFailure: 'vi/chime' });
    await ctx.close();
  }, 60_000);
});
