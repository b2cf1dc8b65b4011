// The sample provincial centre's screens (issue #15), for `npm run screenshots` (SCREENS=centre
// takes only these): the kiosk's group list, one group's procedures, a search, the result screen
// sending the citizen to floor 2, and each floor's display with a call on floor 2.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { openDatabase } from '../electron/host/db/openDatabase';
import { seedIfEmpty } from '../electron/host/db/seed';
import { QueueService } from '../electron/host/queue/queueService';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/browser';
import { TEST_ADMIN_PASSWORD, enrollCli, pinOf } from '../test/helpers/devices';
import { startServe } from '../test/helpers/serveProcess';

/**
 * A data folder holding the centre at its busiest (issue #15's bench): 40 counters serving, 2,000
 * waiting. Written before the host starts, as a day's work would have left it.
 */
function busyCentre(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-shots-busy-'));
  const db = openDatabase({ file: path.join(dir, 'motcua.sqlite'), backupDir: path.join(dir, 'backups') });
  seedIfEmpty(db, { adminPassword: TEST_ADMIN_PASSWORD, alwaysOpen: true, sample: 'centre' });
  const q = new QueueService({ db });
  const services = q.views.listServices().map((s) => s.id);
  const counters = q.views.listCounters().map((c) => c.id);
  counters.forEach((c, i) => q.counters.open(c, i + 1));
  for (let i = 0; i < 2040; i++) q.issuer.issue({ serviceId: services[(i * 37) % services.length] as number });
  counters.forEach((c, i) => q.calling.callNext(c, { counterId: c, officerId: i + 1, admin: false }));
  db.close();
  return dir;
}

export async function centreScreens(out: string): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-shots-centre-'));
  const srv = await startServe(dir, { MOTCUA_SEED: 'centre' });
  const kiosk = enrollCli(dir, 'kiosk');
  const display = enrollCli(dir, 'display');
  const desk = enrollCli(dir, 'counter', 33);
  const desk1 = enrollCli(dir, 'counter', 3);
  const admin = enrollCli(dir, 'admin');
  const post = (p: string, body: unknown, device: string, cookie?: string) =>
    fetch(srv.base + p, {
      method: 'POST',
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}), 'x-device-token': device },
      body: body ? JSON.stringify(body) : undefined,
    });
  const login = async (counterId: number, officerId: number, device: string) =>
    ((await post('/api/auth/login', { counterId, officerId, pin: pinOf(officerId) }, device)).headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const cookie = await login(33, 1, desk);
  const cookie1 = await login(3, 2, desk1);
  // A morning's line: a few people waiting in several departments.
  for (const sid of [6, 6, 7, 11, 31, 81, 81, 82, 76, 96]) await post('/api/tickets', { serviceId: sid }, kiosk);
  await post('/api/counters/3/next', undefined, desk1, cookie1);

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const shots: string[] = [];
  const open = async (url: string, w: number, h: number, device: string): Promise<Page> => {
    const ctx = await browser.newContext({ viewport: { width: w, height: h } });
    await ctx.addCookies([{ name: 'motcua_device', value: device, url: srv.base }]);
    const p = await ctx.newPage();
    await p.goto(srv.base + url);
    return p;
  };
  const shot = async (p: Page, screen: string, state: string) => {
    await p.evaluate(() => document.fonts.ready);
    await p.waitForTimeout(300);
    const { width, height } = p.viewportSize() ?? { width: 0, height: 0 };
    const name = `${screen}-${state}-${width}x${height}.png`;
    await p.screenshot({ path: path.join(out, name) });
    shots.push(name);
  };

  for (const [w, h] of [[1080, 1920], [1920, 1080]] as const) {
    const k = await open('/kiosk?zone=1', w, h, kiosk);
    await k.waitForSelector('.group-tile');
    await shot(k, 'centre-kiosk', 'groups');
    await k.click('.group-tile:has-text("Đất đai")');
    await k.waitForSelector('[data-service="BA01"]');
    await shot(k, 'centre-kiosk', 'group');
    await k.click('.back-to-groups');
    await k.click('[data-action="search"]');
    for (const ch of 'ho chieu') await k.click(ch === ' ' ? '.vn-keyboard button[aria-label="Dấu cách"]' : `.vn-keyboard button:text-is("${ch}")`);
    await k.waitForSelector('[data-service="QA01"]');
    await shot(k, 'centre-kiosk', 'search');
    await k.click('[data-service="QA01"]');
    await k.click('.priority-list .none');
    await k.waitForSelector('[data-testid="where-to-go"] .counters');
    await shot(k, 'centre-kiosk', 'result');
    await k.close();
  }

  await post('/api/counters/33/next', undefined, desk, cookie);
  for (const [w, h] of [[1920, 1080], [1366, 768]] as const) {
    for (const zone of [1, 2]) {
      const d = await open(`/display?zone=${zone}&speaker=0`, w, h, display);
      await d.waitForSelector('[data-testid="display-zone"]');
      await shot(d, 'centre-display', `floor${zone}`);
      await d.close();
    }
    // One display for the whole centre: all 40 counters on screen.
    const all = await open('/display?speaker=0', w, h, display);
    await all.waitForSelector('[data-counter="40"]');
    await shot(all, 'centre-display', 'all');
    await all.close();
  }
  // Counter 3 (Đất đai) with 300 citizens waiting for its five procedures.
  for (let i = 0; i < 300; i++) await post('/api/tickets', { serviceId: 6 + (i % 7 < 3 ? 0 : (i % 5)) }, kiosk);
  {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await ctx.addCookies([
      { name: 'motcua_device', value: desk1, url: srv.base },
      { name: 'motcua_session', value: cookie1.split('=')[1] ?? '', url: srv.base },
    ]);
    const c = await ctx.newPage();
    await c.goto(`${srv.base}/counter`);
    await c.waitForSelector('[data-testid="queue"] li[data-number]');
    await shot(c, 'centre-counter', 'queue-300');
    await ctx.close();
  }

  // The admin's departments & zones tab.
  const a = await open('/admin', 1366, 768, admin);
  await a.fill('input[type="password"]', TEST_ADMIN_PASSWORD);
  await a.click('button[type="submit"]');
  await a.click('[data-tab="catalogue"]');
  await a.waitForSelector('[data-service-row="AA01"]');
  await shot(a, 'centre-admin', 'catalogue');
  srv.child.kill('SIGTERM');

  // The same hall at its busiest: every counter serving, the three newest calls lit.
  const busyDir = busyCentre();
  const busy = await startServe(busyDir);
  const busyDisplay = enrollCli(busyDir, 'display');
  for (const [w, h] of [[1920, 1080], [1366, 768]] as const) {
    for (const [url, state] of [['/display?speaker=0', 'busy-all'], ['/display?zone=2&speaker=0', 'busy-floor2']] as const) {
      const ctx = await browser.newContext({ viewport: { width: w, height: h } });
      await ctx.addCookies([{ name: 'motcua_device', value: busyDisplay, url: busy.base }]);
      const d = await ctx.newPage();
      await d.goto(busy.base + url);
      await d.waitForSelector('[data-testid="now-number"]');
      await shot(d, 'centre-display', state);
      await ctx.close();
    }
  }
  await browser.close();
  busy.child.kill('SIGTERM');
  return shots;
}
