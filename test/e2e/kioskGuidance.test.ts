// Issue #31, spoken guidance at the kiosk: a citizen who turns speech on hears every step (choose a
// service; what they chose and the priority question; their number and where the ticket is), a new
// step cuts off the one being said, "nghe lại" says it again, "dừng đọc" stops it, the volume is
// theirs; a service whose name the office recorded is said by name, else by its letter. Real Chromium
// playing the host's clips through Web Audio, an enrolled kiosk, an admin recording over HTTP.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { axeSerious } from '../helpers/axeAudit';
import { enrollDevice, signedInAdmin } from '../helpers/devices';
import { openKiosk } from '../helpers/kioskPage';
import { launchChromium, screensHost } from '../helpers/screenSuite';
import { shotFile } from '../helpers/shotFile';
import { toneWav } from '../helpers/voiceWav';

let browser: Browser;
let host: Host;
let kioskDevice: string;

beforeAll(async () => {
  host = await screensHost();
  kioskDevice = enrollDevice(host, 'kiosk');
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

interface Said {
  clip: string;
  how: 'playing' | 'said' | 'cut' | 'failed';
}

const kiosk = () => openKiosk(browser, host, { width: 1920, height: 1080 }, '', kioskDevice);

const heard = (p: Page): Promise<Said[]> => p.evaluate(() => [...((window as unknown as { __guidance?: Said[] }).__guidance ?? [])]);

/**
 * Waits until the log's tail, after `from` entries, holds these clips in order, each said to its end
 * but the last, which has at least begun (the rest of it adds nothing but seconds to the test).
 */
async function hears(p: Page, from: number, clips: string[]): Promise<Said[]> {
  await p.waitForFunction(
    ([n, want]) => {
      const log = ((window as unknown as { __guidance?: Said[] }).__guidance ?? []).slice(n as number);
      // Clips play one after another: one still playing is the newest, every one before it was said whole.
      const begun = log.filter((e) => e.how === 'said' || e.how === 'playing').map((e) => e.clip);
      return (want as string[]).every((c, i) => begun[i] === c);
    },
    [from, clips] as const,
    { timeout: 30_000 },
  );
  return (await heard(p)).slice(from);
}

async function turnSpeechOn(p: Page) {
  await p.getByRole('button', { name: 'Hỗ trợ tiếp cận' }).click();
  await p.getByRole('dialog', { name: 'Hỗ trợ tiếp cận' }).waitFor();
  await p.getByRole('button', { name: /Đọc hướng dẫn/ }).click();
  await p.getByTestId('a11y-speech-controls').waitFor();
}

describe('spoken guidance at the kiosk', () => {
  it('says each step in order, cuts a step off when the citizen moves on, says it again on request, and stops', async () => {
    const p = await kiosk();
    // Nothing is said to a citizen who did not ask.
    expect(await heard(p)).toEqual([]);
    await turnSpeechOn(p);
    await hears(p, 0, ['hd_chon_dich_vu']);
    // The speech controls are large enough to hit: ≥ 64 px like every kiosk target.
    const small = await p.$$eval('[data-testid="a11y-speech-controls"] button', (els) =>
      els.map((e) => e.getBoundingClientRect()).filter((r) => r.width < 64 || r.height < 64).length,
    );
    expect(small).toBe(0);
    await p.screenshot({ path: shotFile('kiosk-speech-panel.png') });
    expect(await axeSerious(p)).toEqual([]);

    await p.getByRole('button', { name: 'Nghe lại' }).click();
    let n = (await heard(p)).length;
    // Cut off at once by "dừng đọc": the clip ends cut, and nothing follows it.
    await p.getByRole('button', { name: 'Nghe lại' }).click();
    await p.getByRole('button', { name: 'Dừng đọc' }).click();
    await p.waitForFunction((k) => ((window as unknown as { __guidance?: Said[] }).__guidance ?? []).length > k, n);
    await p.waitForTimeout(500);
    const stopped = (await heard(p)).slice(n);
    expect(stopped.map((s) => s.how)).toContain('cut');
    expect(stopped.filter((s) => s.how === 'said').length).toBeLessThanOrEqual(1);

    // Volume: one step quieter, then back; the meter shows the citizen's level.
    const level = Number(await p.getByTestId('a11y-volume').getAttribute('value'));
    await p.getByRole('button', { name: 'Nhỏ hơn' }).click();
    expect(Number(await p.getByTestId('a11y-volume').getAttribute('value'))).toBe(level - 1);
    await p.getByRole('button', { name: 'To hơn' }).click();
    await p.getByRole('button', { name: 'Xong' }).click();

    // A tile: the home step (if still being said) is cut; what was chosen and the question follow.
    n = (await heard(p)).length;
    const tile = p.locator('.tile').first();
    const prefix = (await tile.locator('.prefix').textContent())?.trim() ?? '';
    expect(prefix).toMatch(/^[A-Z]$/);
    await tile.click();
    await p.getByText('Công dân có thuộc đối tượng ưu tiên không?').waitFor();
    await hears(p, n, ['hd_da_chon', 'hd_dich_vu', `letter_${prefix}`, 'hd_uu_tien']);

    n = (await heard(p)).length;
    await p.getByRole('button', { name: 'Không thuộc đối tượng ưu tiên' }).click();
    const number = (await p.getByTestId('ticket-number').textContent())?.trim() ?? '';
    expect(number.startsWith(prefix)).toBe(true);
    const after = await hears(p, n, ['hd_so_cua_ban', `letter_${prefix}`]);
    // The number's words follow its letter, then where the ticket is.
    await p.waitForFunction((k) => ((window as unknown as { __guidance?: Said[] }).__guidance ?? []).slice(k).some((e) => e.clip === 'hd_nhan_phieu' || e.clip === 'hd_xem_man_hinh'), n);
    const told = (await heard(p)).slice(n).map((s) => s.clip);
    expect(after[0]?.clip).toBe('hd_so_cua_ban');
    expect(told.length).toBeGreaterThan(3);
    expect(told.every((c) => !c.startsWith('hd_') || ['hd_so_cua_ban', 'hd_nhan_phieu', 'hd_xem_man_hinh'].includes(c))).toBe(true);
    expect((await heard(p)).some((s) => s.how === 'failed')).toBe(false);
    await p.screenshot({ path: shotFile('kiosk-speech-ticket.png') });
    await p.context().close();
  }, 120_000);

  it('says a service by the name the office recorded for it, in the office’s own voice', async () => {
    const admin = await signedInAdmin(host);
    const services = (await admin.get('/api/services')).body as { id: number; prefix: string; active: boolean; openNow: boolean }[];
    const first = services.find((s) => s.active && s.openNow);
    expect(first).toBeDefined();
    const saved = await admin.post('/api/admin/voice/clips', { zoneId: null, lang: 'vi', clip: `dv_${first!.id}`, wav: toneWav({ tone: 0.6 }).toString('base64') });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // Listed with the office's recordings (the admin sees it recorded), and nothing else changed.
    const listed = (await admin.get('/api/admin/voice')).body as { clips: { clip: string; scope: string }[] };
    expect(listed.clips.filter((c) => c.clip.startsWith('dv_'))).toEqual([expect.objectContaining({ clip: `dv_${first!.id}`, scope: 'office' })]);

    const p = await kiosk();
    await turnSpeechOn(p);
    await hears(p, 0, ['hd_chon_dich_vu']);
    await p.getByRole('button', { name: 'Xong' }).click();
    const n = (await heard(p)).length;
    await p.locator('.tile', { has: p.locator('.prefix', { hasText: new RegExp(`^${first!.prefix}$`) }) }).click();
    await p.getByText('Công dân có thuộc đối tượng ưu tiên không?').waitFor();
    const said = await hears(p, n, ['hd_da_chon', `dv_${first!.id}`, 'hd_uu_tien']);
    expect(said.map((s) => s.clip)).not.toContain('hd_dich_vu');
    await p.context().close();
  }, 120_000);
});
