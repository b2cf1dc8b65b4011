import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { toWeek } from '../../shared/openingHours';
import type { OpeningWindow } from '../../shared/domain';
import { browserWithHostPerTest } from '../helpers/screenSuite';
import { TEST_ADMIN_PASSWORD, enrollDevice } from '../helpers/devices';
import { FakeClock } from '../helpers/tempHost';

// The admin's hours, holidays and English name as an office sets them, from a paired admin browser
// in real Chromium against an in-process host whose clock the test moves; the kiosk shows the result.
const suite = browserWithHostPerTest();

const base = (h: Host) => `http://127.0.0.1:${h.port}`;

async function paired(h: Host, role: 'admin' | 'kiosk' | 'display', url: string, width = 1366, height = 768): Promise<Page> {
  const ctx = await suite.browser().newContext({ viewport: { width, height } });
  await ctx.addCookies([{ name: 'motcua_device', value: enrollDevice(h, role), url: base(h) }]);
  const p = await ctx.newPage();
  await p.goto(base(h) + url);
  return p;
}

async function signedInAdmin(h: Host, width = 1366, height = 768): Promise<Page> {
  const admin = await paired(h, 'admin', '/admin', width, height);
  await admin.fill('input[type="password"]', TEST_ADMIN_PASSWORD);
  await admin.click('button[type="submit"]');
  await admin.waitForSelector('[data-tab="office"]');
  return admin;
}

/** Save the form and wait for the host's answer (a refusal fails here with its status). */
async function save(admin: Page, form: string): Promise<void> {
  const posted = admin.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/api/admin/'));
  await admin.click(`${form} button[type="submit"]`);
  expect((await posted).status()).toBe(200);
  await admin.waitForSelector(`${form} [data-testid="save-message"]`);
}

const storedHours = (h: Host, id: number): OpeningWindow[] => h.queue.views.listServices().find((s) => s.id === id)?.hours ?? [];

describe('opening hours, holidays and the English name from the admin screen', () => {
  it('hours of a service edited twice: the second edit keeps what it did not change; bad hours are refused with the day named', async () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 23, 2, 0)); // Monday 09:00 in Hà Nội
    const h = await suite.host({ clock, officeHours: true });
    const before = h.queue.views.listServices().find((s) => s.id === 1);
    // The service follows the office's hours (#28 point 4): Saturday morning only.
    expect(before?.hours).toEqual([]);
    expect(toWeek(h.queue.settings.get().hours)[5]).toEqual([{ from: '07:30', to: '11:30' }]);
    const admin = await signedInAdmin(h);
    await admin.click('[data-tab="services"]');
    await admin.click('.list li:has-text("Hộ tịch") button:has-text("Sửa")');
    await admin.waitForSelector('[data-testid="service-hours"]:has-text("theo giờ của đơn vị (T2–T6 07:30–11:30, 13:30–17:00 · T7 07:30–11:30)")');
    // Own hours ticked: they start as the office's, Saturday morning only, Sunday closed.
    await admin.check('[data-testid="limit-hours"]');
    const day = (n: number) => `[data-testid="hours-editor"] [data-day="${n}"]`;
    await admin.waitForSelector(day(6));
    expect(await admin.inputValue(`${day(6)} input.time-input >> nth=1`)).toBe('11:30');
    expect(await admin.isChecked(`${day(7)} input[type="checkbox"]`)).toBe(false);

    // First edit: a Saturday afternoon, and Sunday morning only.
    await admin.click(`${day(6)} button:has-text("+ Buổi 2")`);
    await admin.check(`${day(7)} input[type="checkbox"]`);
    await admin.click(`${day(7)} button:has-text("Bỏ buổi 2")`);
    await save(admin, '[data-form="service"]');
    const first = toWeek(storedHours(h, 1));
    expect(first[5]).toEqual([{ from: '07:30', to: '11:30' }, { from: '13:30', to: '17:00' }]);
    expect(first[6]).toEqual([{ from: '07:30', to: '11:30' }]);

    // Second edit, after a fresh load: Monday closes at 16:30; nothing else changes.
    await admin.reload();
    await admin.click('[data-tab="services"]');
    await admin.click('.list li:has-text("Hộ tịch") button:has-text("Sửa")');
    await admin.waitForSelector(day(1));
    await admin.fill(`${day(1)} input[aria-label="Thứ Hai, buổi 2, đến"]`, '16:30');
    await save(admin, '[data-form="service"]');
    const second = toWeek(storedHours(h, 1));
    expect(second[0]).toEqual([{ from: '07:30', to: '11:30' }, { from: '13:30', to: '16:30' }]);
    expect(second.slice(1)).toEqual(first.slice(1));
    const after = h.queue.views.listServices().find((s) => s.id === 1);
    expect(after).toMatchObject({ nameVi: before?.nameVi, nameEn: before?.nameEn, icon: before?.icon, prefix: 'A', alertMinutes: before?.alertMinutes });
    // Another service was not touched.
    expect(storedHours(h, 2)).toEqual(h.queue.views.listServices().find((s) => s.id === 3)?.hours);

    // Overlapping sessions: the screen says which day, the host is not asked, nothing changes.
    await admin.fill(`${day(2)} input[aria-label="Thứ Ba, buổi 2, từ"]`, '11:00');
    await admin.click('[data-form="service"] button[type="submit"]');
    await admin.waitForSelector('[data-form="service"] [data-testid="save-errors"]:has-text("Thứ Ba: buổi 11:00–17:00 trùng với buổi 07:30–11:30")');
    expect(toWeek(storedHours(h, 1))).toEqual(second);
    // The host refuses the same on its own, for a caller that skips the screen.
    const refused = await admin.evaluate(async () => {
      const r = await fetch('/api/admin/services', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 1, hours: [{ days: [2], from: '07:30', to: '11:30' }, { days: [2], from: '11:00', to: '17:00' }] }) });
      return { status: r.status, body: await r.text() };
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('Thứ Ba: buổi 11:00–17:00 trùng với buổi 07:30–11:30');
    expect(toWeek(storedHours(h, 1))).toEqual(second);
  }, 60_000);

  it('a holiday on Monday keeps the kiosk closed that day and its banner names Tuesday', async () => {
    const clock = new FakeClock(Date.UTC(2026, 7, 29, 5, 0)); // Saturday 2026-08-29 12:00, after the morning
    const h = await suite.host({ clock, officeHours: true, timeTickMs: 100 });
    const kiosk = await paired(h, 'kiosk', '/kiosk', 1920, 1080);
    const banner = () => kiosk.textContent('[data-testid="closed-banner"]');
    await kiosk.waitForSelector('[data-testid="closed-banner"]');
    expect(await banner()).toContain('Mở cửa lúc 07:30 Thứ Hai 31/08');

    const admin = await signedInAdmin(h);
    await admin.click('[data-tab="office"]');
    await admin.fill('[data-testid="holiday-date"]', '31/08/2026');
    await admin.click('[data-testid="holiday-add"]');
    await admin.waitForSelector('[data-holiday="2026-08-31"]:has-text("Thứ Hai 31/08/2026")');
    const officeBefore = h.queue.settings.get();
    await save(admin, '[data-form="holidays"]');
    expect(h.queue.settings.get()).toEqual({ ...officeBefore, holidays: ['2026-08-31'] });

    // The kiosk, untouched, follows the saved holiday.
    await kiosk.waitForFunction(() => document.querySelector('[data-testid="closed-banner"]')?.textContent?.includes('Thứ Ba 01/09'), undefined, { timeout: 5000 });
    expect(await banner()).toContain('Mở cửa lúc 07:30 Thứ Ba 01/09');
    await kiosk.click('[data-testid="lang"]');
    expect(await banner()).toContain('Opens at 07:30 on Tuesday 01/09');
    await kiosk.click('[data-testid="lang"]');

    // Monday 09:00, the holiday: still closed, opening tomorrow.
    clock.t = Date.UTC(2026, 7, 31, 2, 0);
    await kiosk.waitForFunction(() => document.querySelector('[data-testid="closed-banner"]')?.textContent?.includes('ngày mai'), undefined, { timeout: 5000 });
    expect(await banner()).toContain('Mở cửa lúc 07:30 ngày mai');
    expect(await kiosk.$$eval('.tile:not(.closed)', (ts) => ts.length)).toBe(0);
    const refused = await kiosk.evaluate(async () => (await fetch('/api/tickets', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceId: 1 }) })).status);
    expect(refused).toBeGreaterThanOrEqual(400);

    // Tuesday 09:00: open again, by itself.
    clock.t = Date.UTC(2026, 8, 1, 2, 0);
    await kiosk.waitForSelector('[data-service="HT"]:not(.closed)', { timeout: 5000 });
    expect(await kiosk.$('[data-testid="closed-banner"]')).toBeNull();
  }, 60_000);

  it('the English office name typed in the admin shows on the kiosk in English; the Vietnamese one stays', async () => {
    const h = await suite.host();
    const admin = await signedInAdmin(h);
    await admin.click('[data-tab="office"]');
    const nameEn = admin.getByLabel('Tên đơn vị (tiếng Anh)');
    await admin.waitForFunction(() => (document.querySelector('[data-form="office"] input') as HTMLInputElement | null)?.value !== '');
    await nameEn.fill('Hoa Binh Ward — One-Stop Desk');
    const before = h.queue.settings.get();
    await save(admin, '[data-form="office"]');
    expect(h.queue.settings.get()).toEqual({ ...before, nameEn: 'Hoa Binh Ward — One-Stop Desk' });

    const kiosk = await paired(h, 'kiosk', '/kiosk', 1080, 1920);
    await kiosk.waitForSelector('[data-service="HT"]');
    expect(await kiosk.textContent('.topbar h1')).toBe(before.name);
    await kiosk.click('[data-testid="lang"]');
    await kiosk.waitForFunction(() => document.querySelector('.topbar h1')?.textContent === 'Hoa Binh Ward — One-Stop Desk');

    // The hall TV has no language button: it carries the English line under each Vietnamese one.
    const display = await paired(h, 'display', '/display', 1920, 1080);
    await display.waitForSelector('header h1 .en');
    expect(await display.textContent('header h1 .en')).toBe('Hoa Binh Ward — One-Stop Desk');
    expect(await display.textContent('.now .label')).toBe('Xin kính chào công dânWelcome');
    expect(await display.textContent('.side h2 >> nth=0')).toBe('Số vừa gọiRecent calls');
  }, 60_000);
});

const TABS = ['overview', 'office', 'services', 'counters', 'officers', 'lists', 'ticket', 'devices', 'enrolled', 'backup'] as const;

/** axe-core's browser build; a devDependency of the project (see the report of issue #12). */
function axeSource(): string {
  const require = createRequire(import.meta.url);
  let file: string;
  try {
    file = require.resolve('axe-core/axe.min.js');
  } catch {
    throw new Error('axe-core is not installed: add it to devDependencies (npm install -D axe-core)');
  }
  return fs.readFileSync(file, 'utf8');
}

describe('every admin tab is labelled', () => {
  it('axe finds no label violations, every field has a visible label, every checkbox sits beside its label, and the service list shows every service', async () => {
    const h = await suite.host();
    const admin = await signedInAdmin(h);
    const axe = axeSource();
    for (const lang of ['vi', 'en'] as const) {
      if (lang === 'en') await admin.click('[data-testid="lang"]');
      for (const tab of TABS) {
        await admin.click(`[data-tab="${tab}"]`);
        await admin.waitForSelector('form.panel, section.panel, div.panel');
        if (tab === 'services' || tab === 'counters' || tab === 'officers') await admin.click('.list li >> nth=0 >> button');
        await admin.waitForTimeout(200);
        // Evaluated through the debugger protocol: the page's own CSP (no inline script) stays as it is.
        if (!(await admin.evaluate(() => 'axe' in window))) await admin.evaluate(axe);
        const result = await admin.evaluate(async () => {
          const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ passes: unknown[]; violations: { id: string; nodes: { target: string[] }[] }[] }> } };
          const r = await w.axe.run(document, { runOnly: { type: 'rule', values: ['label', 'select-name', 'aria-input-field-name', 'form-field-multiple-labels', 'label-title-only', 'button-name', 'duplicate-id'] } });
          return { checked: r.passes.length, violations: r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`) };
        });
        expect(result.violations, `${lang} ${tab}`).toEqual([]);
        expect(result.checked, `${lang} ${tab}: axe checked nothing`).toBeGreaterThan(0);
        // Visible labels, not only an aria-label or a placeholder: a control is named by a <label>,
        // or stands in a table under its column header, or in a weekday's row of the hours editor.
        const unlabelled = await admin.evaluate(() =>
          [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')]
            .filter((el) => el.offsetParent !== null && !(el.labels && el.labels.length > 0) && !el.closest('td') && !el.closest('.hours-day'))
            .map((el) => el.outerHTML.slice(0, 120)),
        );
        expect(unlabelled, `${lang} ${tab}`).toEqual([]);
        const offLine = await admin.evaluate(() =>
          [...document.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')]
            .filter((box) => box.offsetParent !== null && !box.closest('td'))
            .filter((box) => {
              const text = box.closest('label')?.querySelector('span');
              if (!text) return true;
              const a = box.getBoundingClientRect();
              const b = text.getBoundingClientRect();
              // Beside, on the same line: the box's middle within the text's first line, left of it.
              return !(a.right <= b.left + 1 && a.top + a.height / 2 >= b.top && a.top + a.height / 2 <= b.top + 30);
            })
            .map((box) => box.closest('label')?.textContent ?? box.outerHTML),
        );
        expect(offLine, `${lang} ${tab}`).toEqual([]);
      }
    }
    // 1366×768: the service list shows every seeded service, none cut off below the panel.
    await admin.click('[data-tab="services"]');
    const cut = await admin.evaluate(() => {
      const list = document.querySelector('.list') as HTMLElement;
      const box = list.getBoundingClientRect();
      return [...list.querySelectorAll('li')].filter((li) => li.getBoundingClientRect().bottom > Math.min(box.bottom, window.innerHeight) + 1).length;
    });
    expect(cut).toBe(0);
  }, 120_000);
});
