import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollInDataDir, pinOf } from '../helpers/devices';
import { startServe, stopBrowserAndServe } from '../helpers/serveProcess';
import type { ServeProcess } from '../helpers/serveProcess';
import { tempDir } from '../helpers/tempHost';
import { launchChromium } from '../helpers/screenSuite';

// Every screen at the size it is used at, in real Chromium against a real host: the action a person
// came to do must be on the screen without scrolling (a kiosk cannot scroll), and nothing wider than
// the screen. Built screens needed (npm test builds them).
let browser: Browser;
let srv: ServeProcess;
/** The office's paired devices (issue #13): a kiosk, a display, counter PCs 1–4 (index = counter), tablet at counter 2. */
let kioskDevice: string;
let displayDevice: string;
let tablet2: string;
let desks: string[] = [];

const KIOSK = { portrait: [1080, 1920], landscape: [1920, 1080] } as const;

beforeAll(async () => {
  const dir = tempDir();
  srv = await startServe(dir);
  const tokens = enrollInDataDir(dir, [{ role: 'kiosk' }, { role: 'display' }, { role: 'rating', counter: 2 }, ...[1, 2, 3, 4].map((counter) => ({ role: 'counter' as const, counter }))]);
  [kioskDevice, displayDevice, tablet2] = tokens as [string, string, string];
  desks = ['', ...tokens.slice(3)];
  browser = await launchChromium();
}, 60_000);
afterAll(() => stopBrowserAndServe(browser, srv));

/** A screen in its own browser; `device` is the paired device's credential it holds (a phone holds none). */
async function open(url: string, width: number, height: number, device: string | null, mobile = false): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height }, isMobile: mobile, hasTouch: mobile, deviceScaleFactor: mobile ? 2 : 1 });
  if (device) await ctx.addCookies([{ name: 'motcua_device', value: device, url: srv.base }]);
  const p = await ctx.newPage();
  await p.goto(srv.base + url);
  return p;
}

/** Problems with the given elements at the current scroll position: missing, cut off, off screen. */
async function offScreen(p: Page, selectors: string[], opts: { pageMayScroll?: boolean } = {}): Promise<string[]> {
  await p.evaluate(() => document.fonts.ready);
  return p.evaluate(
    ({ selectors, pageMayScroll }) => {
      const out: string[] = [];
      const w = window.innerWidth;
      const h = window.innerHeight;
      const doc = document.scrollingElement ?? document.documentElement;
      if (doc.scrollWidth > w + 1) out.push(`page is ${doc.scrollWidth}px wide on a ${w}px screen`);
      if (!pageMayScroll && doc.scrollHeight > h + 1) out.push(`page is ${doc.scrollHeight}px tall on a ${h}px screen`);
      for (const sel of selectors) {
        const el = document.querySelector(sel);
        if (!el) {
          out.push(`${sel}: missing`);
          continue;
        }
        if (pageMayScroll) el.scrollIntoView({ block: 'nearest' });
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) out.push(`${sel}: not shown`);
        else if (r.left < -1 || r.top < -1 || r.right > w + 1 || r.bottom > h + 1) out.push(`${sel}: at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)} on a ${w}×${h} screen`);
      }
      return out;
    },
    { selectors, pageMayScroll: !!opts.pageMayScroll },
  );
}

/** Touch targets on public screens: every visible button at least 64 × 64 px. */
async function smallButtons(p: Page): Promise<string[]> {
  return p.$$eval('button', (bs) =>
    bs
      .filter((b) => b.offsetParent !== null)
      .map((b) => ({ r: b.getBoundingClientRect(), t: (b.textContent ?? '').trim().slice(0, 20) }))
      .filter(({ r }) => r.width < 64 || r.height < 64)
      .map(({ r, t }) => `"${t}" ${Math.round(r.width)}×${Math.round(r.height)}`),
  );
}

/** The headers of counter `counterId`'s paired PC with `officerId` signed in on it. */
async function staffAt(counterId: number, officerId: number): Promise<Record<string, string>> {
  const device = desks[counterId] as string;
  const login = await fetch(`${srv.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-device-token': device }, body: JSON.stringify({ counterId, officerId, pin: pinOf(officerId) }) });
  expect(login.status).toBe(200);
  return { 'x-device-token': device, cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
}
const issue = (serviceId: number) => fetch(`${srv.base}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-device-token': kioskDevice }, body: JSON.stringify({ serviceId }) });

/** A ticket of a service the counter serves, served to the end at counter `counterId`, ready to be rated. */
async function servedTicket(staff: Record<string, string>, counterId: number, serviceId = 1): Promise<{ id: string; number: string; checkCode: string }> {
  const issued = (await (await issue(serviceId)).json()) as { id: string; number: string; checkCode: string };
  const called = await fetch(`${srv.base}/api/tickets/${issued.id}/call`, { method: 'POST', headers: { ...staff, 'content-type': 'application/json' }, body: JSON.stringify({ counterId }) });
  expect(called.status).toBe(200);
  const done = await fetch(`${srv.base}/api/tickets/${issued.id}/finish`, { method: 'POST', headers: { ...staff, 'content-type': 'application/json' }, body: '{}' });
  expect(done.status).toBe(200);
  return issued;
}

describe('each screen at its target size keeps its primary action on screen', () => {
  for (const [name, [width, height]] of Object.entries(KIOSK)) {
    it(`kiosk ${name} ${width}×${height}: home, priority step, ticket, rating lookup and rating form`, async () => {
      const kiosk = await open('/kiosk', width, height, kioskDevice);
      await kiosk.waitForSelector('[data-service="HT"]');
      expect(await offScreen(kiosk, ['[data-service="HT"]', '[data-service="TKQ"]', '.kiosk-footer button'])).toEqual([]);
      expect(await smallButtons(kiosk)).toEqual([]);

      await kiosk.click('[data-service="HT"]');
      await kiosk.waitForSelector('.priority-list');
      expect(await offScreen(kiosk, ['.priority-list .none', '.priority-list button:last-child', '.kiosk-footer button'])).toEqual([]);
      expect(await smallButtons(kiosk)).toEqual([]);

      await kiosk.click('.priority-list .none');
      await kiosk.waitForSelector('.qr img');
      expect(await offScreen(kiosk, ['[data-testid="ticket-number"]', '.qr img', '[data-action="done"]', '.kiosk-footer button'])).toEqual([]);
      expect(await smallButtons(kiosk)).toEqual([]);

      await kiosk.click('[data-action="done"]');
      await kiosk.click('.kiosk-footer button >> nth=0');
      await kiosk.waitForSelector('[data-testid="code-entry"]');
      // The code typed on the keypad opens its rating form; a chosen face opens the keyboard too.
      const served = await servedTicket(await staffAt(1, 1), 1);
      expect(await offScreen(kiosk, ['[data-testid="code-entry"]', '[data-testid="rate-find"]', '[data-action="clear"]', '.kiosk-footer button'])).toEqual([]);
      expect(await smallButtons(kiosk)).toEqual([]);
      for (const k of served.checkCode) await kiosk.click(`.keypad [data-key="${k}"]`);
      await kiosk.click('[data-testid="rate-find"]');
      await kiosk.waitForSelector('.face');
      await kiosk.click('.face >> nth=0');
      await kiosk.waitForSelector('.vn-keyboard');
      expect(await offScreen(kiosk, ['.face:first-child', '.face:last-child', '.vn-keyboard', '[data-action="send"]', '.kiosk-footer button'])).toEqual([]);
      expect(await smallButtons(kiosk)).toEqual([]);
    }, 60_000);
  }

  it('counter 1366×768: sign-in (counter, officer, PIN, sign-in button) and the desk', async () => {
    const counter = await open('/counter', 1366, 768, desks[4] as string);
    await counter.waitForSelector('[data-counter="4"]');
    expect(await offScreen(counter, ['[data-counter="4"]', '[data-officer="4"]', 'input[type="password"]', '.keypad', 'button[type="submit"]'])).toEqual([]);
    await counter.click('[data-counter="4"]');
    await counter.click('[data-officer="4"]');
    for (const d of pinOf(4)) await counter.click(`.keypad button:text-is("${d}")`);
    await counter.click('button[type="submit"]');
    await counter.waitForSelector('[data-action="next"]');
    expect(await offScreen(counter, ['[data-action="next"]', '[data-action="finish"]', '[data-action="pause"]'])).toEqual([]);
  }, 30_000);

  it('rating tablet 1280×800: name tag, then faces, reasons, keyboard and send button together', async () => {
    const tablet = await open('/rating?counter=2', 1280, 800, tablet2);
    await tablet.waitForSelector('[data-testid="nametag-empty"]');
    expect(await offScreen(tablet, ['[data-testid="nametag-empty"]'])).toEqual([]);
    const staff = await staffAt(2, 2);
    await tablet.waitForSelector('[data-testid="nametag"] .name:has-text("Trần Văn Hùng")');
    expect(await offScreen(tablet, ['[data-testid="nametag"]'])).toEqual([]);
    await servedTicket(staff, 2);
    await tablet.waitForSelector('.face');
    expect(await offScreen(tablet, ['.face:first-child', '.face:last-child', '[data-action="send"]'])).toEqual([]);
    await tablet.click('.face >> nth=0');
    await tablet.waitForSelector('.vn-keyboard');
    // Typing a comment must not push the faces or the send button away.
    for (const k of 'cam on') await tablet.click(k === ' ' ? '.vn-keyboard button.wide' : `.vn-keyboard button:text-is("${k}")`);
    expect(await offScreen(tablet, ['h2', '.face:first-child', '.face:last-child', '.reasons button:last-child', '.comment-box', '.vn-keyboard', '[data-action="send"]'])).toEqual([]);
    expect(await smallButtons(tablet)).toEqual([]);
  }, 30_000);

  it('phone 390×844: the rating card fits the phone, face labels on at most two lines, send button inside the card', async () => {
    // Counter 3 serves Đất đai (service 3): an officer acts only on the tickets of their own desk.
    const served = await servedTicket(await staffAt(3, 3), 3, 3);
    const phone = await open(`/t/${served.id}`, 390, 844, null, true);
    await phone.waitForSelector('.face');
    await phone.click('.face >> nth=3');
    expect(await offScreen(phone, ['[data-testid="track-number"]', '.face:first-child', '.face:last-child', '[data-action="send"]'], { pageMayScroll: true })).toEqual([]);
    const fit = await phone.evaluate(() => {
      const card = document.querySelector('[data-action="send"]')?.closest('.card')?.getBoundingClientRect();
      const send = document.querySelector('[data-action="send"]')?.getBoundingClientRect();
      const labels = [...document.querySelectorAll('.face .label')].map((l) => {
        const style = getComputedStyle(l);
        return Math.round(l.getBoundingClientRect().height / parseFloat(style.lineHeight));
      });
      return { inside: !!card && !!send && send.left >= card.left && send.right <= card.right, labels };
    });
    expect(fit.inside).toBe(true);
    expect(fit.labels.length).toBe(4);
    expect(Math.max(...fit.labels)).toBeLessThanOrEqual(2);
  }, 30_000);

  for (const [width, height] of [[1920, 1080], [1366, 768]] as const) {
    it(`call display ${width}×${height}: the whole board on one screen`, async () => {
      // Someone being called now, so the big "now calling" panel is on the board.
      const staff = await staffAt(4, 4);
      expect((await issue(5)).status).toBe(201);
      expect((await fetch(`${srv.base}/api/counters/4/next`, { method: 'POST', headers: staff })).status).toBe(200);
      const display = await open('/display', width, height, displayDevice);
      await display.waitForSelector('[data-testid="now-number"]');
      expect(await offScreen(display, ['[data-testid="now-number"]', '[data-counter="4"]'])).toEqual([]);
    });
  }
});
