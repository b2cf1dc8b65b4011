// `/api/health` that can fail (#27): the database's real state, the data folder's free space, the
// printer and the LED boards, each taken away for real (a pty pair's socat killed, a Modbus board
// that stops answering on its line, a filesystem filled up) and brought back.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { FakePrinter } from '../../helpers/fakePrinter';
import { deviceClient, signedInAdmin } from '../../helpers/devices';
import { HttpClient } from '../../helpers/httpClient';
import { PtyPair } from '../../helpers/ptyPair';
import { tempDir, tempHost } from '../../helpers/tempHost';

const hosts: Host[] = [];
const pairs: PtyPair[] = [];
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
  for (const p of pairs.splice(0)) await p.stop();
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function started(opts: Parameters<typeof tempHost>[0] = {}) {
  const host = await tempHost(opts);
  hosts.push(host);
  const phone = new HttpClient(`http://127.0.0.1:${host.port}`);
  const kiosk = deviceClient(host, 'kiosk');
  return { host, phone, kiosk, admin: await signedInAdmin(host) };
}

/** Poll health until `want` holds (probes are cached for 1.5 s). */
async function healthUntil(c: HttpClient, want: (h: Record<string, unknown>) => boolean, ms = 10_000): Promise<Record<string, unknown>> {
  let last: Record<string, unknown> = {};
  const until = Date.now() + ms;
  for (;;) {
    last = (await c.get('/api/health')).body as Record<string, unknown>;
    if (want(last)) return last;
    if (Date.now() > until) throw new Error(`health never matched; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const openPeer = (p: string) =>
  new Promise<SerialPort>((res, rej) => {
    const port = new SerialPort({ path: p, baudRate: 9600 }, (e) => (e ? rej(e) : res(port)));
  });

/** A Modbus board on the peer end that echoes each function-06 write, while `answering()` says so. */
function modbusBoard(peer: SerialPort, answering: () => boolean): void {
  let buf = Buffer.alloc(0);
  peer.on('data', (d: Buffer) => {
    buf = Buffer.concat([buf, d]);
    while (buf.length >= 8) {
      const frame = buf.subarray(0, 8);
      buf = buf.subarray(8);
      if (answering()) peer.write(frame);
    }
  });
}

describe('health that can fail', () => {
  it('a fresh host is ok with no printer and no boards; a phone hears coarse states only, an enrolled device the details', async () => {
    const { phone, kiosk } = await started();
    const anon = await phone.get('/api/health');
    expect(anon.status).toBe(200);
    expect(anon.body).toMatchObject({ ok: true, database: 'ok', disk: 'ok', printers: 'none', boards: 'none' });
    expect(anon.body.details).toBeUndefined();
    expect(JSON.stringify(anon.body)).not.toMatch(/\/tmp|motcua-test/);
    const enrolled = await kiosk.get('/api/health');
    expect(enrolled.body.details).toMatchObject({ database: { state: 'ok', damage: null }, printers: [], boards: [] });
    expect(enrolled.body.details.disk.freeBytes).toBeGreaterThan(0);
  });

  it('an unplugged printer (socat killed) makes health fail and say which; plugged back, it recovers', async () => {
    const { phone, kiosk, admin } = await started();
    const pair = PtyPair.inDir(tempDir());
    pairs.push(pair);
    await pair.start();
    let printer = await FakePrinter.open(pair);
    expect((await admin.post('/api/admin/printer', { transport: { kind: 'serial', path: pair.device, baudRate: 9600 }, profile: 'epson-tm-t20iii', statusPollMs: 500 })).status).toBe(200);
    await healthUntil(phone, (h) => h.ok === true && h.printers === 'ok');

    await printer.close();
    await pair.stop();
    const down = await healthUntil(phone, (h) => h.printers === 'down');
    expect(down).toMatchObject({ ok: false, database: 'ok', boards: 'none' });
    const seen = (await kiosk.get('/api/health')).body;
    expect(seen.details.printers).toEqual([{ printer: 'host', ready: false, message: 'Máy in chưa kết nối' }]);

    await pair.start();
    printer = await FakePrinter.open(pair);
    await healthUntil(phone, (h) => h.ok === true && h.printers === 'ok', 15_000);
    await printer.close();
  }, 40_000);

  it('a Modbus board that stops answering on an open line is down, in health and on the admin screen; answering again, it recovers', async () => {
    const { phone, kiosk, admin } = await started({ boardProbeMs: 300 });
    const pair = PtyPair.inDir(tempDir(), 'modbus');
    pairs.push(pair);
    await pair.start();
    const peer = await openPeer(pair.peer);
    cleanups.push(() => new Promise<void>((r) => (peer.isOpen ? peer.close(() => r()) : r())));
    let answering = true;
    modbusBoard(peer, () => answering);
    const saved = await admin.post('/api/admin/boards', { boards: [{ kind: 'counter', port: pair.device, address: 3, counterId: 1, protocol: 'modbus', blinkSeconds: 0 }] });
    expect(saved.status).toBe(200);
    await healthUntil(phone, (h) => h.ok === true && h.boards === 'ok');

    answering = false;
    const down = await healthUntil(phone, (h) => h.boards === 'down');
    expect(down.ok).toBe(false);
    // The line itself is still open: before #27 the admin screen said the board was connected.
    const view = (await admin.get('/api/admin/boards')).body;
    expect(view.buses).toEqual([expect.objectContaining({ port: pair.device, connected: true })]);
    expect(view.zones).toEqual([{ zoneId: 1, boards: 1, connected: 0, downPorts: [pair.device] }]);
    expect((await kiosk.get('/api/health')).body.details.boards).toEqual([{ kind: 'counter', port: pair.device, address: 3, zoneId: 1, connected: false }]);

    answering = true;
    await healthUntil(phone, (h) => h.ok === true && h.boards === 'ok');
    expect((await admin.get('/api/admin/boards')).body.zones[0].connected).toBe(1);
  }, 40_000);
});

/** A real small filesystem to fill (tmpfs; the container runs as root). Null where mounting is not allowed. */
function smallFilesystem(sizeMb: number): string | null {
  const dir = tempDir('motcua-tmpfs-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  cleanups.push(() => {
    execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
  });
  return dir;
}

/** Write `bytes` of ballast in 1 MiB pieces; stops quietly at ENOSPC (the disk is then full). */
function fill(file: string, bytes: number): void {
  const chunk = Buffer.alloc(1024 * 1024, 0x5a);
  const fd = fs.openSync(file, 'w');
  try {
    for (let left = bytes; left > 0; left -= chunk.length) fs.writeSync(fd, chunk, 0, Math.min(chunk.length, left));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  } finally {
    fs.closeSync(fd);
  }
}

describe('disk space', () => {
  it('a data folder on a filling disk: low below the threshold, then full (the kiosk refused, the database failing); freed, all recover', async (ctx) => {
    const dir = smallFilesystem(64);
    // Where mounting is not allowed the statfs probe is still real (the first test reads it); say so.
    if (dir === null) return ctx.skip('cannot mount a tmpfs here');
    const { phone, kiosk } = await started({ dir, diskLowBytes: 16 * 1024 * 1024 });
    await healthUntil(phone, (h) => h.ok === true && h.disk === 'ok');
    const ballast = path.join(dir, 'ballast');
    const free = fs.statfsSync(dir).bavail * fs.statfsSync(dir).bsize;
    fill(ballast, free - 8 * 1024 * 1024);
    const low = await healthUntil(phone, (h) => h.disk === 'low');
    expect(low).toMatchObject({ ok: false, database: 'ok' });

    // Full to the last byte: the write fails, the kiosk is told, the database reports failing.
    const more = path.join(dir, 'ballast2');
    fill(more, 64 * 1024 * 1024);
    let refused = 0;
    for (let i = 0; i < 200 && refused === 0; i++) {
      const r = await kiosk.post('/api/tickets', { serviceId: 1 });
      if (r.status === 507) refused++;
    }
    expect(refused).toBe(1);
    const failing = await healthUntil(phone, (h) => h.database === 'failing');
    expect(failing.ok).toBe(false);
    expect((await kiosk.get('/api/health')).body.details.database.error).toMatch(/SQLITE_FULL|SQLITE_IOERR/);

    fs.rmSync(more, { force: true });
    fs.rmSync(ballast, { force: true });
    expect((await kiosk.post('/api/tickets', { serviceId: 1 })).status).toBe(201);
    await healthUntil(phone, (h) => h.ok === true && h.disk === 'ok' && h.database === 'ok');
  }, 60_000);
});
