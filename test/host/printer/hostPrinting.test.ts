import { execFileSync } from 'node:child_process';
import { SerialPort } from 'serialport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { parseEscPos } from '../../helpers/escposParser';
import { deviceClient, signedInAdmin, signedInCounter } from '../../helpers/devices';
import type { HttpClient } from '../../helpers/httpClient';
import { PtyPair } from '../../helpers/ptyPair';
import { tempDir, tempHost } from '../../helpers/tempHost';
import { makePng } from '../../helpers/pngFile';
import { pngToDots } from '../../../electron/host/printer/pngDots';

let host: Host;
let pair: PtyPair;
let admin: HttpClient;
let staff: HttpClient;
let kiosk: HttpClient;

beforeAll(async () => {
  host = await tempHost();
  pair = PtyPair.inDir(tempDir());
  await pair.start();
  admin = await signedInAdmin(host);
  staff = await signedInCounter(host, 1);
  kiosk = deviceClient(host, 'kiosk');
});
afterAll(async () => {
  await host.close();
  await pair.stop();
});

const waitFor = async (cond: () => boolean | Promise<boolean>, ms = 8000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 30));
  }
};

describe('the host prints every issued ticket without waiting for the printer', () => {
  it('configures the printer live, prints tickets, survives an unplug, reprints from the counter', async () => {
    const peer = await new Promise<SerialPort>((res, rej) => {
      const p = new SerialPort({ path: pair.peer, baudRate: 9600 }, (e) => (e ? rej(e) : res(p)));
    });
    const received: Buffer[] = [];
    peer.on('data', (d: Buffer) => {
      received.push(d);
      if (d.includes(Buffer.of(0x10, 0x04))) peer.write(Buffer.of(0x12));
    });
    // Was 401 (no admin session). Issue #13: the kiosk is refused for what it is, before any session is looked at.
    const refused = await kiosk.post('/api/admin/printer', { transport: { kind: 'serial', path: pair.peer } });
    expect({ status: refused.status, code: refused.body.error.code }).toEqual({ status: 403, code: 'DEVICE_ROLE' });
    const set = await admin.post('/api/admin/printer', { transport: { kind: 'serial', path: pair.device, baudRate: 9600 }, profile: 'epson-tm-t20iii', paper: 80, encoding: 'cp1258', statusPollMs: 500 });
    expect(set.status).toBe(200);
    await waitFor(async () => (await kiosk.get('/api/printer')).body.ready === true);

    const issued = await kiosk.post('/api/tickets', { serviceId: 1, priority: 'pregnant' });
    expect(issued.status).toBe(201);
    await waitFor(() => parseEscPos(Buffer.concat(received)).qrData.includes(issued.body.trackUrl));
    const lines = parseEscPos(Buffer.concat(received)).lines.map((l) => execFileSync('iconv', ['-f', 'CP1258', '-t', 'UTF-8'], { input: l }).toString().trim());
    expect(lines).toContain(issued.body.number);
    expect(lines).toContain('Ưu tiên: Phụ nữ mang thai');
    peer.close();

    // Unplugged: the kiosk still gets its ticket at once; the print job fails and waits for a reprint.
    await pair.stop();
    await waitFor(async () => (await kiosk.get('/api/printer')).body.ready === false);
    const t0 = Date.now();
    const lost = await kiosk.post('/api/tickets', { serviceId: 2 });
    expect(lost.status).toBe(201);
    expect(Date.now() - t0).toBeLessThan(1000);
    await waitFor(async () => (await staff.get('/api/printer/jobs')).body.some((j: { ticketId: string; state: string }) => j.ticketId === lost.body.id && j.state === 'failed'));
    const jobs = (await staff.get('/api/printer/jobs')).body as { id: number; ticketId: string }[];
    const job = jobs.find((j) => j.ticketId === lost.body.id);

    await pair.start();
    const peer2 = await new Promise<SerialPort>((res, rej) => {
      const p = new SerialPort({ path: pair.peer, baudRate: 9600 }, (e) => (e ? rej(e) : res(p)));
    });
    const again: Buffer[] = [];
    peer2.on('data', (d: Buffer) => {
      again.push(d);
      if (d.includes(Buffer.of(0x10, 0x04))) peer2.write(Buffer.of(0x12));
    });
    await waitFor(async () => (await kiosk.get('/api/printer')).body.ready === true, 15_000);
    const re = await staff.post(`/api/printer/jobs/${job?.id}/reprint`);
    expect(re.body.ok).toBe(true);
    await waitFor(() => parseEscPos(Buffer.concat(again)).qrData.includes(lost.body.trackUrl));
    peer2.close();
  }, 40_000);
});

describe('office logo on tickets', () => {
  it('is stored in the printer once (NV graphics) and printed by key on every ticket', async () => {
    const png = makePng(200, 60, (x, y) => x > 20 && x < 180 && y > 10 && y < 50);
    expect(pngToDots(png, 576)?.dots.reduce((s, d) => s + d, 0)).toBe(159 * 39);
    expect((await admin.post('/api/admin/office', { logo: `data:image/png;base64,${png.toString('base64')}` })).status).toBe(200);
    const peer = await new Promise<SerialPort>((res, rej) => {
      const p = new SerialPort({ path: pair.peer, baudRate: 9600 }, (e) => (e ? rej(e) : res(p)));
    });
    const got: Buffer[] = [];
    peer.on('data', (d: Buffer) => {
      got.push(d);
      if (d.includes(Buffer.of(0x10, 0x04))) peer.write(Buffer.of(0x12));
    });
    await admin.post('/api/admin/printer', { transport: { kind: 'serial', path: pair.device, baudRate: 9600 }, profile: 'epson-tm-t20iii', statusPollMs: 500 });
    await waitFor(async () => (await kiosk.get('/api/printer')).body.ready === true, 15_000);
    const t1 = await kiosk.post('/api/tickets', { serviceId: 3 });
    await waitFor(() => parseEscPos(Buffer.concat(got)).qrData.includes(t1.body.trackUrl));
    const t2 = await kiosk.post('/api/tickets', { serviceId: 3 });
    await waitFor(() => parseEscPos(Buffer.concat(got)).qrData.includes(t2.body.trackUrl));
    const cmds = parseEscPos(Buffer.concat(got)).commands;
    expect(cmds.filter((c) => c === 'GS ( L fn=67')).toHaveLength(1);
    expect(cmds.filter((c) => c === 'GS ( L fn=69')).toHaveLength(2);
    peer.close();
  }, 40_000);
});
