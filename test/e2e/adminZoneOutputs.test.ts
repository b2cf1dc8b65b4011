import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { browserWithHostPerTest } from '../helpers/screenSuite';
import { TEST_ADMIN_PASSWORD, enrollDevice } from '../helpers/devices';
import { PtyPair } from '../helpers/ptyPair';
import { STAFF, tempDir } from '../helpers/tempHost';
import { shotFile } from '../helpers/shotFile';

// Issue #15: a centre's speakers and LED boards per floor, set by an admin in real Chromium against an
// in-process host; a ward (one zone) keeps the forms it always had.
const suite = browserWithHostPerTest();
const pairs: PtyPair[] = [];
afterEach(async () => {
  for (const p of pairs.splice(0)) await p.stop();
});

async function devicesTab(h: Host, width = 1366, height = 768): Promise<Page> {
  const base = `http://127.0.0.1:${h.port}`;
  const ctx = await suite.browser().newContext({ viewport: { width, height } });
  await ctx.addCookies([{ name: 'motcua_device', value: enrollDevice(h, 'admin'), url: base }]);
  const admin = await ctx.newPage();
  await admin.goto(`${base}/admin`);
  await admin.fill('input[type="password"]', TEST_ADMIN_PASSWORD);
  await admin.click('button[type="submit"]');
  await admin.waitForSelector('[data-tab="devices"]');
  await admin.click('[data-tab="devices"]');
  await admin.waitForSelector('form[data-form="announcement"]');
  await admin.waitForSelector('form[data-form="boards"]');
  return admin;
}

async function save(admin: Page, form: string): Promise<void> {
  const posted = admin.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/api/admin/'));
  await admin.click(`${form} button[type="submit"]`);
  expect((await posted).status()).toBe(200);
  await admin.waitForSelector(`${form} [data-testid="save-message"]`);
}

function axeSource(): string {
  return fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
}

async function axeLabels(admin: Page): Promise<{ checked: number; violations: string[]; unlabelled: string[] }> {
  if (!(await admin.evaluate(() => 'axe' in window))) await admin.evaluate(axeSource());
  return admin.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ passes: unknown[]; violations: { id: string; nodes: { target: string[] }[] }[] }> } };
    const r = await w.axe.run(document, { runOnly: { type: 'rule', values: ['label', 'select-name', 'aria-input-field-name', 'form-field-multiple-labels', 'label-title-only', 'button-name', 'duplicate-id'] } });
    const unlabelled = [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select, textarea')]
      .filter((el) => el.offsetParent !== null && !(el.labels && el.labels.length > 0))
      .map((el) => el.outerHTML.slice(0, 120));
    return { checked: r.passes.length, violations: r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), unlabelled };
  });
}

const announcements = (h: Host) => h.queue.settings.getRaw('announcements') as { volume: number; zones: { zoneId: number; lang: string; volume: number; quietFrom: string | null; quietTo: string | null; enabled: boolean }[] };
const boards = (h: Host) => h.queue.settings.getRaw('boards') as Record<string, unknown>[];

describe('speakers and LED boards per floor, in the admin', () => {
  it('the centre gives floor 2 its own voice and a hall board, edits both again, and the panel stays labelled', async () => {
    const h = await suite.host({ seed: 'centre' });
    let admin = await devicesTab(h);
    const ann = 'form[data-form="announcement"]';
    const floor2 = `${ann} [data-zone="2"]`;
    await admin.waitForSelector(`${ann} [data-testid="announcement-zones"]`);
    await admin.click(`${floor2} label:has-text("Tầng 2: cài đặt riêng")`);
    // 40 %: the volume slider moved by keyboard, as an admin would; quiet after 16:30 until 07:00.
    await admin.focus(`${floor2} input[type="range"]`);
    for (let i = 0; i < 6; i++) await admin.keyboard.press('ArrowLeft');
    await admin.fill(`${floor2} input.time-input >> nth=0`, '16:30');
    await admin.fill(`${floor2} input.time-input >> nth=1`, '07:00');
    // Floor 2's quiet hours half filled: refused on screen, nothing sent.
    await admin.fill(`${floor2} input.time-input >> nth=1`, '');
    await admin.click(`${ann} button[type="submit"]`);
    expect(await admin.textContent(`${ann} [data-testid="save-errors"]`)).toContain('Tầng 2 — giờ yên lặng');
    expect(announcements(h)).toBeNull();
    await admin.fill(`${floor2} input.time-input >> nth=1`, '07:00');
    await save(admin, ann);
    expect(announcements(h).zones).toEqual([{ zoneId: 2, enabled: true, lang: 'vi', repeat: 1, volume: 0.4, quietFrom: '16:30', quietTo: '07:00' }]);
    expect(announcements(h).volume).toBe(1);

    // Floor 2's hall board, on its own line.
    const brd = 'form[data-form="boards"]';
    await admin.click(`${brd} [data-testid="boards-zone-2"] button:has-text("Thêm bảng sảnh")`);
    const port = path.join(tempDir(), 'hall2');
    await admin.fill(`${brd} [data-testid="boards-zone-2"] [data-testid="board-1"] input >> nth=0`, port);
    await admin.selectOption(`${brd} [data-testid="boards-zone-2"] [data-testid="board-1"] select >> nth=0`, 'modbus');
    await save(admin, brd);
    expect(boards(h)).toEqual([{ kind: 'hall', zoneId: 2, port, baudRate: 9600, address: 1, rows: 2, protocol: 'modbus', blinkSeconds: 5 }]);

    // Edited a second time, after a reload: the form shows what was saved.
    admin = await devicesTab(h);
    expect(await admin.isChecked(`${floor2} input[type="checkbox"] >> nth=0`)).toBe(true);
    expect(await admin.textContent(`${floor2} .form-help >> text=/%/`)).toBe('40 %');
    await admin.selectOption(`${floor2} select`, 'both');
    await save(admin, ann);
    expect(announcements(h).zones).toEqual([{ zoneId: 2, enabled: true, lang: 'both', repeat: 1, volume: 0.4, quietFrom: '16:30', quietTo: '07:00' }]);
    expect(await admin.textContent(`${brd} [data-testid="boards-status-2"]`)).toContain('Số bảng: 1,');
    expect(await admin.locator(`${brd} [data-testid="boards-zone-1"] [data-testid^="board-"]`).count()).toBe(0);
    // A counter board on floor 1: its counter is chosen among floor 1's counters only.
    await admin.click(`${brd} [data-testid="boards-zone-1"] button:has-text("Thêm bảng quầy")`);
    const floor1Counters = h.queue.views.listCounters().filter((c) => c.zoneId === 1).map((c) => String(c.id));
    const offered = await admin
      .locator(`${brd} [data-testid="boards-zone-1"] [data-testid="board-2"]`)
      .getByLabel('Quầy', { exact: true })
      .evaluate((el) => [...(el as HTMLSelectElement).options].map((o) => o.value));
    expect(offered).toEqual(floor1Counters);
    await admin.fill(`${brd} [data-testid="boards-zone-1"] [data-testid="board-2"] input >> nth=0`, path.join(tempDir(), 'line1'));
    await save(admin, brd);
    expect(boards(h).map((b) => [b.kind, b.kind === 'hall' ? b.zoneId : b.counterId])).toEqual([
      ['hall', 2],
      ['counter', Number(floor1Counters[0])],
    ]);
    // Each floor's status line, from the save's answer.
    expect(await admin.textContent(`${brd} [data-testid="boards-status-1"]`)).toMatch(/^Số bảng: 1, đã kết nối: 0 · chưa kết nối: .*line1$/);
    expect(await admin.textContent(`${brd} [data-testid="boards-status-2"]`)).toMatch(/^Số bảng: 1,/);
    await admin.waitForTimeout(300);
    await admin.screenshot({ path: shotFile('centre-admin-outputs-1366x768.png'), fullPage: true });

    for (const lang of ['vi', 'en'] as const) {
      if (lang === 'en') await admin.click('[data-testid="lang"]');
      await admin.waitForTimeout(200);
      const r = await axeLabels(admin);
      expect(r.violations, lang).toEqual([]);
      expect(r.unlabelled, lang).toEqual([]);
      expect(r.checked).toBeGreaterThan(0);
    }
    expect(await admin.textContent(`${ann} [data-testid="announcement-zones"]`)).toContain('Floor 2: own settings');
    await admin.screenshot({ path: shotFile('centre-admin-outputs-en-1366x768.png'), fullPage: true });
  }, 120_000);

  it('a ward (one zone) sees the announcement form it always had and a plain board list', async () => {
    const h = await suite.host();
    const admin = await devicesTab(h);
    expect(await admin.locator('[data-testid="announcement-zones"]').count()).toBe(0);
    expect(await admin.locator('form[data-form="boards"] [data-testid^="boards-zone-"]').count()).toBe(0);
    await admin.click('form[data-form="boards"] button:has-text("Thêm bảng sảnh")');
    await admin.fill('form[data-form="boards"] [data-testid="board-1"] input >> nth=0', path.join(tempDir(), 'hall'));
    await save(admin, 'form[data-form="boards"]');
    expect(boards(h)).toMatchObject([{ kind: 'hall', zoneId: 1, address: 1, rows: 2, protocol: 'ascii' }]);
  }, 60_000);

  it("a ward's counter board on a real serial line: speed and blink set, edited twice, its line shown connected and unplugged as it happens", async () => {
    const pair = PtyPair.inDir(tempDir(), 'board');
    pairs.push(pair);
    await pair.start();
    const peer = await new Promise<SerialPort>((res, rej) => {
      const p = new SerialPort({ path: pair.peer, baudRate: 19200 }, (e) => (e ? rej(e) : res(p)));
    });
    const h = await suite.host();
    const admin = await devicesTab(h);
    const brd = 'form[data-form="boards"]';
    const b1 = admin.locator(`${brd} [data-testid="board-1"]`);
    await admin.click(`${brd} button:has-text("Thêm bảng quầy")`);
    await b1.getByLabel('Cổng').fill(pair.device);
    await b1.getByLabel('Tốc độ (baud)').selectOption('19200');
    await b1.getByLabel('Nhấp nháy (giây)').fill('2');
    await save(admin, brd);
    expect(boards(h)).toEqual([{ kind: 'counter', port: pair.device, baudRate: 19200, address: 1, counterId: 1, protocol: 'ascii', blinkSeconds: 2 }]);
    // The board is told at once where counter 1 stands (closed: blank), so its line opens with the save.
    const status = `${brd} [data-testid="boards-status"]`;
    await admin.waitForFunction((sel) => document.querySelector(sel)?.textContent?.startsWith('Số bảng: 1, đã kết nối: 1'), status);

    // Second edit, after a reload: the speed shows as saved and stays when only the blink time changes.
    await admin.reload();
    await admin.click('[data-tab="devices"]');
    await admin.waitForSelector(`${brd} [data-testid="board-1"]`);
    expect(await b1.getByLabel('Tốc độ (baud)').inputValue()).toBe('19200');
    await b1.getByLabel('Nhấp nháy (giây)').fill('0');
    await save(admin, brd);
    expect(boards(h)).toEqual([{ kind: 'counter', port: pair.device, baudRate: 19200, address: 1, counterId: 1, protocol: 'ascii', blinkSeconds: 0 }]);
    await admin.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('đã kết nối: 1'), status);

    // A second board on the same line at another speed is refused on screen, nothing sent.
    await admin.click(`${brd} button:has-text("Thêm bảng quầy")`);
    const b2 = admin.locator(`${brd} [data-testid="board-2"]`);
    expect(await b2.getByLabel('Tốc độ (baud)').inputValue()).toBe('19200');
    await b2.getByLabel('Tốc độ (baud)').selectOption('9600');
    await admin.click(`${brd} button[type="submit"]`);
    expect(await admin.textContent(`${brd} [data-testid="save-errors"]`)).toContain('phải cùng tốc độ (19200 baud)');
    expect(boards(h)).toHaveLength(1);
    await b2.getByRole('button', { name: 'Xóa', exact: true }).click();

    // Unplugged while the page is open: the next call finds the cable gone and the status line says so, no reload.
    peer.close();
    await pair.stop();
    h.queue.counters.open(1, 1);
    h.queue.issuer.issue({ serviceId: 1 });
    h.queue.calling.callNext(1, STAFF(1, 1));
    await admin.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('chưa kết nối:'), status, { timeout: 10_000 });
    expect(await admin.textContent(status)).toBe(`Số bảng: 1, đã kết nối: 0 · chưa kết nối: ${pair.device}`);
  }, 60_000);
});
