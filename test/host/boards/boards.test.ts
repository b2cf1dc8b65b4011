import { execFileSync } from 'node:child_process';
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import type { QueueEvent } from '../../../shared/api/events';
import { BoardConfig, BoardsConfig } from '../../../shared/boardConfig';
import { createBoardsService } from '../../../electron/host/boards/boardsService';
import type { BoardsService } from '../../../electron/host/boards/boardsService';
import { CallOutputs } from '../../../electron/host/devices/callOutputs';
import { AppError } from '../../../shared/errors';
import { PtyPair } from '../../helpers/ptyPair';
import { FakeClock, STAFF, tempDir, tempQueue } from '../../helpers/tempHost';

const services: BoardsService[] = [];
const pairs: PtyPair[] = [];
const outputs: CallOutputs[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
  for (const o of outputs.splice(0)) await o.close();
  for (const p of pairs.splice(0)) await p.stop();
});

function ev(type: QueueEvent['type'], number: string | null, counterId = 1): QueueEvent {
  return {
    type,
    seq: 1,
    at: 0,
    ticket: number
      ? { id: 'x'.repeat(14), number, serviceId: 1, priority: null, state: 'called', businessDay: '2026-11-24', issuedAt: 0, queuedAt: 0, calledAt: 0, servingAt: null, finishedAt: null, counterId, officerId: 1, targetCounterId: null, callCount: 1, transferredFrom: null, dossierCode: null }
      : null,
    counter: { id: counterId, number: counterId, name: `Quầy ${counterId}`, status: 'open' },
    serviceId: 1,
    waiting: 0,
  };
}

const openPeer = (p: string) =>
  new Promise<SerialPort>((res, rej) => {
    const port = new SerialPort({ path: p, baudRate: 9600 }, (e) => (e ? rej(e) : res(port)));
  });

/** An ASCII board line on a real pty pair; its peer end keeps every frame the boards were sent. */
async function asciiLine(name: string): Promise<{ pair: PtyPair; peer: SerialPort; frames: () => ReturnType<typeof decodeAscii> }> {
  const pair = PtyPair.inDir(tempDir(), name);
  pairs.push(pair);
  await pair.start();
  const peer = await openPeer(pair.peer);
  const rx: Buffer[] = [];
  peer.on('data', (d: Buffer) => rx.push(d));
  return { pair, peer, frames: () => decodeAscii(Buffer.concat(rx)) };
}

const waitFor = async (cond: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** Independent decoder of the ASCII framing: STX addr(2) cmd text ETX xor(2 hex). */
function decodeAscii(buf: Buffer): { address: number; cmd: string; text: string }[] {
  const out: { address: number; cmd: string; text: string }[] = [];
  let i = 0;
  while ((i = buf.indexOf(0x02, i)) >= 0) {
    const etx = buf.indexOf(0x03, i);
    if (etx < 0 || etx + 2 >= buf.length + 0) break;
    const body = buf.subarray(i + 1, etx + 1);
    let x = 0;
    for (const b of body) x ^= b;
    const sum = parseInt(buf.subarray(etx + 1, etx + 3).toString('ascii'), 16);
    if (sum !== x) throw new Error(`bad checksum at ${i}`);
    const s = buf.subarray(i + 1, etx).toString('ascii');
    out.push({ address: Number(s.slice(0, 2)), cmd: s[2] as string, text: s.slice(3) });
    i = etx + 3;
  }
  return out;
}

/** CRC-16/MODBUS written out here, not taken from the library under test. */
function crc16(bytes: Buffer): number {
  let crc = 0xffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

describe('LED boards over real ptys', () => {
  it('ASCII framing: call blinks then steadies, recall, pause, blank; checksums verified', async () => {
    const pair = PtyPair.inDir(tempDir(), 'board');
    pairs.push(pair);
    await pair.start();
    const peer = await openPeer(pair.peer);
    const rx: Buffer[] = [];
    peer.on('data', (d: Buffer) => rx.push(d));
    const svc = createBoardsService({ boards: [BoardConfig.parse({ port: pair.device, address: 3, counterId: 1, protocol: 'ascii', blinkSeconds: 1 })] });
    services.push(svc);
    const frames = () => decodeAscii(Buffer.concat(rx));
    svc.handle(ev('ticket.called', 'A012'));
    await waitFor(() => frames().length >= 2, 4000);
    expect(frames().slice(0, 2)).toEqual([
      { address: 3, cmd: 'B', text: 'A012' },
      { address: 3, cmd: 'N', text: 'A012' },
    ]);
    svc.handle(ev('ticket.recalled', 'A012'));
    svc.handle(ev('counter.paused', null));
    svc.handle(ev('counter.closed', null));
    svc.handle(ev('ticket.called', 'B001', 2)); // another counter: not this board
    await waitFor(() => frames().length >= 5);
    await new Promise((r) => setTimeout(r, 200));
    expect(frames().slice(2)).toEqual([
      { address: 3, cmd: 'B', text: 'A012' },
      { address: 3, cmd: 'P', text: '----' },
      { address: 3, cmd: 'C', text: '' },
    ]);
    peer.close();
  });

  it('Modbus RTU: function 06 writes with a valid CRC-16; unplug and replug recovers', async () => {
    const pair = PtyPair.inDir(tempDir(), 'modbus');
    pairs.push(pair);
    await pair.start();
    const writes: { addr: number; reg: number; value: number }[] = [];
    let peer = await openPeer(pair.peer);
    modbusPeer(peer, writes);
    const svc = createBoardsService({ boards: [BoardConfig.parse({ port: pair.device, address: 1, counterId: 1, protocol: 'modbus', blinkSeconds: 0 })] });
    services.push(svc);
    svc.handle(ev('ticket.called', 'A012'));
    await waitFor(() => writes.length >= 2);
    expect(writes).toEqual([
      { addr: 1, reg: 1, value: 1 },
      { addr: 1, reg: 0, value: 12 },
    ]);
    svc.handle(ev('counter.paused', null));
    await waitFor(() => writes.length >= 3);
    expect(writes[2]).toEqual({ addr: 1, reg: 1, value: 2 });

    peer.close();
    await pair.stop();
    svc.handle(ev('counter.closed', null)); // sent while unplugged: must arrive after replug
    await new Promise((r) => setTimeout(r, 300));
    await pair.start();
    peer = await openPeer(pair.peer);
    const before = writes.length;
    modbusPeer(peer, writes);
    await waitFor(() => writes.slice(before).some((w) => w.reg === 1 && w.value === 3), 10_000);
    peer.close();
  }, 30_000);
});

/** A Modbus board on the peer end: checks each function-06 frame's CRC, records it, echoes it. */
function modbusPeer(peer: SerialPort, writes: { addr: number; reg: number; value: number }[]): void {
  let buf = Buffer.alloc(0);
  peer.on('data', (d: Buffer) => {
    buf = Buffer.concat([buf, d]);
    while (buf.length >= 8) {
      const frame = buf.subarray(0, 8);
      buf = buf.subarray(8);
      expect(frame[1]).toBe(0x06);
      expect(crc16(frame.subarray(0, 6))).toBe(frame.readUInt16LE(6));
      writes.push({ addr: frame[0] as number, reg: frame.readUInt16BE(2), value: frame.readUInt16BE(4) });
      peer.write(frame);
    }
  });
}

describe('zone hall boards on the provincial centre, over real ptys', () => {
  it('each floor’s hall board shows its own floor’s calls only; pause, close and a restart follow the counter-board rules', async () => {
    const clock = new FakeClock();
    const { queue } = tempQueue({ clock, sample: 'centre' });
    const counters = queue.views.listCounters();
    const floor1 = counters.filter((c) => c.zoneId === 1);
    const floor2 = counters.filter((c) => c.zoneId === 2);
    expect(floor1.length).toBeGreaterThan(2);
    expect(floor2.length).toBeGreaterThan(2);
    const [a, b] = floor1 as [(typeof floor1)[number], (typeof floor1)[number]];
    const c = floor2[0] as (typeof floor2)[number];

    const hall1 = PtyPair.inDir(tempDir(), 'hall1');
    const hall2 = PtyPair.inDir(tempDir(), 'hall2');
    pairs.push(hall1, hall2);
    await hall1.start();
    await hall2.start();
    const peer1 = await openPeer(hall1.peer);
    const peer2 = await openPeer(hall2.peer);
    const rx1: Buffer[] = [];
    peer1.on('data', (d: Buffer) => rx1.push(d));
    const writes2: { addr: number; reg: number; value: number }[] = [];
    modbusPeer(peer2, writes2);
    const frames1 = () => decodeAscii(Buffer.concat(rx1));

    const out = new CallOutputs(queue, () => undefined, () => undefined);
    outputs.push(out);
    const config = [
      // Floor 1: a two-line ASCII hall board at addresses 1–2, and counter a's own board on the same line.
      { kind: 'hall', zoneId: 1, port: hall1.device, address: 1, rows: 2, protocol: 'ascii', blinkSeconds: 1 },
      { port: hall1.device, address: 9, counterId: a.id, protocol: 'ascii', blinkSeconds: 0 }, // stored the old way: no kind
      // Floor 2: a one-line Modbus hall board at address 5.
      { kind: 'hall', zoneId: 2, port: hall2.device, address: 5, rows: 1, protocol: 'modbus', blinkSeconds: 0 },
    ];
    await out.setBoardsConfig(BoardsConfig.parse(config));
    // A fresh hall board is put right at once: nothing called today, every row blank; counter a's board too (a is closed).
    await waitFor(() => frames1().length >= 3 && writes2.length >= 1);
    expect(frames1()).toEqual([
      { address: 1, cmd: 'C', text: '' },
      { address: 2, cmd: 'C', text: '' },
      { address: 9, cmd: 'C', text: '' },
    ]);
    expect(writes2).toEqual([{ addr: 5, reg: 1, value: 3 }]);

    const call = (counter: typeof a) => {
      const t = queue.issuer.issue({ serviceId: counter.serviceIds[0] as number });
      const called = queue.calling.callNext(counter.id, STAFF(counter.id, counter.id));
      expect(called.id).toBe(t.id);
      return t.number;
    };
    for (const k of [a, b, c]) queue.counters.open(k.id, k.id);
    await new Promise((r) => setTimeout(r, 200));
    const quiet1 = frames1().length;
    const quiet2 = writes2.length;

    // Floor 1 calls: its hall board blinks the number with the counter, then steadies; counter a's board too.
    const n1 = call(a);
    await waitFor(() => frames1().length >= quiet1 + 3);
    expect(frames1().slice(quiet1, quiet1 + 3)).toEqual([
      { address: 9, cmd: 'B', text: n1 },
      { address: 1, cmd: 'B', text: `${n1} > ${a.number}` },
      { address: 1, cmd: 'N', text: `${n1} > ${a.number}` },
    ]);
    await new Promise((r) => setTimeout(r, 300));
    // Floor 2's board heard nothing of it.
    expect(writes2.length).toBe(quiet2);

    // Floor 2 calls: its Modbus hall board shows the digits and the counter; floor 1's line stays quiet.
    const before1 = frames1().length;
    const n3 = call(c);
    await waitFor(() => writes2.length >= quiet2 + 3);
    expect(writes2.slice(quiet2)).toEqual([
      { addr: 5, reg: 1, value: 1 },
      { addr: 5, reg: 0, value: Number(n3.replace(/\D/g, '')) },
      { addr: 5, reg: 2, value: c.number },
    ]);
    await new Promise((r) => setTimeout(r, 300));
    expect(frames1().length).toBe(before1);

    // A second floor-1 call: newest on top, the earlier one moves down a row.
    const n2 = call(b);
    await waitFor(() => frames1().length >= before1 + 3);
    expect(frames1().slice(before1, before1 + 3)).toEqual([
      { address: 1, cmd: 'B', text: `${n2} > ${b.number}` },
      { address: 2, cmd: 'N', text: `${n1} > ${a.number}` },
      { address: 1, cmd: 'N', text: `${n2} > ${b.number}` },
    ]);

    // Counter a finishes and pauses: its row shows the pause sign with the counter (and its own board "----").
    queue.lifecycle.finish((queue.calling.current(a.id) as { id: string }).id, STAFF(a.id, a.id));
    let mark = frames1().length;
    queue.counters.pause(a.id, 'break', '', STAFF(a.id, a.id));
    await waitFor(() => frames1().length >= mark + 2);
    expect(frames1().slice(mark)).toEqual([
      { address: 9, cmd: 'P', text: '----' },
      { address: 2, cmd: 'P', text: `---- > ${a.number}` },
    ]);
    mark = frames1().length;
    queue.counters.resume(a.id, STAFF(a.id, a.id));
    await waitFor(() => frames1().length >= mark + 2);
    expect(frames1().slice(mark)).toEqual([
      // Nobody at counter a now: its own board blanks; the hall still lists the call, as the TV does.
      { address: 9, cmd: 'C', text: '' },
      { address: 2, cmd: 'N', text: `${n1} > ${a.number}` },
    ]);

    // Counter b finishes and closes: its row goes, a's call moves up, the last row blanks.
    mark = frames1().length;
    const atB = queue.calling.current(b.id);
    if (atB) queue.lifecycle.finish(atB.id, STAFF(b.id, b.id));
    queue.counters.close(b.id, STAFF(b.id, b.id));
    await waitFor(() => frames1().length >= mark + 2);
    expect(frames1().slice(mark)).toEqual([
      { address: 1, cmd: 'N', text: `${n1} > ${a.number}` },
      { address: 2, cmd: 'C', text: '' },
    ]);
    expect(writes2.length).toBe(quiet2 + 3);

    // Saved again (edited twice: floor 2's board now two lines): both boards come back showing today's
    // calls at counters still open, as they showed before.
    mark = frames1().length;
    const mark2 = writes2.length;
    await out.setBoardsConfig(BoardsConfig.parse(config.map((x) => (x.zoneId === 2 ? { ...x, rows: 2 } : x))));
    await waitFor(() => frames1().length >= mark + 3 && writes2.length >= mark2 + 4);
    expect(frames1().slice(mark)).toEqual([
      { address: 1, cmd: 'N', text: `${n1} > ${a.number}` },
      { address: 2, cmd: 'C', text: '' },
      // Counter a's own board is told where a stands: open, nobody at the desk.
      { address: 9, cmd: 'C', text: '' },
    ]);
    expect(writes2.slice(mark2)).toEqual([
      { addr: 5, reg: 1, value: 0 },
      { addr: 5, reg: 0, value: Number(n3.replace(/\D/g, '')) },
      { addr: 5, reg: 2, value: c.number },
      { addr: 6, reg: 1, value: 3 },
    ]);
    // The next morning: the day closes (its counters with it) and both hall boards go blank.
    clock.t = Date.UTC(2026, 10, 24, 1, 0);
    mark = frames1().length;
    const mark3 = writes2.length;
    queue.issuer.issue({ serviceId: c.serviceIds[0] as number });
    await waitFor(() => frames1().length >= mark + 2 && writes2.length >= mark3 + 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(frames1().slice(mark)).toEqual([
      { address: 9, cmd: 'C', text: '' },
      { address: 1, cmd: 'C', text: '' },
    ]);
    expect(writes2.slice(mark3)).toEqual([{ addr: 5, reg: 1, value: 3 }]);

    // Status per zone: each floor's boards, all on connected lines.
    expect(out.zoneBoardsStatus()).toEqual([
      { zoneId: 1, boards: 2, connected: 2, downPorts: [] },
      { zoneId: 2, boards: 1, connected: 1, downPorts: [] },
    ]);
    peer1.close();
    peer2.close();
  }, 30_000);

  it('a board list stored by the version before hall boards drives its counter boards unchanged', async () => {
    const { queue } = tempQueue();
    const { pair, peer, frames } = await asciiLine('old');
    // Exactly what the older admin saved: no `kind`.
    queue.settings.setRaw('boards', [{ port: pair.device, baudRate: 9600, address: 2, counterId: 1, protocol: 'ascii', blinkSeconds: 0 }]);
    const out = new CallOutputs(queue, () => undefined, () => undefined);
    outputs.push(out);
    expect(out.boardsConfig()).toEqual([{ kind: 'counter', port: pair.device, baudRate: 9600, address: 2, counterId: 1, protocol: 'ascii', blinkSeconds: 0 }]);
    queue.counters.open(1, 1);
    const t = queue.issuer.issue({ serviceId: 1 });
    queue.calling.callNext(1, STAFF(1, 1));
    await waitFor(() => frames().length >= 2);
    // Started with the counter closed: blank; opened with nobody at the desk: blank; then the call blinks, as before.
    expect(frames()).toEqual([
      { address: 2, cmd: 'C', text: '' },
      { address: 2, cmd: 'C', text: '' },
      { address: 2, cmd: 'B', text: t.number },
    ]);
    expect(out.zoneBoardsStatus()).toEqual([{ zoneId: 1, boards: 1, connected: 1, downPorts: [] }]);
    peer.close();
  });

  it('a save with a wiring mistake is refused whole and the boards keep their settings', async () => {
    const { queue } = tempQueue({ sample: 'centre' });
    const out = new CallOutputs(queue, () => undefined, () => undefined);
    outputs.push(out);
    const dir = tempDir();
    const good = BoardsConfig.parse([{ kind: 'hall', zoneId: 2, port: `${dir}/a`, address: 1, rows: 3 }]);
    await out.setBoardsConfig(good);
    const refused = async (boards: unknown[], code: string, text: RegExp) => {
      const err = await out.setBoardsConfig(BoardsConfig.parse(boards)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe(code);
      expect((err as AppError).message).toMatch(text);
      expect(out.boardsConfig()).toEqual(good);
    };
    // Address 3 is the hall board's third row.
    await refused([...good, { port: `${dir}/a`, address: 3, counterId: 1 }], 'BAD_REQUEST', /cùng địa chỉ 3/);
    await refused([...good, { port: `${dir}/a`, address: 9, counterId: 1, protocol: 'modbus' }], 'BAD_REQUEST', /cùng giao thức/);
    await refused([...good, { port: `${dir}/a`, address: 9, counterId: 1, baudRate: 19200 }], 'BAD_REQUEST', /bảng 2: cổng .* đã dùng tốc độ 9600 baud/);
    await refused([{ kind: 'hall', zoneId: 1, port: `${dir}/b`, address: 98, rows: 3 }], 'BAD_REQUEST', /quá 99/);
    await refused([{ kind: 'hall', zoneId: 9, port: `${dir}/b` }], 'ZONE_NOT_FOUND', /khu vực 9/);
    await refused([{ port: `${dir}/b`, counterId: 999 }], 'COUNTER_NOT_FOUND', /quầy 999/);
  });
});

describe('board lines as the admin screen sees them', () => {
  it('a board speed and blink time edited twice reach the line; the line going down and coming back is pushed as it happens', async () => {
    const { queue } = tempQueue();
    const line = await asciiLine('live');
    const { pair, frames } = line;
    let peer = line.peer;
    const pushed: unknown[] = [];
    const out = new CallOutputs(queue, (m) => pushed.push(m), () => undefined);
    outputs.push(out);
    const signals = () => pushed.filter((m) => (m as { type?: string }).type === 'boards.status').length;
    const board = { kind: 'counter', port: pair.device, address: 4, counterId: 1, protocol: 'ascii' } as const;

    // First edit: 19200 baud, no blinking. The host opens the port at that speed (read back from the tty).
    await out.setBoardsConfig(BoardsConfig.parse([{ ...board, baudRate: 19200, blinkSeconds: 0 }]));
    queue.counters.open(1, 1);
    const first = queue.issuer.issue({ serviceId: 1 });
    queue.calling.callNext(1, STAFF(1, 1));
    await waitFor(() => frames().some((f) => f.cmd === 'B'));
    expect(ttySpeed(pair.device)).toBe(19200);
    await waitFor(() => out.zoneBoardsStatus()[0]?.connected === 1);
    expect(signals()).toBeGreaterThan(0);
    // blinkSeconds 0: the call is sent once and never turned steady.
    await new Promise((r) => setTimeout(r, 300));
    expect(frames()).toEqual([
      { address: 4, cmd: 'C', text: '' },
      { address: 4, cmd: 'C', text: '' },
      { address: 4, cmd: 'B', text: first.number },
    ]);

    // Second edit changes only the blink time: the speed it did not touch stays 19200.
    const saved = await out.setBoardsConfig(BoardsConfig.parse([{ ...board, baudRate: 19200, blinkSeconds: 1 }]));
    expect(saved).toEqual([{ ...board, baudRate: 19200, blinkSeconds: 1 }]);
    queue.issuer.issue({ serviceId: 1 });
    const second = queue.calling.callNext(1, STAFF(1, 1));
    // Blinks, then steadies a second later.
    await waitFor(() => frames().some((f) => f.cmd === 'N' && f.text === second.number), 5000);
    expect(frames().filter((f) => f.text === second.number).map((f) => f.cmd)).toEqual(['B', 'N']);
    expect(ttySpeed(pair.device)).toBe(19200);

    // Unplugged: the status answers "not connected" and the screens are told without asking.
    const beforeUnplug = signals();
    peer.close();
    await pair.stop();
    queue.calling.recall(second.id, STAFF(1, 1)); // the write that finds the cable gone
    await waitFor(() => out.zoneBoardsStatus()[0]?.connected === 0);
    await waitFor(() => signals() > beforeUnplug);
    expect(out.zoneBoardsStatus()).toEqual([{ zoneId: 1, boards: 1, connected: 0, downPorts: [pair.device] }]);

    // Replugged: back to connected, pushed again.
    const beforeReplug = signals();
    await pair.start();
    peer = await openPeer(pair.peer);
    await waitFor(() => out.zoneBoardsStatus()[0]?.connected === 1, 10_000);
    expect(signals()).toBeGreaterThan(beforeReplug);
    peer.close();
  }, 30_000);
});

describe('counter boards after a host restart', () => {
  it('each board is told at once where its counter stands: the number at the desk steady, the pause sign, or blank', async () => {
    const { queue } = tempQueue();
    const { pair, peer, frames } = await asciiLine('restart');
    // Before the restart: counter 1 serves a ticket, counter 2 is on a break, counter 3 is closed.
    queue.counters.open(1, 1);
    queue.counters.open(2, 2);
    const t = queue.issuer.issue({ serviceId: 1 });
    expect(queue.calling.callNext(1, STAFF(1, 1)).id).toBe(t.id);
    queue.counters.pause(2, 'break', '', STAFF(2, 2));
    queue.settings.setRaw('boards', [1, 2, 3].map((counterId) => ({ kind: 'counter', port: pair.device, address: counterId, counterId, protocol: 'ascii' })));
    const out = new CallOutputs(queue, () => undefined, () => undefined);
    outputs.push(out);
    await waitFor(() => frames().length >= 3);
    await new Promise((r) => setTimeout(r, 200));
    expect(frames()).toEqual([
      { address: 1, cmd: 'N', text: t.number },
      { address: 2, cmd: 'P', text: '----' },
      { address: 3, cmd: 'C', text: '' },
    ]);
    expect(out.zoneBoardsStatus()).toEqual([{ zoneId: 1, boards: 3, connected: 3, downPorts: [] }]);
    peer.close();
  });
});

/** The speed the tty is set to now, as `stty` reads it (not what the library says it asked for). */
function ttySpeed(device: string): number {
  return Number(execFileSync('stty', ['-F', device, 'speed'], { encoding: 'utf8' }).trim());
}

describe('boards whose counter or zone went after they were saved', () => {
  it('a board of a deleted counter and a hall board of a deleted zone are blanked; the other boards go on', async () => {
    const { queue } = tempQueue();
    const { peer, pair, frames } = await asciiLine('gone');
    queue.counters.open(1, 1);
    // Saved while counter 99 and zone 99 existed; both were removed since (the stored list is read as it is).
    queue.settings.setRaw('boards', [
      { kind: 'counter', port: pair.device, address: 1, counterId: 1, protocol: 'ascii' },
      { kind: 'counter', port: pair.device, address: 2, counterId: 99, protocol: 'ascii' },
      { kind: 'hall', port: pair.device, address: 3, zoneId: 99, rows: 1, protocol: 'ascii' },
    ]);
    const out = new CallOutputs(queue, () => undefined, () => undefined);
    outputs.push(out);
    await waitFor(() => frames().length >= 3);
    await new Promise((r) => setTimeout(r, 200));
    expect(frames().filter((f) => f.address !== 1).sort((x, y) => x.address - y.address)).toEqual([
      { address: 2, cmd: 'C', text: '' },
      { address: 3, cmd: 'C', text: '' },
    ]);
    const before = frames().length;
    const t = queue.issuer.issue({ serviceId: 1 });
    const called = queue.calling.callNext(1, STAFF(1, 1));
    await waitFor(() => frames().slice(before).some((f) => f.address === 1 && f.text === t.number));
    expect(called.id).toBe(t.id);
    expect(frames().slice(before).filter((f) => f.address !== 1)).toEqual([]);
    peer.close();
  });
});
