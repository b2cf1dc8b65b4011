import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Every line of the ward display's "waiting by service" list, across its pages: the list shows what
 * fits above the marquee and turns pages every 10 s, so the page's clock (installed with
 * `page.clock.install()` before it loaded) is moved on until every page has been seen. The clock
 * also runs by itself, so a page's number and lines are read together, in one step in the page.
 * `check` runs on each page as shown.
 */
export async function waitingAcrossPages(display: Page, check: () => Promise<void> = async () => undefined): Promise<string[]> {
  await display.evaluate(() => document.fonts.ready.then(() => undefined));
  const list = '[data-testid="waiting-by-service"]';
  await display.locator(`${list} [data-waiting]`).first().waitFor();
  const pages = Number(await display.getAttribute(list, 'data-pages'));
  const read = () =>
    display.evaluate(() => ({
      page: document.querySelector('[data-testid="waiting-by-service-page"]')?.textContent ?? '1/1',
      lines: [...document.querySelectorAll('[data-testid="waiting-by-service"] [data-waiting]')].map((e) => e.textContent?.trim() ?? ''),
    }));
  const seen = new Map<string, string[]>();
  for (let turns = 0; seen.size < pages && turns < pages * 3; turns++) {
    const shown = await read();
    if (!seen.has(shown.page)) {
      seen.set(shown.page, shown.lines);
      await check();
    }
    if (seen.size === pages) break;
    await display.clock.fastForward(10_000);
    // The turn lands on the page's next render; a loaded machine can take more than poll's default second.
    await expect.poll(async () => (await read()).page, { timeout: 10_000 }).not.toBe(shown.page);
  }
  expect(seen.size).toBe(pages);
  return [...seen.values()].flat();
}
