import type { Browser, Page } from 'playwright-core';
import type { Host } from '../../electron/host/host';
import { enrollDevice } from './devices';

/**
 * The kiosk as an office runs it: an enrolled kiosk's cookie, the page opened, and proof that the
 * kiosk itself (its service tiles) is showing, not the pairing or wrong-role page.
 */
export async function openKiosk(browser: Browser, host: Host, viewport: { width: number; height: number }, query = '', device = enrollDevice(host, 'kiosk')): Promise<Page> {
  const base = `http://127.0.0.1:${host.port}`;
  const ctx = await browser.newContext({ viewport });
  await ctx.addCookies([{ name: 'motcua_device', value: device, url: base }]);
  const p = await ctx.newPage();
  await p.goto(`${base}/kiosk${query}`);
  await p.waitForSelector('.tile');
  return p;
}
