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
  close(): Promise<void>;
}

class StreamLink implements PrinterLink {
  private buffer = Buffer.alloc(0);
  private waiter: (() => void) | null = null;
  private closeCbs: ((r: string) => void)[] = [];
  private closed = false;

  constructor(
    private readonly writeFn: (b: Uint8Array) => Promise<void>,
    private readonly closeFn: () => Promise<void>,
    readonly canRead: boolean,
  ) {}

  feed(data: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, data]).subarray(-4096);
    this.waiter?.();
  }

  ended(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.waiter?.();
    for (const cb of this.closeCbs) cb(reason);
  }

  write(bytes: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new Error('printer link closed'));
    return this.writeFn(bytes);
  }

  async query(q: Uint8Array, length: number, timeoutMs: number): Promise<Buffer | null> {
    if (!this.canRead) return null;
    this.buffer = Buffer.alloc(0);
    // The write has a timeout too: on a pty or USB serial device that vanished, a write can wait
    // forever, and every print job queued behind this status poll would wait with it.
    let timer: NodeJS.Timeout | undefined;
    const wrote = await Promise.race([
      this.write(q).then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]).finally(() => clearTimeout(timer));
    if (!wrote) return null;
    const deadline = Date.now() + timeoutMs;
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
      (b) => new Promise((res, rej) => port.write(Buffer.from(b), (err) => (err ? rej(err) : port.drain((e) => (e ? rej(e) : res()))))),
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
    case 'none':
      return Promise.reject(new Error('no printer configured'));
  }
}
