// Issue #28, points 7 and 10, in Chromium at the real sizes. The kiosk promised "about 3 minutes"
// while no counter was open, and the phone read "0 people · 15 minutes" while its only counter was
// paused. Minutes are shown only where a counter that serves the service is open (signed in, not
// paused); otherwise the screens say so, and a number can still be taken. The phone also names the
// office and what its service is calling now, and where.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { deviceClient, enrollDevice, signedInCounter } from '../helpers/devices';
import { browserWithHostPerTest } from '../helpers/screenSuite';

const { browser, host: startHost } = browserWithHostPerTest();

const NO_COUNTER_VI = 'Chưa có quầy nào đang phục vụ thủ tục này';
/** The sample ward's Hộ tịch (A) is served by counters 1 and 2, Đất đai (C) by counter 3 only. */
const tile = (p: Page, code: string) => p.locator(`[data-service="${code}"]`);

describe('the kiosk promises minutes only while a counter serving the service is open', () => {
  it('none open: a plain message and still a number; a counter opens: minutes, live; paused: gone again', async () => {
    const host = await startHost();
    const url = `http://127.0.0.1:${host.port}`;
    const ctx = await browser().newContext({ viewport: { width: 1080, height: 1920 } });
    await ctx.addCookies([{ name: 'motcua_device', value: enrollDevice(host, 'kiosk', null, 'kiosk sảnh'), url }]);
    const kiosk = await ctx.newPage();
    await kiosk.goto(`${url}/kiosk`);
    // The kiosk itself, not the pairing page: its service tiles and its office's name.
    await tile(kiosk, 'HT').waitFor();
    expect(await kiosk.locator('[data-testid="pair-code"], .pairing').count()).toBe(0);
    expect(await kiosk.textContent('.topbar h1')).toContain('UBND Phường Hòa Bình');

    // No counter open anywhere: no tile promises minutes, each says why, plainly.
    await expect.poll(() => tile(kiosk, 'HT').locator('[data-testid="tile-no-counter"]').count()).toBe(1);
    expect(await tile(kiosk, 'HT').textContent()).toContain('Chưa có quầy mở — vẫn lấy số được');
    expect(await kiosk.locator('[data-testid="tile-eta"]').count()).toBe(0);
    expect(await kiosk.textContent('main')).not.toContain('phút');

    // The citizen still takes a number; the ticket screen says no wait can be estimated yet.
    await tile(kiosk, 'HT').click();
    await kiosk.locator('.priority-list .none').click();
    await kiosk.locator('[data-testid="ticket-number"]').waitFor();
    expect(await kiosk.textContent('[data-testid="ticket-number"]')).toBe('A001');
    expect(await kiosk.textContent('[data-testid="ticket-no-counter"]')).toContain(NO_COUNTER_VI);
    expect(await kiosk.textContent('.result-number')).not.toContain('phút');
    await kiosk.locator('[data-action="done"]').click();
    await tile(kiosk, 'HT').waitFor();

    // Counter 1 (Hộ tịch, Chứng thực) signs in on its own PC: minutes appear without a reload.
    const desk = await signedInCounter(host, 1);
    await tile(kiosk, 'HT').locator('[data-testid="tile-eta"]').waitFor({ timeout: 10_000 });
    expect(await tile(kiosk, 'HT').textContent()).toMatch(/Dự kiến chờ khoảng \d+ phút/);
    expect(await tile(kiosk, 'HT').locator('[data-testid="tile-no-counter"]').count()).toBe(0);
    // Đất đai's only counter is still closed.
    expect(await tile(kiosk, 'DD').locator('[data-testid="tile-no-counter"]').count()).toBe(1);
    await tile(kiosk, 'HT').click();
    await kiosk.locator('.priority-list .none').click();
    await kiosk.locator('[data-testid="ticket-eta"]').waitFor();
    expect(await kiosk.textContent('[data-testid="ticket-eta"]')).toMatch(/Dự kiến chờ khoảng \d+ phút/);
    expect(await kiosk.locator('[data-testid="ticket-no-counter"]').count()).toBe(0);
    await kiosk.locator('[data-action="done"]').click();

    // Its counter takes a break: the minutes go, without a reload.
    expect((await desk.post('/api/counters/1/pause', { reason: 'break' })).status).toBe(200);
    await tile(kiosk, 'HT').locator('[data-testid="tile-no-counter"]').waitFor({ timeout: 10_000 });
    expect(await tile(kiosk, 'HT').locator('[data-testid="tile-eta"]').count()).toBe(0);
    expect(await kiosk.textContent('main')).not.toContain('phút');

    // English second, the same rule.
    await kiosk.locator('[data-testid="lang"]').click();
    await expect.poll(() => tile(kiosk, 'HT').textContent()).toContain('No counter open yet — you can still take a number');
    await ctx.close();
  }, 90_000);
});

describe('the phone names the office and its service\'s call, and promises no minutes while its counter is paused', () => {
  it('office name, now calling at which counter, then no estimate while paused', async () => {
    const host = await startHost();
    const url = `http://127.0.0.1:${host.port}`;
    const kioskApi = deviceClient(host, 'kiosk');
    const desk = await signedInCounter(host, 1);
    const first = (await kioskApi.post('/api/tickets', { serviceId: 1 })).body as { id: string; number: string };
    const mine = (await kioskApi.post('/api/tickets', { serviceId: 1 })).body as { id: string; number: string };
    const called = await desk.post('/api/counters/1/next', {});
    expect((called.body as { number: string }).number).toBe(first.number);

    // A citizen's phone: no device credential, only the ticket's QR address.
    const ctx = await browser().newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const phone = await ctx.newPage();
    await phone.goto(`${url}/t/${mine.id}`);
    // The tracking page of this very ticket.
    await phone.locator('[data-testid="track-number"]').waitFor();
    expect(await phone.textContent('[data-testid="track-number"]')).toBe(mine.number);

    await phone.locator('[data-testid="track-office"]').waitFor();
    expect(await phone.textContent('[data-testid="track-office"]')).toContain('UBND Phường Hòa Bình');
    expect(await phone.textContent('[data-testid="track-calling-number"]')).toBe(first.number);
    expect(await phone.textContent('[data-testid="track-calling-counter"]')).toBe('Quầy 1');
    expect(await phone.textContent('[data-testid="track-eta"]')).toMatch(/Dự kiến chờ khoảng\s*\d+ phút/);
    // What is shown of someone else is the hall's: their number, never their ticket.
    expect(await phone.content()).not.toContain(first.id);

    // The citizen before is done: nobody of this service is at a counter now.
    expect((await desk.post(`/api/tickets/${first.id}/finish`, {})).status).toBe(200);
    await expect.poll(() => phone.locator('[data-testid="track-calling-number"]').count(), { timeout: 10_000 }).toBe(0);
    expect(await phone.textContent('[data-testid="track-now-calling"]')).toContain('Chưa có số nào của thủ tục này đang được mời');

    // Its only open counter pauses: "0 people · 15 minutes" is what it must not say.
    expect((await desk.post('/api/counters/1/pause', { reason: 'break' })).status).toBe(200);
    await phone.locator('[data-testid="track-no-counter"]').waitFor({ timeout: 10_000 });
    expect(await phone.locator('[data-testid="track-eta"]').count()).toBe(0);
    expect(await phone.textContent('.track')).not.toContain('phút');
    expect(await phone.textContent('[data-testid="track-ahead"]')).toBe('0');

    // Back from the break: the estimate comes back by itself.
    expect((await desk.post('/api/counters/1/resume', {})).status).toBe(200);
    await phone.locator('[data-testid="track-eta"]').waitFor({ timeout: 10_000 });
    expect(await phone.locator('[data-testid="track-no-counter"]').count()).toBe(0);
    await ctx.close();
  }, 90_000);
});
