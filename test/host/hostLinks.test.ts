import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost } from '../../electron/host/host';
import type { Host } from '../../electron/host/host';
import { deviceClient, signedInAdmin } from '../helpers/devices';
import { tempDir, tempHost } from '../helpers/tempHost';

// #28: a host told `--host 127.0.0.1` printed tickets whose QR named the machine's LAN address,
// where nothing listens. Links must name an address the host answers on.
const hosts: Host[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
});

const answers = async (url: string) => (await fetch(new URL('/api/health', url))).ok;

describe('links name the address the host listens on', () => {
  it('--host 127.0.0.1: the ticket QR and the pairing link name 127.0.0.1, and answer there', async () => {
    const host = await tempHost();
    hosts.push(host);
    const own = `http://127.0.0.1:${host.port}`;
    const issued = await deviceClient(host, 'kiosk').post('/api/tickets', { serviceId: 1 });
    expect(issued.status).toBe(201);
    expect(issued.body.trackUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/t\/[A-Za-z0-9]+$/);
    expect(issued.body.trackUrl.startsWith(`${own}/t/`)).toBe(true);
    expect(await answers(issued.body.trackUrl)).toBe(true);
    const admin = await signedInAdmin(host);
    const pairing = await admin.post('/api/admin/devices/pairing', { role: 'kiosk' });
    expect(pairing.status).toBe(200);
    expect(pairing.body.pairUrl).toBe(`${own}/pair?code=${pairing.body.code}`);
  });

  it("the admin's public URL still wins for the ticket QR", async () => {
    const host = await tempHost();
    hosts.push(host);
    const admin = await signedInAdmin(host);
    expect((await admin.post('/api/admin/office', { publicBaseUrl: 'https://motcua.phuong-hoabinh.gov.vn/' })).status).toBe(200);
    const issued = await deviceClient(host, 'kiosk').post('/api/tickets', { serviceId: 1 });
    expect(issued.body.trackUrl).toMatch(/^https:\/\/motcua\.phuong-hoabinh\.gov\.vn\/t\/[A-Za-z0-9]+$/);
  });

  it('--host ::1: the first-run setup link names [::1] (a URL needs the brackets), and answers there', async () => {
    const dir = tempDir();
    const host = await startHost({
      dataDir: dir,
      port: 0,
      host: '::1',
      log: () => undefined,
      version: 'test',
      staticDir: path.join(dir, 'no-renderer'),
      resourcesDir: path.resolve('resources'),
      seedAlwaysOpen: true,
      backups: false,
    });
    hosts.push(host);
    expect(host.setupUrl).toMatch(new RegExp(`^http://\\[::1\\]:${host.port}/setup\\?token=`));
    expect(await answers(host.setupUrl as string)).toBe(true);
  });
});
