import type { Page } from 'playwright-core';

/** How far apart a scanner's keys are: a few milliseconds, well inside the kiosk's burst window. */
const KEY_SPACING_S = 0.004;

/**
 * What a keyboard-wedge scanner sends: one trusted key press per character (Vietnamese letters
 * included, as a scanner in Unicode mode types them), then Enter — through CDP, so the page sees
 * real key events, not script-made ones.
 */
export async function wedgeScan(page: Page, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  // Each key carries the time a scanner would have sent it, as the OS stamps a real one: left to
  // CDP, a key's time is when the browser got round to it, which a loaded CI machine spread by
  // over 100 ms and the kiosk (rightly) read as a person typing. Stamped from now on: a stamp
  // before the page's time origin reads as 0.
  const keys = [...text];
  const start = Date.now() / 1000;
  const at = (i: number) => start + i * KEY_SPACING_S;
  const sent: Promise<unknown>[] = [];
  keys.forEach((ch, i) => {
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch, unmodifiedText: ch, timestamp: at(i) }));
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch, timestamp: at(i) + KEY_SPACING_S / 2 }));
  });
  const end = at(keys.length);
  sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r', timestamp: end }));
  sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, timestamp: end + KEY_SPACING_S / 2 }));
  await Promise.all(sent);
  await cdp.detach();
}
