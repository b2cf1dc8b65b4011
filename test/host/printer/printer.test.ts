import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { PrinterConfig } from '../../../shared/printerConfig';
import { createPrinterService } from '../../../electron/host/printer/printerService';
import type { PrinterService } from '../../../electron/host/printer/printerService';
import { encodeTicket, ticketText } from '../../../electron/host/printer/ticketLayout';
import type { TicketPrintData } from '../../../electron/host/printer/ticketLayout';
import { encodeTestPage, testPageLines } from '../../../electron/host/printer/testPage';
import { toCp1258Form } from '../../../electron/host/printer/vietnameseText';
import { renderText } from '../../../electron/host/printer/rasterText';
import { parseEscPos } from '../../helpers/escposParser';
import { PtyPair } from '../../helpers/ptyPair';
import { tempDir } from '../../helpers/tempHost';

const sample: TicketPrintData = {
  officeName: 'UBND Phường Hòa Bình — Bộ phận Tiếp nhận và Trả kết quả',
  serviceNameVi: 'Lao động – Thương binh và Xã hội',
  serviceNameEn: 'Labour, Invalids and Social Affairs',
  number: 'E017',
  priorityLabel: 'Người cao tuổi',
  issuedAt: Date.UTC(2026, 10, 24, 1, 35),
  ahead: 4,
  etaMinutes: 27,
  trackUrl: 'http://192.168.1.10:8080/t/AbCdEfGhJkLmNp',
  footer: 'Xin cảm ơn công dân! Nghỉ trưa 11:30–13:30.',
  checkCode: 'K7MPX',
};

const iconvCp1258 = (b: Buffer) => execFileSync('iconv', ['-f', 'CP1258', '-t', 'UTF-8'], { input: b }).toString('utf8');
const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

const services: PrinterService[] = [];
const pairs: PtyPair[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
  for (const p of pairs.splice(0)) await p.stop();
});

function openPeer(p: string): Promise<SerialPort> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path: p, baudRate: 9600 }, (err) => (err ? reject(err) : resolve(port)));
  });
}

describe('Vietnamese for the printer', () => {
  it('CP1258 bytes of every Vietnamese letter with every tone equal glibc iconv -t CP1258', () => {
    const parsed = parseEscPos(Buffer.from(encodeTestPage({ profile: 'epson-tm-t20iii', paper: 80, encoding: 'cp1258' })));
    const expected = testPageLines();
    const reference = (line: string) => execFileSync('iconv', ['-f', 'UTF-8', '-t', 'CP1258'], { input: Buffer.from(line.normalize('NFC'), 'utf8') }).toString('hex');
    const start = parsed.lines.findIndex((l) => l.toString('hex') === reference(expected[0] as string));
    expect(start).toBeGreaterThan(0);
    expected.forEach((line, k) => expect(parsed.lines[start + k]?.toString('hex')).toBe(reference(line)));
    expect(parsed.commands).toContain('ESC t 52');
  });

  it('the CP1258 form keeps precomposed letters and splits off tones like iconv', () => {
    expect(toCp1258Form('á ơ ế ã Ặ')).toBe('á ơ ê\u0301 a\u0303 Ă\u0323');
  });
});

describe('raster mode', () => {
  it('prints the text as dot images (any printer), the QR natively, and cuts last', () => {
    const parsed = parseEscPos(Buffer.from(encodeTicket(sample, { profile: 'pos-5890', paper: 58, encoding: 'raster' })));
    expect(parsed.images.length).toBeGreaterThanOrEqual(2);
    expect(parsed.images.every((im) => im.width === 384 && im.height > 0)).toBe(true);
    expect(parsed.qrData).toEqual([sample.trackUrl]);
    expect(parsed.commands.filter((c) => !c.startsWith('DLE')).pop()).toBe('GS V cut');
    // No text bytes beyond the rules: every word is in the images.
    expect(parsed.lines.map((l) => l.toString('latin1')).join('').replace(/[-\s]/g, '')).toBe('');
  });

  it('renders Vietnamese letters as ink: each toned letter differs from its bare form', () => {
    const ink = (text: string) => renderText([{ text, px: 40, align: 'left', bold: false }], 192).dots.reduce((s, d) => s + d, 0);
    for (const [toned, bare] of [['ệ', 'e'], ['ờ', 'o'], ['ữ', 'u'], ['Đ', 'D'], ['ặ', 'a']] as const) expect(ink(toned)).toBeGreaterThan(ink(bare));
  });
});

describe('ticket over a real serial pty', () => {
  it('prints the exact Vietnamese ticket text, the QR of the tracking URL, and cuts last', async () => {
    const dir = tempDir();
    const pair = PtyPair.inDir(dir);
    pairs.push(pair);
    await pair.start();
    const peer = await openPeer(pair.peer);
    const received: Buffer[] = [];
    peer.on('data', (d: Buffer) => received.push(d));
    const svc = createPrinterService({ config: PrinterConfig.parse({ transport: { kind: 'serial', path: pair.device, baudRate: 115200 }, profile: 'epson-tm-t20iii', paper: 80 }) });
    services.push(svc);
    const result = await svc.printTicket(sample, 'AbCdEfGhJkLmNp');
    expect(result).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 300));
    const bytes = Buffer.concat(received);
    const parsed = parseEscPos(bytes);
    const printed = squash(parsed.lines.map((l) => iconvCp1258(l)).join(' ').replace(/-{10,}/g, ' '));
    expect(printed).toBe(squash(ticketText(sample).join(' ')));
    expect(printed).toContain('Lao động – Thương binh và Xã hội');
    expect(printed).toContain('Ưu tiên: Người cao tuổi');
    expect(parsed.qrData).toEqual([sample.trackUrl]);
    expect(parsed.commands).toContain('ESC t 52');
    expect(parsed.commands.filter((c) => !c.startsWith('DLE EOT')).pop()).toBe('GS V cut');
    expect(bytes.length).toBeLessThanOrEqual(1024);
    peer.close();
  });
});

/** Plays a printer on the peer end: records bytes, answers DLE EOT n from `answers`. */
function fakePrinter(peer: SerialPort, answers: { printer: number; offline: number; error: number; paper: number }) {
  const received: Buffer[] = [];
  peer.on('data', (d: Buffer) => {
    received.push(d);
    for (let i = 0; i + 2 < d.length; i++) {
      if (d[i] === 0x10 && d[i + 1] === 0x04) {
        const n = d[i + 2];
        peer.write(Buffer.of(n === 1 ? answers.printer : n === 2 ? answers.offline : n === 3 ? answers.error : answers.paper));
      }
    }
  });
  return received;
}

const waitFor = async (cond: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('printer status and faults', () => {
  it('reads paper end and cover open from DLE EOT answers and publishes the change', async () => {
    const pair = PtyPair.inDir(tempDir());
    pairs.push(pair);
    await pair.start();
    const peer = await openPeer(pair.peer);
    const answers = { printer: 0x12, offline: 0x12, error: 0x12, paper: 0x12 };
    fakePrinter(peer, answers);
    const svc = createPrinterService({ config: PrinterConfig.parse({ transport: { kind: 'serial', path: pair.device, baudRate: 9600 }, statusPollMs: 500 }) });
    services.push(svc);
    const seen: string[] = [];
    svc.onStatus((s) => seen.push(`${s.ready}/${s.paperEnd}/${s.coverOpen}`));
    // Wait for the published ready state, not status(): that one already reads ready halfway through
    // a poll, and changing the answers then means "ready" is never published.
    await waitFor(() => seen.includes('true/false/false'));
    answers.paper = 0x12 | 0x60;
    answers.offline = 0x12 | 0x20;
    await waitFor(() => svc.status().paperEnd === true);
    expect(svc.status().ready).toBe(false);
    const refused = await svc.printTicket(sample);
    expect(refused).toMatchObject({ ok: false, error: 'hết giấy' });
    answers.paper = 0x12;
    answers.offline = 0x12 | 0x04;
    await waitFor(() => svc.status().coverOpen === true);
    expect(seen).toContain('true/false/false');
    expect(seen).toContain('false/true/false');
    expect(seen.some((x) => x.endsWith('/true'))).toBe(true);
    peer.close();
  });

  it('garbage bytes from the printer are not taken for status and do not stop printing', async () => {
    const pair = PtyPair.inDir(tempDir());
    pairs.push(pair);
    await pair.start();
    const peer = await openPeer(pair.peer);
    const received: Buffer[] = [];
    peer.on('data', (d: Buffer) => {
      received.push(d);
      // Line noise instead of status bytes (bit pattern wrong), plus unsolicited junk.
      if (d.includes(Buffer.of(0x10, 0x04))) peer.write(Buffer.of(0xff));
    });
    const junk = setInterval(() => peer.write(Buffer.from([0x00, 0xfe, 0x81, 0x7f])), 50);
    const svc = createPrinterService({ config: PrinterConfig.parse({ transport: { kind: 'serial', path: pair.device, baudRate: 9600 }, statusPollMs: 500 }) });
    services.push(svc);
    await new Promise((r) => setTimeout(r, 1200));
    const st = svc.status();
    expect(st.paperEnd).toBeNull();
    expect(st.coverOpen).toBeNull();
    const r = await svc.printTicket(sample);
    expect(r.ok).toBe(true);
    await waitFor(() => parseEscPos(Buffer.concat(received)).qrData.length === 1);
    clearInterval(junk);
    peer.close();
  });

  it('a silent printer (powered off, port open) times out instead of hanging', async () => {
    const pair = PtyPair.inDir(tempDir());
    pairs.push(pair);
    await pair.start();
    const peer = await openPeer(pair.peer);
    const svc = createPrinterService({ config: PrinterConfig.parse({ transport: { kind: 'serial', path: pair.device, baudRate: 9600 }, statusPollMs: 500 }) });
    services.push(svc);
    await waitFor(() => (svc.status().lastError ?? '').includes('không trả lời'), 3000);
    expect(svc.status().ready).toBe(false);
    peer.close();
  });

  it('unplugged mid-print: the job fails and is kept; the port comes back; reprint works', async () => {
    const pair = PtyPair.inDir(tempDir());
    pairs.push(pair);
    await pair.start();
    let peer = await openPeer(pair.peer);
    fakePrinter(peer, { printer: 0x12, offline: 0x12, error: 0x12, paper: 0x12 });
    const svc = createPrinterService({ config: PrinterConfig.parse({ transport: { kind: 'serial', path: pair.device, baudRate: 9600 }, statusPollMs: 500 }) });
    services.push(svc);
    await waitFor(() => svc.status().ready);
    // A pty accepts a whole ticket at once, so "mid-print" is the cable pulled while tickets keep coming.
    await pair.stop();
    const failed = await svc.printTicket(sample, 'ticket-1');
    expect(failed.ok).toBe(false);
    expect(svc.jobs().find((j) => j.id === failed.jobId)).toMatchObject({ state: 'failed', ticketNumber: 'E017' });
    await waitFor(() => !svc.status().connected);

    await pair.start();
    peer = await openPeer(pair.peer);
    const received = fakePrinter(peer, { printer: 0x12, offline: 0x12, error: 0x12, paper: 0x12 });
    await waitFor(() => svc.status().ready, 10_000);
    const again = await svc.reprint(failed.jobId);
    expect(again.ok).toBe(true);
    await waitFor(() => parseEscPos(Buffer.concat(received)).qrData.length === 1);
    expect(parseEscPos(Buffer.concat(received)).qrData).toEqual([sample.trackUrl]);
    peer.close();
  }, 30_000);

  it('prints over raw TCP 9100 to a local server', async () => {
    const received: Buffer[] = [];
    const server = net.createServer((sock) => sock.on('data', (d) => received.push(d)));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as net.AddressInfo).port;
    const svc = createPrinterService({ config: PrinterConfig.parse({ transport: { kind: 'tcp', host: '127.0.0.1', port }, profile: 'pos-5890' }) });
    services.push(svc);
    expect((await svc.printTicket(sample)).ok).toBe(true);
    await waitFor(() => parseEscPos(Buffer.concat(received)).qrData.length === 1);
    await svc.close();
    services.length = 0;
    server.close();
  });

  it('writes to a file transport (support, and printers exposed as files)', async () => {
    const file = path.join(tempDir(), 'ticket.bin');
    const svc = createPrinterService({ config: PrinterConfig.parse({ transport: { kind: 'file', path: file } }) });
    services.push(svc);
    expect((await svc.printTicket(sample)).ok).toBe(true);
    await svc.close();
    services.length = 0;
    const parsed = parseEscPos(fs.readFileSync(file));
    expect(parsed.qrData).toEqual([sample.trackUrl]);
  });

  it('no transport configured: the job fails at once and never blocks', async () => {
    const svc = createPrinterService({ config: PrinterConfig.parse({}) });
    services.push(svc);
    const r = await svc.printTicket(sample);
    expect(r.ok).toBe(false);
  });
});
