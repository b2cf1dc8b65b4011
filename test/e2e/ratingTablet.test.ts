// Issue #28 point 14: the rating tablet at a counter, opened or reloaded after the officer finished,
// still asks that citizen (the host says whom, for three minutes); five faces on one line at
// 1280×800. Real Chromium, paired devices, a signed-in counter PC, the host's clock moved.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { browserWithHostPerTest } from '../helpers/screenSuite';
import { counterBrowserCookies, enrollDevice } from '../helpers/devices';
import { FakeClock } from '../helpers/tempHost';

const suite = browserWithHostPerTest();

async function open(h: Host, url: string, width: number, height: number, cookies: { name: string; value: string; url: string }[]): Promise<Page> {
  const ctx = await suite.browser().newContext({ viewport: { width, height } });
  await ctx.addCookies(cookies);
  const p = await ctx.newPage();
  await p.goto(`http://127.0.0.1:${h.port}${url}`);
  return p;
}

const heading = (p: Page) => p.textContent('.rating h2');

/** The faces' boxes and how many lines each label takes. */
function faces(p: Page) {
  return p.$$eval('.face', (fs) =>
    fs.map((f) => {
      const r = f.getBoundingClientRect();
      const label = f.querySelector('.label');
      const range = document.createRange();
      if (label) range.selectNodeContents(label);
      const lines = new Set([...range.getClientRects()].map((x) => Math.round(x.top))).size;
      const svg = f.querySelector('svg')?.getBoundingClientRect();
      return { label: label?.textContent ?? '', top: r.top, bottom: r.bottom, height: r.height, left: r.left, faceTop: svg?.top ?? -1, lines };
    }),
  );
}

describe('the rating tablet after a reload (#28 point 14)', () => {
  it('still asks the last finished citizen until they rate or three minutes pass, then shows the name tag', async () => {
    const clock = new FakeClock();
    const h = await suite.host({ clock, timeTickMs: 100 });
    h.queue.settings.set({ ...h.queue.settings.get(), ratingLevels: 5 });
    const base = `http://127.0.0.1:${h.port}`;
    const tablet = await open(h, '/rating?counter=1', 1280, 800, [{ name: 'motcua_device', value: enrollDevice(h, 'rating', 1), url: base }]);
    // Nobody at Quầy 1 yet: the tablet's own waiting screen, not the pairing page.
    await tablet.waitForSelector('[data-testid="nametag-empty"]');
    expect(await tablet.textContent('[data-testid="nametag-empty"]')).toContain('Quầy 1');

    const counter = await open(h, '/counter', 1366, 768, await counterBrowserCookies(h, 1, 1));
    await counter.waitForFunction(() => document.querySelector('.counter-app h1')?.textContent?.includes('Quầy 1 — Nguyễn Thị Lan'));
    await tablet.waitForSelector('[data-testid="nametag"]');
    expect(await tablet.textContent('[data-testid="nametag"]')).toContain('Nguyễn Thị Lan');

    h.queue.issuer.issue({ serviceId: 1 });
    h.queue.issuer.issue({ serviceId: 1 });
    await counter.click('[data-action="next"]');
    await counter.waitForFunction(() => document.querySelector('[data-testid="current-ticket"] .num')?.textContent === 'A001');
    await counter.click('[data-action="finish"]');
    await tablet.waitForSelector('.face');
    expect(await heading(tablet)).toContain('A001');

    await tablet.reload();
    await tablet.waitForSelector('.face');
    expect(await heading(tablet)).toContain('số A001');
    expect(await heading(tablet)).toContain('Nguyễn Thị Lan');

    // Five faces in one row, at one height, every label on one line.
    const f = await faces(tablet);
    expect(f.map((x) => x.label)).toEqual(['Rất hài lòng', 'Hài lòng', 'Bình thường', 'Không hài lòng', 'Rất không hài lòng']);
    for (const x of f) {
      expect(x.lines, x.label).toBe(1);
      expect(Math.abs(x.top - f[0]!.top), x.label).toBeLessThanOrEqual(1);
      expect(Math.abs(x.height - f[0]!.height), x.label).toBeLessThanOrEqual(1);
      expect(Math.abs(x.faceTop - f[0]!.faceTop), x.label).toBeLessThanOrEqual(1);
      expect(x.bottom).toBeLessThanOrEqual(800);
    }
    expect(f.map((x) => x.left)).toEqual([...f.map((x) => x.left)].sort((a, b) => a - b));
    // Chosen, the form opens its reasons and keyboard: the row stays one row at one height.
    await tablet.click('.face[data-score="1"]');
    await tablet.waitForSelector('.vn-keyboard');
    const open5 = await faces(tablet);
    for (const x of open5) {
      expect(x.lines, x.label).toBe(1);
      expect(Math.abs(x.top - open5[0]!.top), x.label).toBeLessThanOrEqual(1);
      expect(Math.abs(x.faceTop - open5[0]!.faceTop), x.label).toBeLessThanOrEqual(1);
    }
    await tablet.click('.face[data-score="5"]');
    await tablet.click('[data-action="send"]');
    await tablet.waitForSelector('.thanks');
    const a001 = h.db.prepare("SELECT ratings.score, ratings.counter_id, ratings.officer_id, ratings.source FROM ratings JOIN tickets ON tickets.id = ratings.ticket_id WHERE tickets.number = 'A001'").get();
    expect(a001).toEqual({ score: 5, counter_id: 1, officer_id: 1, source: 'tablet' });
    // Rated: a reload goes back to the name tag.
    await tablet.reload();
    await tablet.waitForSelector('[data-testid="nametag"]');
    expect(await tablet.$('.face')).toBeNull();

    // The next citizen leaves without rating: asked after a reload, not after three minutes.
    await counter.click('[data-action="next"]');
    await counter.waitForFunction(() => document.querySelector('[data-testid="current-ticket"] .num')?.textContent === 'A002');
    await counter.click('[data-action="finish"]');
    await tablet.waitForSelector('.face');
    clock.advance(2 * 60_000);
    await tablet.reload();
    await tablet.waitForSelector('.face');
    expect(await heading(tablet)).toContain('số A002');
    clock.advance(60_000);
    // The host's window ran out: the tablet returns to the name tag by itself…
    await tablet.waitForSelector('[data-testid="nametag"]', { timeout: 5000 });
    // …and stays there when reloaded.
    await tablet.reload();
    await tablet.waitForSelector('[data-testid="nametag"]');
    await tablet.waitForTimeout(500);
    expect(await tablet.$('.face')).toBeNull();
    expect(h.db.prepare("SELECT count(*) AS n FROM ratings JOIN tickets ON tickets.id = ratings.ticket_id WHERE tickets.number = 'A002'").get()).toEqual({ n: 0 });
  }, 90_000);

  it('another counter’s tablet does not ask Quầy 1’s citizen', async () => {
    const h = await suite.host();
    const base = `http://127.0.0.1:${h.port}`;
    const counter = await open(h, '/counter', 1366, 768, await counterBrowserCookies(h, 1, 1));
    await counter.waitForFunction(() => document.querySelector('.counter-app h1')?.textContent?.includes('Quầy 1'));
    h.queue.issuer.issue({ serviceId: 1 });
    await counter.click('[data-action="next"]');
    await counter.waitForFunction(() => document.querySelector('[data-testid="current-ticket"] .num')?.textContent === 'A001');
    await counter.click('[data-action="finish"]');
    // Paired for Quầy 2 but opened with Quầy 1's address: the pairing decides.
    const tablet2 = await open(h, '/rating?counter=1', 1280, 800, [{ name: 'motcua_device', value: enrollDevice(h, 'rating', 2), url: base }]);
    await tablet2.waitForSelector('[data-testid="nametag-empty"]');
    expect(await tablet2.textContent('[data-testid="nametag-empty"]')).toContain('Quầy 2');
    await tablet2.waitForTimeout(500);
    expect(await tablet2.$('.face')).toBeNull();
  }, 60_000);
});
