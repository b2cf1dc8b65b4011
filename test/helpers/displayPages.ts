import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Every line of the ward display's "waiting by service" list, across its pages: the list shows what
 * fits above the marquee and turns pages every 10 s, so the page's clock (installed with
 * `page.clock.install()` before it loaded) is moved on. `check` runs on each page as shown.
 */
export async function waitingAcrossPages(display: Page, check: () => Promise<void> = async () => undefined): Promise<string[]> {
  await display.evaluate(() => document.fonts.ready.then(() => undefined));
  const list = '[data-testid="waiting-by-service"]';
  await display.locator(`${list} [data-waiting]`).first().waitFor();
  const pages = Number(await display.getAttribute(list, 'data-pages'));
  const pageShown = () => display.textContent('[data-testid="waiting-by-service-page"]');
  const first = pages > 1 ? Number(((await pageShown()) ?? '1/').split('/')[0]) - 1 : 0;
  const lines: string[] = [];
  for (let i = 0; i < pages; i++) {
    if (pages > 1) await expect.poll(pageShown).toBe(`${((first + i) % pages) + 1}/${pages}`);
    lines.push(...(await display.$$eval(`${list} [data-waiting]`, (els) => els.map((e) => e.textContent?.trim() ?? ''))));
    await check();
    await display.clock.fastForward(10_000);
  }
  return lines;
}
