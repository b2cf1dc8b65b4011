// The paper ticket of a citizen who checked in with their ID card (#30), through the host's real
// printer path into a spool file: no name unless the office turns "In họ tên lên phiếu" on.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { SPOOL_DIR } from '../../../electron/host/printer/transportPolicy';
import { cp1258Lines } from '../../helpers/cp1258Lines';
import { parseEscPos } from '../../helpers/escposParser';
import { deviceClient, signedInAdmin } from '../../helpers/devices';
import { eventually, tempDir, tempHost } from '../../helpers/tempHost';

const CARD = '079191001234||Trần Thị Mai|02091991|Nữ|45 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|10082022';

let host: Host | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

async function printedFor(nameOnTicket: boolean): Promise<string[]> {
  const dir = tempDir();
  host = await tempHost({ dir });
  const admin = await signedInAdmin(host);
  expect((await admin.post('/api/admin/printer', { transport: { kind: 'file', path: 'ticket.bin' }, profile: 'epson-tm-t20iii', paper: 80, encoding: 'cp1258' })).status).toBe(200);
  const office = (await admin.get('/api/admin/office')).body;
  expect((await admin.post('/api/admin/office', { checkin: { ...office.checkin, nameOnTicket } })).status).toBe(200);
  const r = await deviceClient(host, 'kiosk').post('/api/checkin', { scan: CARD, serviceId: 1 });
  expect(r.status).toBe(201);
  const file = path.join(dir, SPOOL_DIR, 'ticket.bin');
  await eventually(() => fs.existsSync(file) && fs.statSync(file).size > 0, 10_000);
  return cp1258Lines(parseEscPos(fs.readFileSync(file)).lines, { skipInvalid: true }).map((l) => l.trim());
}

describe('the checked-in name on the paper ticket', () => {
  it('is not printed by default', async () => {
    const lines = await printedFor(false);
    expect(lines).toContain('Hộ tịch');
    expect(lines.join('\n')).not.toContain('Mai');
  }, 30_000);

  it('is printed under the number where the office turns it on', async () => {
    const lines = await printedFor(true);
    const name = lines.indexOf('Công dân: Trần Thị Mai');
    expect(name, lines.join('\n')).toBeGreaterThan(0);
    expect(lines[name - 1]).toMatch(/^A\d{3}$/);
  }, 30_000);
});
