// Issue #29 in Chromium: a province admin made through the hub's real one-time setup link watches
// the live board while two real office hosts, joined through the real join flow, push their work.
// A number taken at an office changes its row without a reload; an office whose line is cut is
// marked stale with the time of its last push, and catches up, again without a reload.
import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { OutboxReader } from '../../electron/host/province/outboxReader';
import { joinProvince } from '../../electron/host/province/provinceJoin';
import { ProvinceLinkFile } from '../../electron/host/province/provinceLinkFile';
import { startHub } from '../../hub/hub';
import type { Hub } from '../../hub/hub';
import { deviceClient, signedInCounter } from '../helpers/devices';
import { hubPostgresPerFile } from '../helpers/hubPostgres';
import { browserWithHostPerTest } from '../helpers/screenSuite';
import { TcpProxy } from '../helpers/tcpProxy';
import { tempHost } from '../helpers/tempHost';
import { shotFile } from '../helpers/shotFile';

const pg = hubPostgresPerFile();
const { browser } = browserWithHostPerTest();
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

/** Offices heartbeat every second here, so "stale" can be 4 s instead of the real 2.5 minutes. */
const STALE_MS = 4000;

async function office(): Promise<Host> {
  const h = await tempHost({ provinceIdleMs: 200, provinceHeartbeatMs: 1000 });
  open.push(h);
  return h;
}
async function join(hub: Hub, o: Host, name: string, hubUrl: string): Promise<string> {
  const { office: row, code } = await hub.offices.add(name);
  const link = await joinProvince({ hubUrl, code, links: new ProvinceLinkFile(o.dataDir), outbox: new OutboxReader(o.db) });
  expect(link.officeId).toBe(row.id);
  return row.id;
}

describe('province live board', () => {
  it('shows both offices live, marks a cut one stale with its last push, and catches up without a reload', async () => {
    const hub = await startHub({ port: 0, databaseUrl: await pg.database(), log: () => undefined, staleMs: STALE_MS });
    open.push(hub);
    const proxy = new TcpProxy(hub.port);
    await proxy.start();
    open.push(proxy);
    const a = await office();
    const b = await office();
    const idA = await join(hub, a, 'UBND phường Hòa Bình', `http://127.0.0.1:${hub.port}`);
    const idB = await join(hub, b, 'UBND xã Tân Lập', `http://127.0.0.1:${proxy.port}`);

    const ctx = await browser().newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await ctx.newPage();
    // The real setup link, as the hub printed it.
    expect(hub.setupUrl).toBeTruthy();
    await page.goto(hub.setupUrl as string);
    await page.waitForSelector('[data-screen="province-setup"]');
    await page.fill('input[name="name"]', 'quantri.tinh');
    await page.fill('input[name="password"]', 'Hue-tinh-2026-an-toan');
    await page.fill('input[name="again"]', 'Hue-tinh-2026-an-toan');
    await page.click('button[type="submit"]');
    // The board itself, signed in as the province admin: not the setup or sign-in page.
    await page.waitForSelector('[data-screen="province"][data-page="board"] [data-testid="board"]');
    expect(await page.locator('[data-screen="province-sign-in"]').count()).toBe(0);
    expect(await page.textContent('[data-testid="signed-in"]')).toContain('quantri.tinh · Quản trị tỉnh');
    expect(page.url()).toMatch(/\/hub\/$/);
    // The session is in an HttpOnly cookie: the page's scripts cannot read it.
    expect((await ctx.cookies()).map((c) => [c.name, c.httpOnly, c.sameSite])).toEqual([['motcua_hub', true, 'Strict']]);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    await page.waitForSelector('[data-testid="live"][data-live="yes"]');
    const row = (id: string) => `tr[data-office="${id}"]`;
    await page.waitForSelector(`${row(idA)} td[data-col="link"]:has-text("gửi lúc")`);
    await page.waitForSelector(`${row(idB)} td[data-col="link"]:has-text("gửi lúc")`);
    expect(await page.textContent(`${row(idA)} td.name a`)).toBe('UBND phường Hòa Bình');
    expect(await page.textContent(`${row(idB)} td.name a`)).toBe('UBND xã Tân Lập');
    // A reload would lose this mark.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    const stayed = () => page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed === true);

    // A number taken at office A: its row changes live; B's does not.
    const waitingA = `${row(idA)} td[data-col="waiting"]`;
    expect(await page.textContent(waitingA)).toBe('0');
    const started = Date.now();
    expect((await deviceClient(a, 'kiosk').post('/api/tickets', { serviceId: 1 })).status).toBe(201);
    await page.waitForSelector(`${waitingA}:text-is("1")`, { timeout: 5000 });
    const seenAt = Date.now();
    // Within 2 s of the push landing at the hub (the office's own pace, 200 ms here, comes before it).
    const landed = (await hub.db.pool.query<{ at: Date }>("SELECT max(received_at) AS at FROM events WHERE office_id = $1 AND type = 'ticket.issued'", [idA])).rows[0]?.at as Date;
    expect(landed.getTime()).toBeGreaterThanOrEqual(started - 50);
    expect(seenAt - landed.getTime()).toBeLessThan(2000);
    expect(await page.textContent(`${row(idB)} td[data-col="waiting"]`)).toBe('0');
    // A counter opens and serves it: open counters and served follow.
    const desk = await signedInCounter(a, 1);
    const called = await desk.post('/api/counters/1/next', {});
    expect(called.status).toBe(200);
    expect((await desk.post(`/api/tickets/${called.body.id}/finish`, {})).status).toBe(200);
    await page.waitForSelector(`${row(idA)} td[data-col="served"]:text-is("1")`);
    await page.waitForSelector(`${row(idA)} td[data-col="counters"]:text-is("1")`);
    await page.waitForSelector(`${waitingA}:text-is("0")`);

    // B's line is cut. It keeps issuing; the board marks it stale with the time of its last push,
    // and it rises to the top with the reason in words.
    await proxy.cut();
    const cutAt = Date.now();
    expect((await deviceClient(b, 'kiosk').post('/api/tickets', { serviceId: 1 })).status).toBe(201);
    expect((await deviceClient(b, 'kiosk').post('/api/tickets', { serviceId: 2 })).status).toBe(201);
    await page.waitForSelector(`${row(idB)}[data-stale="yes"]`, { timeout: STALE_MS + 6000 });
    const last = (await hub.db.pool.query<{ at: Date }>('SELECT max(last_push_at) AS at FROM office_generations WHERE office_id = $1', [idB])).rows[0]?.at as Date;
    expect(last.getTime()).toBeLessThanOrEqual(cutAt + 500);
    const hhmm = last.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });
    expect(await page.textContent(`${row(idB)} td[data-col="link"]`)).toBe(`Mất liên lạc — lần gửi cuối ${hhmm}`);
    expect(await page.textContent(`${row(idB)} [data-testid="reasons"]`)).toContain("Mất liên lạc với hub tỉnh");
    expect(await page.getAttribute('tbody tr:first-child', 'data-office')).toBe(idB);
    // What the hub has not heard of is not shown as if it had: B still shows 0 waiting.
    expect(await page.textContent(`${row(idB)} td[data-col="waiting"]`)).toBe('0');
    // A is untouched by B's trouble.
    expect(await page.getAttribute(row(idA), 'data-stale')).toBe('no');
    await page.screenshot({ path: shotFile('hub-board-stale-1920x1080.png') });

    // The line comes back on the same address: B catches up, the board follows, no reload.
    await proxy.start();
    await page.waitForSelector(`${row(idB)}[data-stale="no"]`, { timeout: 30_000 });
    await page.waitForSelector(`${row(idB)} td[data-col="waiting"]:text-is("2")`, { timeout: 10_000 });
    expect(await page.textContent(`${row(idB)} td[data-col="link"]`)).toContain('gửi lúc');
    expect(await stayed()).toBe(true);

    // One office's page, from its row: A's figures, today's hours, its health history.
    await page.click(`${row(idA)} td.name a`);
    await page.waitForSelector(`[data-testid="office-page"][data-office="${idA}"]`);
    expect(await page.textContent('[data-testid="office-page"] h2')).toBe('UBND phường Hòa Bình');
    expect(await page.textContent('[data-fig="served"]')).toBe('1');
    expect(await page.getAttribute('[data-testid="hours-chart"]', 'aria-label')).toMatch(/^\d+h: 1$/);
    await page.waitForSelector('[data-testid="health-log"] tr');
    // What the office says of itself besides its health: its clock against the hub's, no backup yet
    // (backups are off in tests), and the kiosk that took its number, with when it was last seen.
    expect(await page.textContent('[data-testid="office-extras"]')).toContain('Đồng hồ của đơn vị: khớp với hub');
    expect(await page.textContent('[data-fact="backup"]')).toBe('chưa có bản sao lưu');
    expect(await page.textContent('[data-testid="devices"]')).toMatch(/test kioskKiosk lấy sốliên lạc lúc \d\d\/\d\d \d\d:\d\d/);
    await page.goBack();
    await page.waitForSelector(`${row(idB)} td[data-col="waiting"]:text-is("2")`);
    expect(await stayed()).toBe(true);
    await ctx.close();
  }, 120_000);
});
