import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../helpers/browser';
import { tempDir } from '../helpers/tempHost';

/** Runs the preflight as `npm test` does, with only the programs in `bin` on PATH. */
function preflight(bin: string, env: Record<string, string> = {}) {
  const t0 = Date.now();
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'CHROMIUM_PATH' && k !== 'PLAYWRIGHT_BROWSERS_PATH'));
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('scripts/testPreflight.ts')], {
    env: { ...clean, PATH: bin, PLAYWRIGHT_BROWSERS_PATH: tempDir(), ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: r.status, lines: (r.stdout + r.stderr).trim().split('\n'), ms: Date.now() - t0 };
}

const which = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim();

/** A folder of links to the real programs named (and a stand-in browser, when asked). */
function binWith(programs: string[], browserName?: string): string {
  const bin = tempDir();
  for (const p of programs) fs.symlinkSync(which(p), path.join(bin, p));
  if (browserName) fakeExecutable(path.join(bin, browserName));
  return bin;
}

// The lookup only asks "is there an executable file here": a script stands in for the browser.
function fakeExecutable(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
}

describe('npm test preflight', () => {
  it('on a machine without chromium, socat and iconv: one line per program with its install command, within seconds', () => {
    const r = preflight(tempDir());
    expect(r.status).toBe(1);
    expect(r.lines).toHaveLength(4);
    expect(r.lines[0]).toMatch(/^npm test needs chromium — .*sudo apt-get install -y chromium .*npx playwright-core install chromium, or set CHROMIUM_PATH/);
    expect(r.lines[1]).toMatch(/^npm test needs socat — .*sudo apt-get install -y socat/);
    expect(r.lines[2]).toMatch(/^npm test needs iconv with CP1258 — .*sudo apt-get install -y libc-bin/);
    expect(r.lines[3]).toBe('On Debian, all at once: sudo apt-get install -y chromium socat libc-bin');
    expect(r.ms).toBeLessThan(10_000);
  });

  it('names only what is missing, and passes when everything is there', () => {
    const one = preflight(binWith(['iconv', 'socat']));
    expect(one.status).toBe(1);
    expect(one.lines).toHaveLength(1);
    expect(one.lines[0]).toMatch(/^npm test needs chromium/);
    const bin = binWith(['iconv', 'socat'], 'google-chrome-stable');
    const ok = preflight(bin);
    expect(ok.lines).toEqual([`test prerequisites found: chromium (${path.join(bin, 'google-chrome-stable')}, system), socat, iconv, native addons`]);
    expect(ok.status).toBe(0);
    // The e2e tests launch the browser the same lookup finds.
    expect(findChromium({ PATH: bin }, 'linux').path).toBe(path.join(bin, 'google-chrome-stable'));
  });

  it('finds the browser in order: CHROMIUM_PATH, then Playwright’s, then the system’s', () => {
    const bin = binWith(['iconv', 'socat'], 'chromium');
    const system = { PATH: bin, PLAYWRIGHT_BROWSERS_PATH: tempDir() };
    expect(findChromium(system, 'linux')).toEqual({ path: path.join(bin, 'chromium'), source: 'system', problem: null });
    const own = path.join(tempDir(), 'my-chrome');
    fakeExecutable(own);
    expect(findChromium({ ...system, CHROMIUM_PATH: own }, 'linux')).toEqual({ path: own, source: 'CHROMIUM_PATH', problem: null });
    // A CHROMIUM_PATH that is wrong is said, not silently replaced by another browser.
    expect(findChromium({ ...system, CHROMIUM_PATH: '/nowhere/chrome' }, 'linux')).toEqual({
      path: null,
      source: null,
      problem: 'CHROMIUM_PATH=/nowhere/chrome is not an executable file',
    });
    // Playwright reads PLAYWRIGHT_BROWSERS_PATH as it loads, so this one runs in its own process:
    // a build where `npx playwright-core install chromium` puts it wins over the system's.
    const browsers = tempDir();
    const pw = spawnSync(process.execPath, ['-e', "console.log(require('playwright-core').chromium.executablePath())"], {
      env: { ...process.env, PLAYWRIGHT_BROWSERS_PATH: browsers },
      encoding: 'utf8',
    }).stdout.trim();
    expect(pw.startsWith(browsers + path.sep)).toBe(true);
    fakeExecutable(pw);
    expect(preflight(bin, { PLAYWRIGHT_BROWSERS_PATH: browsers }).lines).toEqual([`test prerequisites found: chromium (${pw}, playwright), socat, iconv, native addons`]);
  });
});
