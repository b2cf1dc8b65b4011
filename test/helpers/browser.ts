import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export type BrowserSource = 'CHROMIUM_PATH' | 'playwright' | 'system';

export interface BrowserLookup {
  path: string | null;
  source: BrowserSource | null;
  /** Set when CHROMIUM_PATH names something that is not there: said, not silently passed over. */
  problem: string | null;
}

const isExecutable = (f: string) => {
  try {
    fs.accessSync(f, fs.constants.X_OK);
    return fs.statSync(f).isFile();
  } catch {
    return false;
  }
};

// Chrome's and Edge's Linux packages link their binaries into /usr/bin, snaps into /snap/bin: on
// Linux the PATH is the whole search, so a PATH without them finds none.
const LINUX_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'microsoft-edge-stable', 'microsoft-edge'];

function systemCandidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  if (platform === 'darwin') {
    return ['Chromium.app/Contents/MacOS/Chromium', 'Google Chrome.app/Contents/MacOS/Google Chrome', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'].map(
      (a) => path.join('/Applications', a),
    );
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    return roots.flatMap((r) => [path.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'), path.join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe')]);
  }
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return LINUX_NAMES.flatMap((n) => dirs.map((d) => path.join(d, n)));
}

/**
 * The browser the e2e tests, `npm run screenshots` and the test preflight use, found in this order:
 * CHROMIUM_PATH, the Chromium Playwright installs (`npx playwright-core install chromium`, under
 * PLAYWRIGHT_BROWSERS_PATH or its cache folder), a system Chromium / Chrome / Edge.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): BrowserLookup {
  if (env.CHROMIUM_PATH) {
    return isExecutable(env.CHROMIUM_PATH)
      ? { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH', problem: null }
      : { path: null, source: null, problem: `CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file` };
  }
  let playwright: string | null = null;
  try {
    // The revision this playwright-core drives; PLAYWRIGHT_BROWSERS_PATH is read by playwright itself.
    playwright = chromium.executablePath();
  } catch {
    // no Playwright build for this platform
  }
  if (playwright && isExecutable(playwright)) return { path: playwright, source: 'playwright', problem: null };
  const system = systemCandidates(env, platform).find(isExecutable);
  return system ? { path: system, source: 'system', problem: null } : { path: null, source: null, problem: null };
}

// The test preflight (scripts/testPreflight.ts) stops `npm test` before any test runs when nothing
// is found; the fallback only keeps this constant a string for a lone `npx vitest run`.
export const CHROMIUM_PATH = findChromium().path ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--autoplay-policy=no-user-gesture-required',
];
