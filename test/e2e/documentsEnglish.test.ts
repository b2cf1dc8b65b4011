import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { enrollDevice, signedInAdmin } from '../helpers/devices';
import { launchChromium, screensHost } from '../helpers/screenSuite';

// "What to bring" on the kiosk's result screen in real Chromium (m013): in English the office's
// English list, in Vietnamese the Vietnamese one, and in English a service nobody translated still
// shows its Vietnamese list rather than nothing.
let browser: Browser;
let centre: Host;
let ward: Host;

beforeAll(async () => {
  [centre, ward] = await Promise.all([screensHost({ seed: 'centre' }), screensHost()]);
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await centre?.close();
  await ward?.close();
});

async function kiosk(host: Host, english: boolean): Promise<Page> {
  const base = `http://127.0.0.1:${host.port}`;
  const ctx = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  await ctx.addCookies([{ name: 'motcua_device', value: enrollDevice(host, 'kiosk'), url: base }]);
  const k = await ctx.newPage();
  await k.goto(`${base}/kiosk`);
  await k.waitForSelector('[data-testid="lang"]');
  if (english) await k.click('[data-testid="lang"]');
  return k;
}
/** Takes a number (no priority) and reads the result screen's list. */
async function documentsShown(k: Page, service: string): Promise<{ heading: string; items: string[] }> {
  await k.click(`[data-service="${service}"]`);
  await k.click('.priority-list .none');
  await k.waitForSelector('[data-testid="ticket-number"]');
  await k.waitForSelector('[data-testid="documents"] li');
  return {
    heading: (await k.textContent('[data-testid="documents"] h3'))?.trim() ?? '',
    items: await k.$$eval('[data-testid="documents"] li', (els) => els.map((e) => e.textContent ?? '')),
  };
}

describe('documents to bring on the kiosk', () => {
  it('the centre in English shows the English list; in Vietnamese the Vietnamese one', async () => {
    const en = await kiosk(centre, true);
    await en.click('.group-tile:has-text("Department of Justice")');
    expect(await documentsShown(en, 'AA01')).toEqual({
      heading: 'Documents to have ready',
      items: ['Application form (official template)', 'The applicant’s ID card (or passport)', 'Proof of residence'],
    });
    const vi = await kiosk(centre, false);
    await vi.click('.group-tile:has-text("Sở Tư pháp")');
    expect(await documentsShown(vi, 'AA01')).toEqual({
      heading: 'Giấy tờ cần chuẩn bị',
      items: ['Tờ khai theo mẫu', 'Căn cước (hoặc hộ chiếu) của người nộp', 'Giấy tờ chứng minh nơi cư trú'],
    });
    await en.context().close();
    await vi.context().close();
  }, 60_000);

  it('a ward service with documents only in Vietnamese shows them in English mode too; a translated one its English list', async () => {
    const admin = await signedInAdmin(ward);
    const ids = Object.fromEntries(((await admin.get('/api/services')).body as { id: number; code: string }[]).map((s) => [s.code, s.id]));
    expect((await admin.post('/api/admin/services', { id: ids.HT, documents: ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh'] })).status).toBe(200);
    expect((await admin.post('/api/admin/services', { id: ids.CT, documents: ['Bản chính cần chứng thực'], documentsEn: ['The originals to certify'] })).status).toBe(200);
    const en = await kiosk(ward, true);
    expect((await documentsShown(en, 'HT')).items).toEqual(['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh']);
    const en2 = await kiosk(ward, true);
    expect((await documentsShown(en2, 'CT')).items).toEqual(['The originals to certify']);
    const vi = await kiosk(ward, false);
    expect((await documentsShown(vi, 'CT')).items).toEqual(['Bản chính cần chứng thực']);
    // A ward service with no documents at all shows no list, in either language.
    const none = await kiosk(ward, true);
    await none.click('[data-service="DD"]');
    await none.click('.priority-list .none');
    await none.waitForSelector('[data-testid="ticket-number"]');
    expect(await none.locator('[data-testid="documents"]').count()).toBe(0);
    for (const k of [en, en2, vi, none]) await k.context().close();
  }, 60_000);
});
