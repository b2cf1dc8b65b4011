import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { SPOOL_DIR } from '../../../electron/host/printer/transportPolicy';
import { cp1258Lines } from '../../helpers/cp1258Lines';
import { parseEscPos } from '../../helpers/escposParser';
import { deviceClient, signedInAdmin } from '../../helpers/devices';
import { eventually, tempDir, tempHost } from '../../helpers/tempHost';

// The paper a kiosk prints, through the host's real printer path into a spool file.

let host: Host | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

async function printedLines(seed: 'ward' | 'centre', serviceCode: string): Promise<string[]> {
  const dir = tempDir();
  host = await tempHost({ dir, seed });
  const admin = await signedInAdmin(host);
  expect((await admin.post('/api/admin/printer', { transport: { kind: 'file', path: 'ticket.bin' }, profile: 'epson-tm-t20iii', paper: 80, encoding: 'cp1258' })).status).toBe(200);
  const kiosk = deviceClient(host, 'kiosk');
  const service = ((await kiosk.get('/api/services')).body as { id: number; code: string }[]).find((s) => s.code === serviceCode)!;
  expect((await kiosk.post('/api/tickets', { serviceId: service.id })).status).toBe(201);
  const file = path.join(dir, SPOOL_DIR, 'ticket.bin');
  await eventually(() => fs.existsSync(file) && fs.statSync(file).size > 0, 10_000);
  return cp1258Lines(parseEscPos(fs.readFileSync(file)).lines, { skipInvalid: true }).map((l) => l.trim());
}

describe('the printed ticket and the office’s zones', () => {
  it('a centre: the passport ticket says "Nơi tiếp nhận: Tầng 2 · Quầy 33, 34" under the service name', async () => {
    const lines = await printedLines('centre', 'QA01');
    const at = lines.findIndex((l) => l === 'Nơi tiếp nhận: Tầng 2 · Quầy 33, 34');
    expect(at, lines.join('\n')).toBeGreaterThan(0);
    expect(lines.slice(0, at).join(' ')).toContain('phổ thông');
  }, 30_000);

  it('a ward (one zone): no zone line on its tickets', async () => {
    const lines = await printedLines('ward', 'HT');
    expect(lines.some((l) => l.includes('Nơi tiếp nhận'))).toBe(false);
    expect(lines).toContain('Hộ tịch');
  }, 30_000);
});
