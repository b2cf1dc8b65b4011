// First step of `npm test`: is everything the suite needs outside node_modules on this machine? For
// each missing piece one line naming it and the command that installs it, then stop (exit 1) —
// instead of minutes of type-check, lint and build followed by a cascade of ENOENT failures.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { checkNativeAddons } from '../electron/host/nativeAddons';
import { findChromium } from '../test/helpers/browser';

interface Missing {
  what: string;
  /** The Debian/Ubuntu package, or null when apt is not the fix. */
  apt: string | null;
  line: string;
}

const missing: Missing[] = [];
const found: string[] = [];

function onPath(cmd: string): string | null {
  for (const d of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const ext of process.platform === 'win32' ? ['.exe', '.cmd', ''] : ['']) {
      const f = path.join(d, cmd + ext);
      try {
        fs.accessSync(f, fs.constants.X_OK);
        if (fs.statSync(f).isFile()) return f;
      } catch {
        // not here
      }
    }
  }
  return null;
}

const browser = findChromium();
if (browser.path) {
  found.push(`chromium (${browser.path}, ${browser.source})`);
} else {
  missing.push({
    what: 'chromium',
    apt: 'chromium',
    line:
      `chromium — the browser for the end-to-end tests${browser.problem ? `: ${browser.problem}` : ''}. Install: sudo apt-get install -y chromium` +
      ' (Ubuntu: sudo snap install chromium); elsewhere: npx playwright-core install chromium, or set CHROMIUM_PATH to Chrome or Edge',
  });
}

if (onPath('socat')) {
  found.push('socat');
} else {
  missing.push({
    what: 'socat',
    apt: 'socat',
    line: 'socat — makes the real pty serial ports of the printer and LED-board tests. Install: sudo apt-get install -y socat (macOS: brew install socat)',
  });
}

// The printer tests compare our CP1258 bytes with glibc's converter, an independent implementation.
const iconv = onPath('iconv');
const cp1258 = iconv ? spawnSync(iconv, ['-f', 'UTF-8', '-t', 'CP1258'], { input: 'ế', timeout: 5000 }) : null;
if (cp1258?.status === 0) {
  found.push('iconv');
} else {
  missing.push({
    what: 'iconv',
    apt: 'libc-bin',
    line: `iconv with CP1258 — the reference encoder for the printer tests${iconv ? ` (${iconv} has no CP1258)` : ''}. Install: sudo apt-get install -y libc-bin (glibc's iconv; elsewhere put GNU iconv first on PATH)`,
  });
}

try {
  await checkNativeAddons();
  found.push('native addons');
} catch (e) {
  missing.push({ what: 'native addon', apt: null, line: `a native addon that loads: ${(e as Error).message}` });
}

if (missing.length > 0) {
  for (const m of missing) console.error(`npm test needs ${m.line}`);
  const apt = missing.flatMap((m) => (m.apt ? [m.apt] : []));
  if (apt.length > 1) console.error(`On Debian, all at once: sudo apt-get install -y ${apt.join(' ')}`);
  process.exit(1);
}
console.log(`test prerequisites found: ${found.join(', ')}`);
