import type ModbusRTU from 'modbus-serial';
import { SerialPort } from 'serialport';
import type { BoardCommand } from '../../../shared/boardConfig';
import { asciiFrame } from './asciiFrame';
import { modbusWrites } from './modbusRegisters';

export type BusProtocol = 'ascii' | 'modbus';
type Log = (e: Record<string, unknown>) => void;

/**
 * One RS-485 line (one serial port) with its boards. The line is half-duplex, so every frame goes
 * through one queue, one at a time. The port is reopened with backoff after an unplug, and every
 * board on it is then sent its last state again so it shows the right number.
 */
export class BoardBus {
  private chain: Promise<void> = Promise.resolve();
  private port: SerialPort | null = null;
  private modbus: ModbusRTU | null = null;
  private open = false;
  private backoff = 500;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly last = new Map<number, BoardCommand>();
  /** Modbus boards that did not answer their last frame: the line is open but the board is down. */
  private readonly silent = new Set<number>();
  private readonly lastWrite = new Map<number, number>();
  private probeTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly path: string,
    private readonly baudRate: number,
    readonly protocol: BusProtocol,
    private readonly log: Log,
    /** Told each time the line comes up or goes down (the admin screen shows it live). */
    private readonly onConnectedChange: () => void = () => undefined,
  ) {}

  get connected(): boolean {
    return this.open;
  }

  /** Is this board there? A Modbus board answers each write; an ASCII line cannot tell, so its boards follow the line. */
  answering(address: number): boolean {
    return this.open && !this.silent.has(address);
  }

  /**
   * A Modbus board that stops answering while nothing is called would look fine until the next
   * call: every `everyMs` each board not written to meanwhile is sent its last state again (the
   * same registers, so it shows what it showed), and its answer or silence is what health reports.
   */
  probeEvery(everyMs: number): void {
    if (this.protocol !== 'modbus' || this.probeTimer) return;
    this.probeTimer = setInterval(() => {
      if (!this.open) return;
      const due = Date.now() - everyMs;
      for (const [address, cmd] of this.last) if ((this.lastWrite.get(address) ?? 0) <= due) void this.enqueue(() => this.write(address, cmd));
    }, everyMs);
    this.probeTimer.unref();
  }

  private answered(address: number, yes: boolean): void {
    if (yes === !this.silent.has(address)) return;
    if (yes) this.silent.delete(address);
    else this.silent.add(address);
    this.onConnectedChange();
  }

  send(address: number, cmd: BoardCommand): Promise<void> {
    this.last.set(address, cmd);
    return this.enqueue(() => this.write(address, cmd));
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    const p = this.chain.then(job).catch((e: unknown) => {
      this.log({ level: 'warn', msg: 'board write failed', port: this.path, error: String((e as Error)?.message ?? e) });
      this.lost();
    });
    this.chain = p;
    return p;
  }

  private async ensureOpen(): Promise<void> {
    if (this.open || this.closed) return;
    if (this.protocol === 'modbus') {
      // Loaded by the first Modbus board, not with the host: most offices have none.
      const { default: ModbusClient } = await import('modbus-serial');
      const client = new ModbusClient();
      await client.connectRTUBuffered(this.path, { baudRate: this.baudRate, dataBits: 8, stopBits: 1, parity: 'none' });
      client.setTimeout(500);
      // The client re-emits its port's errors (EIO when the cable is pulled mid-write) as 'error'
      // events: unheard, one would take the whole host down. Treated as an unplug, like the ASCII port's.
      // Only while it is this bus's client: a replaced one's late 'close' must not drop its successor.
      const gone = () => {
        if (this.modbus === client) this.lost();
      };
      client.on('error', gone);
      client.on('close', gone);
      this.modbus = client;
    } else {
      this.port = await new Promise<SerialPort>((resolve, reject) => {
        const p = new SerialPort({ path: this.path, baudRate: this.baudRate, dataBits: 8, stopBits: 1, parity: 'none' }, (err) => (err ? reject(err) : resolve(p)));
      });
      this.port.on('close', () => this.lost());
      this.port.on('error', () => this.lost());
    }
    this.open = true;
    this.backoff = 500;
    this.log({ level: 'info', msg: 'board bus open', port: this.path, protocol: this.protocol });
    this.onConnectedChange();
  }

  private async write(address: number, cmd: BoardCommand): Promise<void> {
    await this.ensureOpen();
    if (this.protocol === 'modbus') {
      const client = this.modbus as ModbusRTU;
      client.setID(address);
      this.lastWrite.set(address, Date.now());
      let answered = true;
      for (const w of modbusWrites(cmd)) {
        try {
          await client.writeRegister(w.register, w.value);
        } catch (e) {
          // A board that does not answer (off, wrong address) must not stall the line; a closed
          // port, though, means the cable is gone.
          if (!client.isOpen) throw e;
          answered = false;
          if (!this.silent.has(address)) this.log({ level: 'warn', msg: 'board did not answer', port: this.path, address, error: String((e as Error)?.message ?? e) });
        }
      }
      this.answered(address, answered);
      return;
    }
    const port = this.port as SerialPort;
    await new Promise<void>((resolve, reject) => port.write(asciiFrame(address, cmd), (err) => (err ? reject(err) : port.drain((e) => (e ? reject(e) : resolve())))));
  }

  private lost(): void {
    if (!this.open && this.timer) return;
    const wasOpen = this.open;
    this.open = false;
    if (wasOpen && !this.closed) this.onConnectedChange();
    const port = this.port;
    const modbus = this.modbus;
    this.port = null;
    this.modbus = null;
    if (port?.isOpen) port.close(() => undefined);
    if (modbus?.isOpen) modbus.close(() => undefined);
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      // Replay every board's last state once the line is back.
      void this.enqueue(async () => {
        await this.ensureOpen();
        for (const [address, cmd] of this.last) await this.write(address, cmd);
      });
    }, this.backoff);
    this.timer.unref();
    this.backoff = Math.min(this.backoff * 2, 30_000);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.probeTimer) clearInterval(this.probeTimer);
    await this.chain.catch(() => undefined);
    const port = this.port;
    const modbus = this.modbus;
    this.open = false;
    if (port?.isOpen) await new Promise<void>((r) => port.close(() => r()));
    if (modbus?.isOpen) await new Promise<void>((r) => modbus.close(() => r()));
  }
}
