import { afterEach, describe, expect, it } from 'vitest';
import { openLink } from '../../../electron/host/printer/transports';
import type { PrinterLink } from '../../../electron/host/printer/transports';
import { PtyPair } from '../../helpers/ptyPair';
import { tempDir } from '../../helpers/tempHost';

const DLE_EOT_1 = Uint8Array.of(0x10, 0x04, 0x01);
let pair: PtyPair | null = null;
let link: PrinterLink | null = null;
afterEach(async () => {
  await link?.close();
  await pair?.stop();
});

describe('a serial printer link whose device vanished', () => {
  it('answers a status query with "no answer" within its timeout, never hangs the print queue', async () => {
    // Whether the first write after the unplug hangs depends on timing: unplug a few times.
    for (let round = 0; round < 4; round++) {
      pair = PtyPair.inDir(tempDir());
      await pair.start();
      link = await openLink({ kind: 'serial', path: pair.device, baudRate: 9600 });
      await pair.stop(); // unplugged: socat and both pty ends are gone
      for (let i = 0; i < 3; i++) {
        const t0 = Date.now();
        const answer = await Promise.race([link.query(DLE_EOT_1, 1, 300).catch(() => null), new Promise((r) => setTimeout(() => r('hung'), 3000))]);
        expect(answer, `round ${round}, query ${i}`).toBeNull();
        expect(Date.now() - t0).toBeLessThan(1500);
      }
      await link.close();
    }
  });
});
