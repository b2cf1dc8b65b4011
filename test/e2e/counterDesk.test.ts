// Issue #28 points 3, 12 and 13, at the counter PC (1366×768) in real Chromium against a real host
// whose clock the test moves.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { browserWithHostPerTest } from '../helpers/screenSuite';
import { counterBrowserCookies, enrollDevice, pinOf, signedInCounter } from '../helpers/devices';
import { FakeClock } from '../helpers/tempHost';

const suite = browserWithHostPerTest();
const W = 1366;
const H = 768;

async function counterPage(h: Host, cookies: { name: string; value: string; url: string }[]): Promise<Page> {
  const ctx = await suite.browser().newContext({ viewport: { width: W, height: H } });
  await ctx.addCookies(cookies);
  const p = await ctx.newPage();
  await p.goto(`http://127.0.0.1:${h.port}/counter`);
  return p;
}

/** A counter PC paired for `counterId` with its officer signed in, on the desk (proved by its heading). */
async function desk(h: Host, counterId: number, heading: string): Promise<Page> {
  const p = await counterPage(h, await counterBrowserCookies(h, counterId, counterId));
  await p.waitForFunction((text) => document.querySelector('.counter-app h1')?.textContent?.includes(text), heading);
  return p;
}

describe('a counter PC paired for Quầy 2 (#28 point 3)', () => {
  it('opens on Quầy 2’s sign-in with no counter list, and signs its officer in there', async () => {
    const h = await suite.host();
    const base = `http://127.0.0.1:${h.port}`;
    const p = await counterPage(h, [{ name: 'motcua_device', value: enrollDevice(h, 'counter', 2), url: base }]);
    await p.waitForSelector('.keypad');
    await p.waitForSelector('[data-own-counter="2"]');
    expect((await p.textContent('[data-own-counter="2"]'))?.trim()).toBe('Quầy 2');
    const text = (await p.textContent('.counter-login')) ?? '';
    expect(text).not.toContain('Chọn quầy');
    expect(await p.$$('[data-counter]')).toHaveLength(0);
    // Only the officer and the PIN are asked.
    await p.click('[data-officer="2"]');
    for (const d of pinOf(2)) await p.click(`.keypad button:text-is("${d}")`);
    await p.click('.login-pin button[type="submit"]');
    await p.waitForFunction(() => document.querySelector('.counter-app h1')?.textContent?.includes('Quầy 2 — Trần Văn Hùng'));
    expect(h.queue.ctx.counter(2)).toMatchObject({ status: 'open', officer_id: 2 });
    // Nothing else was opened.
    for (const other of [1, 3, 4]) expect(h.queue.ctx.counter(other).status).toBe('closed');
  }, 60_000);
});

describe('Bỏ qua (#28 point 13)', () => {
  it('is not offered right after a single call; a recall opens it', async () => {
    const clock = new FakeClock();
    const h = await suite.host({ clock, timeTickMs: 100 });
    const p = await desk(h, 1, 'Quầy 1 — Nguyễn Thị Lan');
    const a = h.queue.issuer.issue({ serviceId: 1 });
    await p.click('[data-action="next"]');
    await p.waitForFunction(() => document.querySelector('[data-testid="current-ticket"] .num')?.textContent === 'A001');
    await p.waitForSelector('[data-testid="skip-wait"]');
    expect(await p.textContent('[data-testid="skip-wait"]')).toMatch(/Bỏ qua sau (60|59) giây.*hoặc gọi lại trước/);
    expect(await p.$('[data-action="skip"]')).toBeNull();
    // Its key does nothing either, and the host's ticket is unchanged.
    clock.advance(1000);
    await p.keyboard.press('b');
    await p.waitForTimeout(400);
    expect(h.queue.ctx.ticket(a.id).state).toBe('called');
    expect(await p.$('[data-testid="action-error"]')).toBeNull();

    await p.click('[data-action="recall"]');
    await p.waitForSelector('[data-action="skip"]:not([disabled])');
    expect(await p.$('[data-testid="skip-wait"]')).toBeNull();
    await p.click('[data-action="skip"]');
    await p.waitForFunction(() => [...document.querySelectorAll('.panel h2')].some((e) => e.textContent === 'Vắng mặt'));
    expect(h.queue.ctx.ticket(a.id).state).toBe('skipped');
  }, 60_000);

  it('opens by itself once the office’s minimum has passed since the call', async () => {
    const clock = new FakeClock();
    const h = await suite.host({ clock, timeTickMs: 100 });
    h.queue.settings.set({ ...h.queue.settings.get(), skipMinSeconds: 90 });
    const p = await desk(h, 1, 'Quầy 1 — Nguyễn Thị Lan');
    const a = h.queue.issuer.issue({ serviceId: 1 });
    await p.click('[data-action="next"]');
    await p.waitForSelector('[data-testid="skip-wait"]');
    expect(await p.textContent('[data-testid="skip-wait"]')).toMatch(/Bỏ qua sau (90|89) giây/);
    clock.advance(60_000);
    await p.waitForTimeout(400);
    // Still closed at 60 s: the office asked for 90.
    expect(await p.$('[data-action="skip"]')).toBeNull();
    clock.advance(31_000);
    // The host's timer tells the screen; nobody reloads it.
    await p.waitForSelector('[data-action="skip"]:not([disabled])', { timeout: 5000 });
    await p.keyboard.press('b');
    await p.waitForFunction(() => [...document.querySelectorAll('.panel h2')].some((e) => e.textContent === 'Vắng mặt'));
    expect(h.queue.ctx.ticket(a.id).state).toBe('skipped');
  }, 60_000);
});

describe('the waiting list at 1366×768 (#28 point 12)', () => {
  it('uses the screen’s height, shows both services, each ticket’s wait, its group by name, and where a transferred one came from', async () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 23, 1, 0)); // 08:00 in Hà Nội
    const h = await suite.host({ clock });
    // Nine for Hộ tịch (one elderly), then six for Chứng thực (one pregnant), two minutes and one apart.
    for (let i = 0; i < 9; i++) {
      h.queue.issuer.issue({ serviceId: 1, priority: i === 3 ? 'elderly' : null });
      clock.minutes(2);
    }
    for (let i = 0; i < 6; i++) {
      h.queue.issuer.issue({ serviceId: 2, priority: i === 1 ? 'pregnant' : null });
      clock.minutes(1);
    }
    const p = await desk(h, 1, 'Quầy 1 — Nguyễn Thị Lan');
    // Quầy 2 calls its next citizen and sends them on to Quầy 1.
    const two = await signedInCounter(h, 2);
    const called = (await two.post('/api/counters/2/next')).body as { id: string; number: string };
    clock.minutes(3);
    expect((await two.post(`/api/tickets/${called.id}/transfer`, { counterId: 1 })).status).toBe(200);
    await p.waitForFunction((n) => document.querySelectorAll(`[data-testid="queue"] li[data-number="${n}"]`).length === 1 && document.querySelectorAll('[data-testid="queue"] li[data-number]').length === 15, called.number);
    await p.waitForTimeout(300);

    const m = await p.evaluate(() => {
      const box = (e: Element | null) => e?.getBoundingClientRect() ?? null;
      const panel = box(document.querySelector('[data-testid="queue"]')?.closest('.panel') ?? null);
      const groups = [...document.querySelectorAll('.queue-group')].map((g) => ({ heading: g.querySelector('h3')?.textContent ?? '', first: g.querySelector('li')?.getAttribute('data-number') ?? '' }));
      // Seen means the row's middle is what the screen shows at that point (not scrolled away).
      const seen = (n: string) => {
        const li = document.querySelector(`[data-testid="queue"] li[data-number="${n}"]`);
        const r = box(li);
        if (!li || !r) return false;
        const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return !!at && li.contains(at) && r.bottom <= window.innerHeight;
      };
      const row = (n: string) => document.querySelector(`[data-testid="queue"] li[data-number="${n}"]`)?.textContent ?? '';
      return { panel, groups, seen: { A001: seen('A001'), A004: seen('A004'), B001: seen('B001') }, row: { A001: row('A001'), A004: row('A004') }, scrollH: document.documentElement.scrollHeight };
    });
    // The list's panel runs to the bottom of the window (22 px margin), not a 323-px box over 220 px of nothing.
    expect(m.panel).not.toBeNull();
    expect(H - (m.panel?.bottom ?? 0)).toBeLessThanOrEqual(24);
    expect(m.panel?.height ?? 0).toBeGreaterThan(0.75 * H);
    expect(m.scrollH).toBeLessThanOrEqual(H);
    // Both services are on screen, each with its first tickets.
    expect(m.groups.map((g) => g.heading)).toEqual(expect.arrayContaining(['Hộ tịch · 9', expect.stringMatching(/^Chứng thực · \d$/)]));
    expect(m.seen).toEqual({ A001: true, A004: true, B001: true });
    // Waits on the host's clock: A001 came at 08:00, and it is now 08:27.
    expect(m.row.A001).toContain('chờ 27 phút');
    expect(m.row.A004).toContain('★ Người cao tuổi');
    expect(m.row.A004).toContain('chờ 21 phút');
    const moved = p.locator(`[data-testid="queue"] li[data-number="${called.number}"]`);
    expect(await moved.textContent({ timeout: 2000 })).toContain('chuyển từ Quầy 2');
  }, 60_000);
});
