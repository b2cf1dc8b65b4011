import type { Browser, Page } from 'playwright-core';
import type { Host } from '../../electron/host/host';
import { TEST_ADMIN_PASSWORD, enrollDevice } from './devices';

/**
 * The admin screen as an office opens it: an enrolled admin PC, the password typed into the sign-in
 * form, and proof that the admin itself (its tabs) is showing, not the pairing or sign-in page.
 */
export async function openSignedInAdmin(browser: Browser, host: Host, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const base = `http://127.0.0.1:${host.port}`;
  const ctx = await browser.newContext({ viewport });
  await ctx.addCookies([{ name: 'motcua_device', value: enrollDevice(host, 'admin', null, 'Máy quản trị'), url: base }]);
  const admin = await ctx.newPage();
  await admin.goto(`${base}/admin`);
  await admin.fill('input[type="password"]', TEST_ADMIN_PASSWORD);
  await admin.click('button[type="submit"]');
  await admin.waitForSelector('[data-tab="overview"]');
  return admin;
}
