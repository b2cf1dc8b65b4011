import { SerialPort } from 'serialport';
import { parseEscPos } from './escposParser';
import type { PtyPair } from './ptyPair';

/**
 * Plays an ESC/POS printer on the peer end of a real pty pair: keeps every byte the host sends and
 * answers each DLE EOT status question with "all fine" (0x12), as a healthy Epson does.
 */
export class FakePrinter {
  readonly received: Buffer[] = [];

  private constructor(private readonly port: SerialPort) {
    port.on('data', (d: Buffer) => {
      this.received.push(d);
      for (let i = 0; i + 1 < d.length; i++) if (d[i] === 0x10 && d[i + 1] === 0x04) port.write(Buffer.of(0x12));
    });
  }

  static open(pair: PtyPair): Promise<FakePrinter> {
    return new Promise((resolve, reject) => {
      const port = new SerialPort({ path: pair.peer, baudRate: 9600 }, (e) => (e ? reject(e) : resolve(new FakePrinter(port))));
    });
  }

  /** The QR payloads (tracking URLs) printed so far, in order. */
  qr(): string[] {
    return parseEscPos(Buffer.concat(this.received)).qrData;
  }

  /** The ticket ids in the tracking URLs printed so far, in order (the URL's host:port may change with a restart). */
  tickets(): string[] {
    return this.qr().map((url) => url.slice(url.lastIndexOf('/t/') + 3));
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.port.isOpen ? this.port.close(() => resolve()) : resolve()));
  }
}

/** Wait for a condition. No deadline of its own: what is awaited is caused by the test, and the test's timeout is the backstop. */
export async function until(cond: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await cond())) await new Promise((r) => setTimeout(r, 25));
}
