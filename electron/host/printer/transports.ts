import fs from 'node:fs';
import net from 'node:net';
import { SerialPort } from 'serialport';
import type { PrinterTransport } from '../../../shared/printerConfig';

/** A byte pipe to a printer. `read` collects what the printer answers, for status queries. */
export interface PrinterLink {
  write(bytes: Uint8Array): Promise<void>;
  /** Send `query` and wait for `length` bytes, or null after `timeoutMs` (a silent printer). */
  query(query: Uint8Array, length: number, timeoutMs: number): Promise<Buffer | null>;
  readonly canRead: boolean;
  onClose(cb: (reason: string) => void): void;
  /** Every byte the printer sends, as it arrives (a print agent relays them to the host). */
  onData(cb: (bytes: Buffer) => void): void;
  close(): Promise<void>;
}

/** A byte pipe over any writer; what the printer answers is fed in. Also the host side of a print agent. */
export class StreamLink implements PrinterLink {
  private buffer = Buffer.alloc(0);
  private waiter: (() => void) | null = null;
  private closeCbs: ((r: string) => void)[] = [];
  private dataCbs: ((b: Buffer) => void)[] = [];
  private closed = false;
  /** Pending writes, failed at once when the link ends: a write to a vanished port may never call back. */
  private readonly inFlight = new Set<(e: Error) => void>();

  constructor(
    private readonly writeFn: (b: Uint8Array) => Promise<void>,
    private readonly closeFn: () => Promise<void>,
    readonly canRead: boolean,
  ) {}

  feed(data: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, data]).subarray(-4096);
    this.waiter?.();
    for (const cb of this.dataCbs) cb(data);
  }

  onData(cb: (bytes: Buffer) => void): void {
    this.dataCbs.push(cb);
  }

  ended(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.waiter?.();
    for (const fail of this.inFlight) fail(new Error(`printer link closed (${reason})`));
    for (const cb of this.closeCbs) cb(reason);
  }

  write(bytes: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new Error('printer link closed'));
    return new Promise<void>((resolve, reject) => {
      const fail = (e: Error) => {
        this.inFlight.delete(fail);
        reject(e);
      };
      this.inFlight.add(fail);
      this.writeFn(bytes).then(
        () => {
          this.inFlight.delete(fail);
          resolve();
        },
        (e: unknown) => fail(e instanceof Error ? e : new Error(String(e))),
      );
    });
  }

  async query(q: Uint8Array, length: number, timeoutMs: number): Promise<Buffer | null> {
    if (!this.canRead) return null;
    this.buffer = Buffer.alloc(0);
    const deadline = Date.now() + timeoutMs;
    // The question itself is bounded too: a port that takes bytes but never drains is a silent printer.
    let timer: NodeJS.Timeout | undefined;
    const sent = await Promise.race([
      this.write(q).then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]).finally(() => clearTimeout(timer));
    if (!sent) return null;
    while (this.buffer.length < length && !this.closed) {
      const left = deadline - Date.now();
      if (left <= 0) return null;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.waiter = null;
    }
    if (this.buffer.length < length) return null;
    const out = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    return Buffer.from(out);
  }

  onClose(cb: (reason: string) => void): void {
    this.closeCbs.push(cb);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.closeFn().catch(() => undefined);
  }
}

function openSerial(path: string, baudRate: number): Promise<PrinterLink> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate, autoOpen: false });
    const link = new StreamLink(
      // drain() on a port that closed meanwhile waits for it to reopen: refuse instead.
      (b) => new Promise((res, rej) => port.write(Buffer.from(b), (err) => (err ? rej(err) : !port.isOpen ? rej(new Error('port closed')) : port.drain((e) => (e ? rej(e) : res()))))),
      () => new Promise((res) => (port.isOpen ? port.close(() => res()) : res())),
      true,
    );
    port.on('data', (d: Buffer) => link.feed(d));
    // serialport does not reconnect by itself: a 'close' (e.g. USB unplug) ends this link and the
    // printer service opens a new one with backoff.
    port.on('close', () => link.ended('closed'));
    port.on('error', (e) => link.ended(String(e)));
    port.open((err) => (err ? reject(err) : resolve(link)));
  });
}

function openTcp(host: string, port: number): Promise<PrinterLink> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(10_000);
    const link = new StreamLink(
      (b) => new Promise((res, rej) => socket.write(Buffer.from(b), (err) => (err ? rej(err) : res()))),
      () => new Promise((res) => socket.end(() => res())),
      true,
    );
    socket.on('data', (d) => link.feed(d));
    socket.on('close', () => link.ended('closed'));
    socket.on('timeout', () => socket.setTimeout(0));
    socket.once('error', (e) => {
      link.ended(String(e));
      reject(e);
    });
    socket.once('connect', () => resolve(link));
  });
}

/** Linux USB printer class devices and plain files: write-only, appended. */
function openFile(path: string): Promise<PrinterLink> {
  return new Promise((resolve, reject) => {
    const stream = fs.createWriteStream(path, { flags: 'a' });
    const link = new StreamLink(
      (b) => new Promise((res, rej) => stream.write(Buffer.from(b), (err) => (err ? rej(err) : res()))),
      () => new Promise((res) => stream.end(() => res())),
      false,
    );
    stream.on('error', (e) => {
      link.ended(String(e));
      reject(e);
    });
    stream.on('open', () => resolve(link));
  });
}

export function openLink(t: PrinterTransport): Promise<PrinterLink> {
  switch (t.kind) {
    case 'serial':
      return openSerial(t.path, t.baudRate);
    case 'tcp':
      return openTcp(t.host, t.port);
    case 'usb':
      return openFile(t.devicePath);
    case 'file':
      return openFile(t.path);
    case 'agent':
      return Promise.reject(new Error('a print agent link comes from the host (PrintAgentHub)'));
    case 'none':
      return Promise.reject(new Error('no printer configured'));
  }
}
