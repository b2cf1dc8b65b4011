import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { cp1258Lines } from '../../helpers/cp1258Lines';
import { parseEscPos } from '../../helpers/escposParser';
import { FakePrinter, until } from '../../helpers/fakePrinter';
import type { HttpClient } from '../../helpers/httpClient';
import { deviceClient, signedInAdmin, signedInCounter } from '../../helpers/devices';
import { PtyPair } from '../../helpers/ptyPair';
import { FakeClock, tempDir, tempHost } from '../../helpers/tempHost';
import { makePng } from '../../helpers/pngFile';
import { pngToDots } from '../../../electron/host/printer/pngDots';

// Every wait below is for something the test itself causes (a ticket, a printer plugged in or out),
// with no deadline of its own: on a loaded machine they take longer, never fail for it.

const PRINTER = (device: string) => ({ transport: { kind: 'serial', path: device, baudRate: 9600 }, profile: 'epson-tm-t20iii', paper: 80, encoding: 'cp1258', statusPollMs: 500 });

interface Clients {
  admin: HttpClient;
  staff: HttpClient;
  kiosk: HttpClient;
}

async function clientsOf(host: Host): Promise<Clients> {
  // A paired admin browser, counter PC and kiosk, signed in like an office.
  return { admin: await signedInAdmin(host), staff: await signedInCounter(host, 1, 1), kiosk: deviceClient(host, 'kiosk') };
}

const ready = async (c: Clients, want: boolean) => (await c.kiosk.get('/api/printer')).body.ready === want;
const printState = async (c: Clients, ticketId: string) => (await c.kiosk.get(`/api/tickets/${ticketId}/print`)).body.state as string;
const count = (list: string[], item: string) => list.filter((x) => x === item).length;

describe('the host prints every issued ticket without waiting for the printer', () => {
  let host: Host;
  let pair: PtyPair;
  let c: Clients;
  beforeAll(async () => {
    host = await tempHost();
    pair = PtyPair.inDir(tempDir());
    await pair.start();
    c = await clientsOf(host);
  });
  afterAll(async () => {
    await host.close();
    await pair.stop();
  });

  it('prints live-configured tickets; unplugged, the ticket is marked failed and prints by itself once the printer is back — once', async () => {
    let printer = await FakePrinter.open(pair);
    // Was 401 (no admin session). Issue #13: the kiosk is refused for what it is, before any session is looked at.
    const refused = await c.kiosk.post('/api/admin/printer', PRINTER(pair.peer));
    expect({ status: refused.status, code: refused.body.error.code }).toEqual({ status: 403, code: 'DEVICE_ROLE' });
    expect((await c.admin.post('/api/admin/printer', PRINTER(pair.device))).status).toBe(200);
    await until(() => ready(c, true));

    const issued = await c.kiosk.post('/api/tickets', { serviceId: 1, priority: 'pregnant' });
    expect(issued.status).toBe(201);
    expect(issued.body.print).toMatchObject({ state: 'queued', jobId: expect.any(Number) });
    await until(() => printer.qr().includes(issued.body.trackUrl));
    const lines = cp1258Lines(parseEscPos(Buffer.concat(printer.received)).lines).map((l) => l.trim());
    expect(lines).toContain(issued.body.number);
    expect(lines).toContain('Ưu tiên: Phụ nữ mang thai');
    expect(issued.body.checkCode).toMatch(/^[A-Z0-9]{5}$/);
    expect(lines).toContain(`Mã phiếu (để đánh giá): ${issued.body.checkCode}`);
    await until(async () => (await printState(c, issued.body.id)) === 'done');
    await printer.close();

    // Unplugged: the kiosk gets its ticket; the job fails, is kept, and says so.
    await pair.stop();
    await until(() => ready(c, false));
    const lost = await c.kiosk.post('/api/tickets', { serviceId: 2 });
    expect(lost.status).toBe(201);
    await until(async () => (await printState(c, lost.body.id)) === 'failed');
    const jobs = (await c.staff.get('/api/printer/jobs')).body as { id: number; ticketId: string; state: string }[];
    const job = jobs.find((j) => j.ticketId === lost.body.id);
    expect(job).toMatchObject({ id: lost.body.print.jobId, state: 'failed' });
    expect((await c.kiosk.get('/api/printer')).body.failed).toBe(1);

    // Plugged back in: the failed ticket comes out by itself.
    await pair.start();
    printer = await FakePrinter.open(pair);
    await until(() => printer.qr().includes(lost.body.trackUrl));
    await until(async () => (await printState(c, lost.body.id)) === 'done');
    expect((await c.kiosk.get('/api/printer')).body.failed).toBe(0);
    await printer.close();

    // Out and in again: nothing is printed twice. A new ticket is the barrier: it prints after any sweep.
    await pair.stop();
    await until(() => ready(c, false));
    await pair.start();
    printer = await FakePrinter.open(pair);
    await until(() => ready(c, true));
    const barrier = await c.kiosk.post('/api/tickets', { serviceId: 3 });
    await until(() => printer.qr().includes(barrier.body.trackUrl));
    expect(printer.qr()).toEqual([barrier.body.trackUrl]);
    expect(host.db.prepare('SELECT state, auto_reprinted, attempts FROM print_jobs WHERE id = ?').get(job?.id)).toEqual({ state: 'done', auto_reprinted: 1, attempts: 2 });

    // The counter can still reprint by hand, under the same job.
    const re = await c.staff.post(`/api/printer/jobs/${job?.id}/reprint`);
    expect(re.body).toMatchObject({ ok: true, jobId: job?.id });
    await until(() => count(printer.qr(), lost.body.trackUrl) === 1);
    await printer.close();
  });

  it('stores the office logo in the printer once (NV graphics) and prints it by key on every ticket', async () => {
    const png = makePng(200, 60, (x, y) => x > 20 && x < 180 && y > 10 && y < 50);
    expect(pngToDots(png, 576)?.dots.reduce((s, d) => s + d, 0)).toBe(159 * 39);
    expect((await c.admin.post('/api/admin/office', { logo: `data:image/png;base64,${png.toString('base64')}` })).status).toBe(200);
    const printer = await FakePrinter.open(pair);
    await c.admin.post('/api/admin/printer', { transport: { kind: 'serial', path: pair.device, baudRate: 9600 }, profile: 'epson-tm-t20iii', statusPollMs: 500 });
    await until(() => ready(c, true));
    const t1 = await c.kiosk.post('/api/tickets', { serviceId: 3 });
    await until(() => printer.qr().includes(t1.body.trackUrl));
    const t2 = await c.kiosk.post('/api/tickets', { serviceId: 3 });
    await until(() => printer.qr().includes(t2.body.trackUrl));
    const cmds = parseEscPos(Buffer.concat(printer.received)).commands;
    expect(cmds.filter((x) => x === 'GS ( L fn=67')).toHaveLength(1);
    expect(cmds.filter((x) => x === 'GS ( L fn=69')).toHaveLength(2);
    await printer.close();
  });
});

describe('issuing never waits for the printer', () => {
  it('a printer that takes no bytes at all: the kiosk has its ticket, marked "printing", until the printer reads', async () => {
    const host = await tempHost();
    // A file printer lives in the data folder's spool folder (the transport policy), named alone.
    const fifo = path.join(host.dataDir, 'spool', 'printer.fifo');
    execFileSync('mkfifo', [fifo]);
    let reader: fs.ReadStream | null = null;
    try {
      const c = await clientsOf(host);
      // A FIFO nobody reads: opening it for writing blocks until a reader comes, so the printer is stuck.
      expect((await c.admin.post('/api/admin/printer', { transport: { kind: 'file', path: 'printer.fifo' } })).status).toBe(200);
      const issued = await c.kiosk.post('/api/tickets', { serviceId: 1 });
      expect(issued.status).toBe(201);
      expect(issued.body.print.state).toBe('queued');
      await until(async () => (await printState(c, issued.body.id)) === 'printing');
      // Still stuck after further requests went through: nothing about issuing waited for it.
      expect((await c.kiosk.post('/api/tickets', { serviceId: 1 })).status).toBe(201);
      expect(await printState(c, issued.body.id)).toBe('printing');

      const got: Buffer[] = [];
      reader = fs.createReadStream(fifo);
      reader.on('data', (d) => got.push(d as Buffer));
      await until(async () => (await printState(c, issued.body.id)) === 'done');
      await until(() => parseEscPos(Buffer.concat(got)).qrData.includes(issued.body.trackUrl));
    } finally {
      await host.close();
      reader?.destroy();
    }
  });
});

describe('print jobs across a host restart', () => {
  // The printer is off during the restart: a start keeps a stored printer whose device is only absent.
  it('a ticket that failed to print before a restart prints once when the printer is back; not yesterday’s, not one already served', async () => {
    const dataDir = tempDir();
    const clock = new FakeClock();
    const pair = PtyPair.inDir(tempDir());
    const started: Host[] = [];
    const start = async () => {
      const h = await tempHost({ clock, dir: dataDir });
      started.push(h);
      return { h, c: await clientsOf(h) };
    };
    try {
      // Day 1: the printer is configured (plugged in then: the policy takes only a link that leads to a
      // device) but not there; X fails.
      let { h, c } = await start();
      await pair.start();
      expect((await c.admin.post('/api/admin/printer', PRINTER(pair.device))).status).toBe(200);
      await pair.stop();
      const x = (await c.kiosk.post('/api/tickets', { serviceId: 1 })).body;
      await until(async () => (await printState(c, x.id)) === 'failed');
      await h.close();

      // Day 2, still no printer: Y fails; Z fails and is then served.
      clock.advance(24 * 3600_000);
      ({ h, c } = await start());
      const y = (await c.kiosk.post('/api/tickets', { serviceId: 1 })).body;
      const z = (await c.kiosk.post('/api/tickets', { serviceId: 2 })).body;
      await until(async () => (await printState(c, y.id)) === 'failed' && (await printState(c, z.id)) === 'failed');
      expect((await c.staff.post(`/api/tickets/${z.id}/call`, { counterId: 1 })).status).toBe(200);
      expect((await c.staff.post(`/api/tickets/${z.id}/finish`, {})).status).toBe(200);
      await h.close();

      // Restarted on day 2 with the printer back: Y prints by itself; X (yesterday) and Z (served) do not.
      ({ h, c } = await start());
      expect(await printState(c, y.id)).toBe('failed');
      await pair.start();
      let printer = await FakePrinter.open(pair);
      await until(() => printer.tickets().includes(y.id));
      const w = (await c.kiosk.post('/api/tickets', { serviceId: 3 })).body;
      await until(() => printer.tickets().includes(w.id));
      expect(printer.tickets()).toEqual([y.id, w.id]);
      expect(await printState(c, y.id)).toBe('done');
      expect(await printState(c, x.id)).toBe('failed');
      await printer.close();
      await h.close();

      // And after one more restart nothing comes out again.
      ({ h, c } = await start());
      printer = await FakePrinter.open(pair);
      await until(() => ready(c, true));
      const v = (await c.kiosk.post('/api/tickets', { serviceId: 3 })).body;
      await until(() => printer.tickets().includes(v.id));
      expect(printer.tickets()).toEqual([v.id]);
      await printer.close();
    } finally {
      for (const h of started) await h.close();
      await pair.stop();
    }
  });
});
