// Issue #31, full keyboard use on staff screens: an officer or admin who cannot (or does not) use the
// mouse reaches every control with Tab, sees where the focus is, is never trapped, and does the
// screen's real work from the keyboard. Each screen is opened as its own enrolled, signed-in device
// and proves it is that screen before the walk. Real Chromium, real host.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host';
import { openSignedInAdmin } from '../helpers/adminPage';
import { counterBrowserCookies } from '../helpers/devices';
import { launchChromium, screensHost } from '../helpers/screenSuite';

let browser: Browser;
let host: Host;
let base: string;

beforeAll(async () => {
  host = await screensHost();
  base = `http://127.0.0.1:${host.port}`;
  for (let i = 0; i < 4; i++) host.queue.issuer.issue({ serviceId: 1 });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

interface Walk {
  /** Controls a person can see and use that Tab never reached (text, tag). */
  unreached: string[];
  /** Controls that took the focus with nothing on screen to show it. */
  unmarked: string[];
  /** Whether the walk came back round to where it started (no trap). */
  cycled: boolean;
  steps: number;
  /** Controls on the page when the walk began (the walk proves nothing on an empty page). */
  controls: number;
}

/**
 * Tabs through the page from the top, marking each element focused, until the focus comes back to
 * the first one (or a budget of twice the controls runs out: a trap). Then lists the visible,
 * enabled controls never reached, and those focused without a visible focus indicator.
 */
async function tabWalk(p: Page): Promise<Walk> {
  const total = await p.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
    const controls = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter((el) => {
      const r = el.getBoundingClientRect();
      const st = getComputedStyle(el);
      const disabled = (el as HTMLButtonElement).disabled || el.getAttribute('tabindex') === '-1' || (el as HTMLInputElement).type === 'hidden' || el.closest('[inert]') !== null;
      return !disabled && r.width > 0 && r.height > 0 && st.visibility !== 'hidden';
    });
    controls.forEach((el, i) => el.setAttribute('data-kb', String(i)));
    return controls.length;
  });
  const unmarked: string[] = [];
  let first: string | null = null;
  let cycled = false;
  let steps = 0;
  for (; steps < total * 2 + 10; steps++) {
    await p.keyboard.press('Tab');
    const seen = await p.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      el.setAttribute('data-kb-reached', '1');
      const st = getComputedStyle(el);
      const outline = st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) > 0;
      const ring = st.boxShadow !== 'none';
      const label = `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || (el as HTMLInputElement).name || '').trim().slice(0, 40)}"`;
      return { id: el.getAttribute('data-kb') ?? label, marked: outline || ring, label };
    });
    if (!seen) continue;
    if (!seen.marked) unmarked.push(seen.label);
    if (first === null) first = seen.id;
    else if (seen.id === first) {
      cycled = true;
      break;
    }
  }
  const unreached = await p.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-kb]:not([data-kb-reached])')].map((el) => `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}"`),
  );
  return { unreached, unmarked: [...new Set(unmarked)], cycled, steps, controls: total };
}

async function counterPage(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await ctx.addCookies(await counterBrowserCookies(host, 1, 1));
  const p = await ctx.newPage();
  await p.goto(`${base}/counter`);
  // The counter itself, signed in, not the pairing or sign-in page.
  await p.waitForSelector('.counter-main');
  return p;
}

const ticketState = (number: string) => (host.db.prepare('SELECT state FROM tickets WHERE number = ? ORDER BY issued_at DESC LIMIT 1').get(number) as { state: string } | undefined)?.state;

describe('staff screens from the keyboard alone', () => {
  it('counter: every control reached by Tab with the focus shown, no trap; a citizen called, served and finished without the mouse', async () => {
    const p = await counterPage();
    const walk = await tabWalk(p);
    // Sign-out, language, pause, the call buttons, transfer…: a real counter, not a sign-in form.
    expect(walk.controls).toBeGreaterThanOrEqual(8);
    expect(walk.unreached).toEqual([]);
    expect(walk.unmarked).toEqual([]);
    expect(walk.cycled).toBe(true);

    // The work itself: N calls the next citizen (a shortcut shown on its button)…
    await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await p.keyboard.press('n');
    await p.waitForSelector('[data-testid="current-ticket"] .num');
    const number = ((await p.locator('[data-testid="current-ticket"] .num').textContent()) ?? '').trim();
    expect(number).toMatch(/^[A-Z]\d+$/);
    await expect.poll(() => ticketState(number)).toBe('called');
    // …and the buttons are used from Tab and Enter, as someone without shortcuts learnt would.
    await focusButton(p, /Bắt đầu/);
    await p.keyboard.press('Enter');
    await expect.poll(() => ticketState(number)).toBe('serving');
    await focusButton(p, /Hoàn thành/);
    await p.keyboard.press('Enter');
    await expect.poll(() => ticketState(number)).toBe('done');
    await p.context().close();
  }, 120_000);

  it('admin: every control of the overview and the office form reached by Tab, focus shown; a setting changed and saved from the keyboard, nothing else changed', async () => {
    const admin = await openSignedInAdmin(browser, host);
    const overview = await tabWalk(admin);
    // The 13 tabs alone.
    expect(overview.controls).toBeGreaterThanOrEqual(13);
    expect(overview.unreached).toEqual([]);
    expect(overview.unmarked).toEqual([]);

    // Open the "Đơn vị" tab from the keyboard.
    await focusButton(admin, /^Đơn vị$/, '[data-tab]');
    await admin.keyboard.press('Enter');
    await admin.getByLabel(/Tên đơn vị \(tiếng Việt\)/).waitFor();
    const form = await tabWalk(admin);
    expect(form.unreached).toEqual([]);
    expect(form.unmarked).toEqual([]);

    const before = (await (await fetch(`${base}/api/config`)).json()) as { office: { name: string; address?: string; marquee: string } };
    const field = admin.getByLabel(/Tên đơn vị \(tiếng Việt\)/);
    await field.focus();
    await admin.keyboard.press('End');
    await admin.keyboard.type(' (bàn phím)');
    await focusButton(admin, /^Lưu/);
    await admin.keyboard.press('Enter');
    await expect
      .poll(async () => ((await (await fetch(`${base}/api/config`)).json()) as { office: { name: string } }).office.name, { timeout: 10_000 })
      .toBe(`${before.office.name} (bàn phím)`);
    const after = (await (await fetch(`${base}/api/config`)).json()) as { office: { marquee: string } };
    expect(after.office.marquee).toBe(before.office.marquee);
    await admin.context().close();
  }, 120_000);

  it('reports: every control reached by Tab with the focus shown, no trap', async () => {
    const admin = await openSignedInAdmin(browser, host);
    await admin.goto(`${base}/reports`);
    await admin.waitForSelector('[data-testid="card-issued"]');
    const walk = await tabWalk(admin);
    expect(walk.unreached).toEqual([]);
    expect(walk.unmarked).toEqual([]);
    expect(walk.cycled).toBe(true);
    await admin.context().close();
  }, 120_000);
});

/** Tabs until the focus is on the button whose text matches: the way a keyboard user gets there. */
async function focusButton(p: Page, name: RegExp, selector = 'button'): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await p.keyboard.press('Tab');
    const hit = await p.evaluate(
      ([src, flags, sel]) => {
        const el = document.activeElement as HTMLElement | null;
        return !!el && el.matches(sel as string) && new RegExp(src as string, flags as string).test((el.textContent ?? '').trim());
      },
      [name.source, name.flags, selector] as const,
    );
    if (hit) return;
  }
  throw new Error(`Tab never reached ${selector} ${name}`);
}
