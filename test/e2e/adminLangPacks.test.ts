// The admin's language packs (#31) in Chromium, as a signed-in admin browser: a broken pack is
// refused with its reason and changes nothing; the Khmer test sample imports, shows how much is
// missing, is turned on for the kiosk, and the kiosk's config then offers it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { writeZip } from '../../shared/zipArchive';
import { flattenCatalog } from '../../shared/i18n/langPack';
import viCatalog from '../../shared/locales/vi.json';
import { TEST_ADMIN_PASSWORD, deviceClient, enrollDevice } from '../helpers/devices';
import { launchChromium, screensHost } from '../helpers/screenSuite';
import { shotFile } from '../helpers/shotFile';

const FIXTURE = 'test/fixtures/lang/km-sample';
let browser: Browser;
let host: Host;
let dir: string;

beforeAll(async () => {
  browser = await launchChromium();
  host = await screensHost();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-langzip-'));
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await host?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function zipFileOf(name: string, messages: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, writeZip([{ name: 'messages.json', data: messages }, { name: 'meta.json', data: fs.readFileSync(`${FIXTURE}/meta.json`) }]));
  return file;
}

describe('language packs in the admin', () => {
  it('refuses a broken pack with its reason, imports the sample, turns it on for the kiosk', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await ctx.addCookies([{ name: 'motcua_device', value: enrollDevice(host, 'admin'), url: `http://127.0.0.1:${host.port}` }]);
    const page = await ctx.newPage();
    await page.goto(`http://127.0.0.1:${host.port}/admin`);
    await page.fill('input[type="password"]', TEST_ADMIN_PASSWORD);
    await page.click('button[type="submit"]');
    await page.click('[data-tab="office"]');
    const panel = page.locator('[data-testid="lang-packs"]');
    await panel.waitFor();

    await panel.locator('[data-testid="lang-pack-file"]').setInputFiles(zipFileOf('broken.zip', Buffer.from(JSON.stringify({ goToZone: 'Mời lên' }))));
    await expect.poll(() => panel.locator('[data-testid="lang-pack-note"]').innerText()).toContain('"goToZone" thiếu chỗ điền {zone}');
    expect(await panel.locator('fieldset').count()).toBe(0);

    await panel.locator('[data-testid="lang-pack-file"]').setInputFiles(zipFileOf('km.zip', fs.readFileSync(`${FIXTURE}/messages.json`)));
    const total = Object.keys(flattenCatalog(viCatalog)).length;
    // Counts read as Vietnamese write them (1.160), both of them: the catalog passed a thousand keys.
    const vn = (n: number) => new Intl.NumberFormat('vi').format(n);
    await expect.poll(() => panel.locator('[data-testid="lang-pack-count-km"]').innerText().catch(() => '')).toBe(`6/${vn(total)} câu đã dịch; ${vn(total - 6)} câu còn hiện tiếng Việt`);
    expect(await panel.locator('[data-testid="lang-pack-km"]').innerText()).toContain('MẪU THỬ');

    const kioskConfig = deviceClient(host, 'kiosk');
    expect(((await kioskConfig.get('/api/config')).body as { languagePacks: unknown[] }).languagePacks).toEqual([]);
    // The box follows the host: it shows ticked once the host has saved it.
    await panel.locator('[data-testid="lang-pack-km-kiosk"]').click();
    await expect.poll(() => panel.locator('[data-testid="lang-pack-km-kiosk"]').isChecked()).toBe(true);
    await expect.poll(async () => ((await kioskConfig.get('/api/config')).body as { languagePacks: unknown[] }).languagePacks).toEqual([{ code: 'km', name: 'ខ្មែរ (គំរូ)', dir: 'ltr', font: 'Noto Sans Khmer', screens: ['kiosk'] }]);
    // Only the kiosk: the tracking page, rating and display boxes stay as they were.
    for (const s of ['track', 'rating', 'display']) expect(await panel.locator(`[data-testid="lang-pack-km-${s}"]`).isChecked()).toBe(false);
    await panel.screenshot({ path: shotFile('admin-lang-packs.png') });
    await ctx.close();
  }, 90_000);
});
