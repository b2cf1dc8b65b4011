import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import type { Host } from '../../electron/host/host';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser';
import { tempHost } from './tempHost';
import type { TempHostOptions } from './tempHost';

/** The screens as `npm run build:renderer` leaves them: what a host serves to LAN browsers. */
export const BUILT_SCREENS = path.resolve('dist/renderer');

function requireBuiltScreens(): void {
  if (!fs.existsSync(path.join(BUILT_SCREENS, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build:renderer` (npm test does)');
}

/**
 * Chromium as every e2e test drives it (the flags this machine and CI need), once the screens are
 * built: the run's shared one (test/helpers/globalSetup.ts), whose close() only disconnects this
 * file and closes its contexts, or one of its own when there is none.
 */
export function launchChromium(): Promise<Browser> {
  requireBuiltScreens();
  const shared = inject('chromiumEndpoint');
  if (shared) return chromium.connect(shared);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** An in-process host on a fresh data dir, serving the built screens. */
export function screensHost(opts: TempHostOptions = {}): Promise<Host> {
  requireBuiltScreens();
  return tempHost({ staticDir: BUILT_SCREENS, ...opts });
}

/**
 * For a file whose tests each start their own host: one Chromium for the file, and every host a
 * test started with `host()` closed after that test, pass or fail, so the next starts clean.
 */
export function browserWithHostPerTest(): { browser: () => Browser; host: (opts?: TempHostOptions) => Promise<Host> } {
  let browser: Browser | undefined;
  const hosts: Host[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const h of hosts.splice(0)) await h.close();
  });
  return {
    browser: () => {
      if (!browser) throw new Error('Chromium is not started: call browser() inside a test');
      return browser;
    },
    host: async (opts) => {
      const h = await screensHost(opts);
      hosts.push(h);
      return h;
    },
  };
}
