import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../../scripts/electronBinary';
import { pinOf } from '../helpers/devices';
import { scriptedInstall, tempDir } from '../helpers/tempHost';

// Runs wherever the Electron binary has been downloaded (Electron 45 fetches it on first use, and
// `npm start` runs that download); a machine that cannot reach GitHub or a mirror has none.
const bin = electronBinary();
const reason = bin
  ? ''
  : 'the Electron binary is not downloaded yet (Electron 45 fetches it on first use): run `npm start` once, which downloads it (ELECTRON_MIRROR and the cache are honoured) or says why it cannot, see README "Desktop (Electron)"';
if (!bin) console.log(`electron smoke test skipped: ${reason}`);

describe.skipIf(!bin)('Electron shell smoke test', () => {
  it('kiosk window takes a ticket and the display window shows its call', async () => {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/buildElectron.ts'], { stdio: 'inherit' });
    const data = tempDir();
    // No default PINs any more (issue #13): the office was installed with its officers' PINs.
    scriptedInstall(data);
    fs.writeFileSync(path.join(data, 'shell.json'), JSON.stringify({ lockdown: false, port: 0, windows: [{ role: 'kiosk', screen: 'primary' }, { role: 'display', screen: 'primary' }] }));
    const app = await electron.launch({ executablePath: bin as string, args: ['.'], env: { ...process.env, MOTCUA_DATA: data } });
    try {
      const windows = async () => {
        for (let i = 0; i < 50 && app.windows().length < 2; i++) await new Promise((r) => setTimeout(r, 200));
        return app.windows();
      };
      const [a, b] = await windows();
      const kiosk = a!.url().includes('/kiosk') ? a! : b!;
      const display = kiosk === a ? b! : a!;
      await kiosk.click('[data-service="HT"]');
      await kiosk.click('.priority-list .none');
      const number = (await kiosk.textContent('[data-testid="ticket-number"]'))?.trim();
      expect(number).toMatch(/^A\d{3}$/);
      const called = await kiosk.evaluate(async (pin) => {
        const w = window as unknown as { motcua: { invoke: (n: string, i: unknown) => Promise<unknown> } };
        await w.motcua.invoke('login', { body: { counterId: 1, officerId: 1, pin } });
        return w.motcua.invoke('callNext', { params: { id: 1 } });
      }, pinOf(1));
      expect((called as { number: string }).number).toBe(number);
      await display.waitForFunction((n) => document.querySelector('[data-testid="now-number"]')?.textContent?.trim() === n, number);
    } finally {
      await app.close();
    }
  }, 120_000);
});
