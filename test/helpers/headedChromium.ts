import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Browser, CDPSession } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser';
import { tempDir } from './tempHost';

/**
 * A headed Chromium on its own Xvfb screen, under the browser's own autoplay rule, driven over raw
 * CDP. Headless Chromium ignores the autoplay rule, and Playwright's evaluate counts as a user
 * gesture (it would unblock the sound it is testing), so probes here go through `Runtime.evaluate`
 * without a gesture, and a "tap" is a real input event.
 */
export interface HeadedChromium {
  cdp: CDPSession;
  /** Evaluate in the page without a user gesture. */
  value<T>(expression: string): Promise<T>;
  tap(x: number, y: number): Promise<void>;
  screenshot(file: string): Promise<void>;
  close(): Promise<void>;
}

async function startXvfb(): Promise<{ display: string; child: ChildProcess }> {
  for (let n = 90 + Math.floor(Math.random() * 400); ; n++) {
    if (fs.existsSync(`/tmp/.X11-unix/X${n}`) || fs.existsSync(`/tmp/.X${n}-lock`)) continue;
    const child = spawn('Xvfb', [`:${n}`, '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    for (let i = 0; i < 100 && !fs.existsSync(`/tmp/.X11-unix/X${n}`); i++) await new Promise((r) => setTimeout(r, 50));
    if (child.exitCode === null && fs.existsSync(`/tmp/.X11-unix/X${n}`)) return { display: `:${n}`, child };
    child.kill();
  }
}

/** Opens `url` (after setting `cookies` on its origin) in a headed Chromium with sound allowed only after a touch. */
export async function headedChromium(url: string, cookies: { name: string; value: string }[], size = { width: 1920, height: 1080 }): Promise<HeadedChromium> {
  const xvfb = await startXvfb();
  const profile = tempDir('motcua-headed-');
  const args = [
    ...CHROMIUM_ARGS.filter((a) => !a.startsWith('--autoplay-policy')),
    '--autoplay-policy=document-user-activation-required',
    '--remote-debugging-port=0',
    `--user-data-dir=${profile}`,
    `--window-size=${size.width},${size.height}`,
    '--window-position=0,0',
    'about:blank',
  ];
  const child = spawn(CHROMIUM_PATH, args, { env: { ...process.env, DISPLAY: xvfb.display }, stdio: ['ignore', 'ignore', 'pipe'] });
  const wsUrl = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stderr as NodeJS.ReadableStream });
    const timer = setTimeout(() => reject(new Error('headed Chromium did not start')), 30_000);
    lines.on('line', (line) => {
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    });
    child.once('exit', (code) => reject(new Error(`headed Chromium exited ${code}`)));
  });
  const browser: Browser = await chromium.connectOverCDP(wsUrl);
  const page = browser.contexts()[0]?.pages()[0];
  if (!page) throw new Error('headed Chromium has no page');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  for (const c of cookies) await cdp.send('Network.setCookie', { name: c.name, value: c.value, url });
  // A navigation the browser starts is not a user activation.
  await cdp.send('Page.enable');
  const loaded = new Promise<void>((resolve) => cdp.once('Page.loadEventFired', () => resolve()));
  await cdp.send('Page.navigate', { url });
  await loaded;
  return {
    cdp,
    value: async <T>(expression: string) => {
      const r = (await cdp.send('Runtime.evaluate', { expression, returnByValue: true, userGesture: false, awaitPromise: true })) as { result: { value: T } };
      return r.result.value;
    },
    tap: async (x, y) => {
      await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount: 1 });
      await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount: 1 });
    },
    screenshot: async (file) => {
      const shot = (await cdp.send('Page.captureScreenshot', { format: 'png' })) as { data: string };
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, Buffer.from(shot.data, 'base64'));
    },
    close: async () => {
      await browser.close().catch(() => undefined);
      child.kill('SIGKILL');
      xvfb.child.kill();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
