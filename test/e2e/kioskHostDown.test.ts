// Issue #28 points 8 and 9, in Chromium on a paired kiosk at 1080×1920. While the host was down the
// tiles looked live, and a citizen who picked a service and a group was bounced home with a small
// "Mất kết nối tới máy chủ". Now nothing tappable looks live, the kiosk says so in large type, and a
// citizen part-way through keeps their choice. The steps after the tiles restate the chosen service.
// Walk-up rating takes the ticket's code alone.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { deviceClient, enrollDevice, signedInCounter } from '../helpers/devices';
import { launchChromium, screensHost } from '../helpers/screenSuite';
import { tempDir } from '../helpers/tempHost';
import type { Browser } from 'playwright-core';

let browser: Browser | undefined;
const running: Host[] = [];
afterEach(async () => {
  for (const h of running.splice(0)) await h.close();
  await browser?.close();
  browser = undefined;
});

async function start(dir: string, port?: number): Promise<Host> {
  const h = await screensHost({ dir, port });
  running.push(h);
  return h;
}
async function stop(h: Host): Promise<void> {
  running.splice(running.indexOf(h), 1);
  await h.close();
}

async function pairedKiosk(host: Host): Promise<Page> {
  browser = await launchChromium();
  const url = `http://127.0.0.1:${host.port}`;
  const ctx = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  await ctx.addCookies([{ name: 'motcua_device', value: enrollDevice(host, 'kiosk', null, 'kiosk sảnh'), url }]);
  const kiosk = await ctx.newPage();
  await kiosk.goto(`${url}/kiosk`);
  // The kiosk itself, not the pairing page: its tiles under its office's name.
  await kiosk.locator('[data-service="HT"]').waitFor();
  expect(await kiosk.textContent('.topbar h1')).toContain('UBND Phường Hòa Bình');
  return kiosk;
}

const tickets = (h: Host) => (h.db.prepare('SELECT number FROM tickets ORDER BY issue_order').all() as { number: string }[]).map((r) => r.number);

describe('the kiosk while the host is down', () => {
  it('home: the tiles give way to a large "numbers are paused"; they come back by themselves with the host', async () => {
    const dir = tempDir();
    let host = await start(dir);
    const kiosk = await pairedKiosk(host);
    const port = host.port;
    await stop(host);

    await kiosk.locator('[data-testid="host-down"]').waitFor({ timeout: 10_000 });
    expect(await kiosk.textContent('[data-testid="host-down"]')).toContain('Tạm dừng cấp số');
    expect(await kiosk.textContent('[data-testid="host-down"]')).toContain('hỏi cán bộ tại quầy');
    // Nothing a citizen could tap in vain: no tiles, and walk-up rating waits too.
    expect(await kiosk.locator('[data-service]').count()).toBe(0);
    expect(await kiosk.locator('.kiosk-footer button >> nth=0').isDisabled()).toBe(true);
    // Large enough to read from the line: the title at least 40 px.
    const size = await kiosk.locator('[data-testid="host-down"] .title').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThanOrEqual(40);

    host = await start(dir, port);
    await kiosk.locator('[data-service="HT"]').waitFor({ timeout: 20_000 });
    expect(await kiosk.locator('[data-testid="host-down"]').count()).toBe(0);
  }, 60_000);

  it('part-way: the chosen service is restated and kept, the groups wait greyed, and the number is taken once the host is back', async () => {
    const dir = tempDir();
    let host = await start(dir);
    const kiosk = await pairedKiosk(host);
    const port = host.port;
    await kiosk.locator('[data-service="HT"]').click();
    await kiosk.locator('.priority-list').waitFor();
    expect(await kiosk.textContent('[data-testid="chosen-service"]')).toContain('Hộ tịch');
    expect(await kiosk.textContent('[data-testid="chosen-service"]')).toContain('Thủ tục đã chọn');

    await stop(host);
    await kiosk.locator('[data-testid="host-down"]').waitFor({ timeout: 10_000 });
    expect(await kiosk.locator('.priority-list .none').isDisabled()).toBe(true);
    expect(await kiosk.textContent('[data-testid="chosen-service"]')).toContain('Hộ tịch');
    expect(await kiosk.locator('.priority-list').count()).toBe(1);

    host = await start(dir, port);
    await expect.poll(() => kiosk.locator('.priority-list .none').isEnabled(), { timeout: 20_000 }).toBe(true);
    expect(await kiosk.locator('[data-testid="host-down"]').count()).toBe(0);
    await kiosk.locator('.priority-list .none').click();
    await kiosk.locator('[data-testid="ticket-number"]').waitFor();
    expect(await kiosk.textContent('[data-testid="ticket-number"]')).toBe('A001');
    expect(tickets(host)).toEqual(['A001']);
  }, 60_000);

  it('a request for a number lost on the way: the choice is kept for one more tap, and one number is issued', async () => {
    const host = await start(tempDir());
    const kiosk = await pairedKiosk(host);
    await kiosk.route('**/api/tickets', (r) => r.abort('internetdisconnected'), { times: 1 });
    await kiosk.locator('[data-service="HT"]').click();
    await kiosk.locator('.priority-list .none').click();
    await kiosk.locator('[data-testid="issue-retry"]').waitFor();
    expect(await kiosk.textContent('[data-testid="issue-retry"]')).toContain('Chưa lấy được số');
    expect(await kiosk.textContent('[data-testid="chosen-service"]')).toContain('Hộ tịch');
    expect(await kiosk.locator('[data-testid="action-error"]').count()).toBe(0);
    expect(tickets(host)).toEqual([]);
    await kiosk.locator('[data-action="retry-issue"]').click();
    await kiosk.locator('[data-testid="ticket-number"]').waitFor();
    expect(await kiosk.textContent('[data-testid="ticket-number"]')).toBe('A001');
    expect(tickets(host)).toEqual(['A001']);
  }, 60_000);
});

describe('walk-up rating by the code alone, in Chromium', () => {
  it('one screen: the five-character code from the paper opens the rating form; a wrong one says so', async () => {
    const host = await start(tempDir());
    const kiosk = await pairedKiosk(host);
    const api = deviceClient(host, 'kiosk');
    const staff = await signedInCounter(host, 1);
    const t = (await api.post('/api/tickets', { serviceId: 1 })).body as { id: string; number: string; checkCode: string };
    expect((await staff.post(`/api/tickets/${t.id}/call`, { counterId: 1 })).status).toBe(200);
    expect((await staff.post(`/api/tickets/${t.id}/finish`, {})).status).toBe(200);

    await kiosk.locator('.kiosk-footer button >> nth=0').click();
    await kiosk.locator('[data-testid="code-entry"]').waitFor();
    // No number step: the code is asked for first, and the screen says where it is on the paper.
    expect(await kiosk.locator('[data-testid="rate-entry"]').count()).toBe(0);
    expect(await kiosk.textContent('.rate-lookup')).toContain('Không cần nhập số thứ tự');
    const wrong = t.checkCode.startsWith('A') ? `C${t.checkCode.slice(1)}` : `A${t.checkCode.slice(1)}`;
    for (const ch of wrong) await kiosk.click(`.keypad button[data-key="${ch}"]`);
    await kiosk.click('[data-testid="rate-find"]');
    await kiosk.locator('.error-banner:has-text("Mã phiếu không đúng")').waitFor();
    expect(await kiosk.locator('.face').count()).toBe(0);
    for (const ch of t.checkCode) await kiosk.click(`.keypad button[data-key="${ch}"]`);
    await kiosk.click('[data-testid="rate-find"]');
    await kiosk.locator('.face').first().waitFor();
    expect(await kiosk.textContent('h2')).toContain(t.number);
    await kiosk.click('.face[data-score="4"]');
    await kiosk.click('text=Gửi đánh giá');
    await kiosk.locator('.thanks').waitFor();
    expect(host.db.prepare('SELECT ticket_id AS t, score FROM ratings').all()).toEqual([{ t: t.id, score: 4 }]);
  }, 60_000);
});
