import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import type { QueueEvent } from '../../../shared/api/events';
import { BoardConfig } from '../../../shared/boardConfig';
import { createBoardsService } from '../../../electron/host/boards/boardsService';
import type { BoardsService } from '../../../electron/host/boards/boardsService';
import { PtyPair } from '../../helpers/ptyPair';
import { tempDir } from '../../helpers/tempHost';

const services: BoardsService[] = [];
const pairs: PtyPair[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
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
    const playBoard = (peer: SerialPort) => {
      let buf = Buffer.alloc(0);
      peer.on('data', (d: Buffer) => {
        buf = Buffer.concat([buf, d]);
        while (buf.length >= 8) {
          const frame = buf.subarray(0, 8);
          buf = buf.subarray(8);
          expect(frame[1]).toBe(0x06);
          expect(crc16(frame.subarray(0, 6))).toBe(frame.readUInt16LE(6));
          writes.push({ addr: frame[0] as number, reg: frame.readUInt16BE(2), value: frame.readUInt16BE(4) });
          peer.write(frame); // a function-06 reply echoes the request
        }
      });
    };
    let peer = await openPeer(pair.peer);
    playBoard(peer);
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
    playBoard(peer);
    await waitFor(() => writes.slice(before).some((w) => w.reg === 1 && w.value === 3), 10_000);
    peer.close();
  }, 30_000);
});
