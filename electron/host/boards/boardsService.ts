import type { QueueEvent } from '../../../shared/api/events';
import type { BoardCommand, BoardConfig } from '../../../shared/boardConfig';
import { BoardBus } from './boardBus';

type Log = (e: Record<string, unknown>) => void;

export interface BoardsService {
  handle(event: QueueEvent): void;
  /** Buses and whether each is connected, for the admin screen. */
  status(): { port: string; protocol: string; connected: boolean; boards: number }[];
  close(): Promise<void>;
}

/**
 * Drives the LED number boards over the counters from queue events: a new call blinks for a few
 * seconds then stays, a recall blinks again, a pause shows "----", a closed counter goes blank.
 */
export function createBoardsService(opts: { boards: BoardConfig[]; log?: Log; currentNumber?: (counterId: number) => string | null }): BoardsService {
  const log = opts.log ?? (() => undefined);
  const buses = new Map<string, BoardBus>();
  const steadyTimers = new Map<BoardConfig, NodeJS.Timeout>();
  for (const b of opts.boards) {
    let bus = buses.get(b.port);
    if (!bus) {
      bus = new BoardBus(b.port, b.baudRate, b.protocol, log);
      buses.set(b.port, bus);
    } else if (bus.protocol !== b.protocol) {
      log({ level: 'error', msg: 'boards on one line must share a protocol', port: b.port });
    }
  }

  const send = (b: BoardConfig, cmd: BoardCommand) => {
    const t = steadyTimers.get(b);
    if (t) clearTimeout(t);
    steadyTimers.delete(b);
    void buses.get(b.port)?.send(b.address, cmd);
    if (cmd.kind === 'show' && cmd.blink && b.blinkSeconds > 0) {
      const timer = setTimeout(() => {
        steadyTimers.delete(b);
        void buses.get(b.port)?.send(b.address, { kind: 'show', number: cmd.number, blink: false });
      }, b.blinkSeconds * 1000);
      timer.unref();
      steadyTimers.set(b, timer);
    }
  };

  const boardsOf = (counterId: number | undefined) => opts.boards.filter((b) => b.counterId === counterId && buses.get(b.port)?.protocol === b.protocol);

  return {
    handle(e) {
      const counterId = e.counter?.id ?? e.ticket?.counterId ?? undefined;
      const targets = boardsOf(counterId);
      if (targets.length === 0) return;
      let cmd: BoardCommand | null = null;
      if ((e.type === 'ticket.called' || e.type === 'ticket.recalled') && e.ticket) cmd = { kind: 'show', number: e.ticket.number, blink: true };
      else if (e.type === 'counter.paused') cmd = { kind: 'pause' };
      else if (e.type === 'counter.closed') cmd = { kind: 'blank' };
      else if (e.type === 'counter.resumed' || e.type === 'counter.opened') {
        const current = counterId === undefined ? null : (opts.currentNumber?.(counterId) ?? null);
        cmd = current ? { kind: 'show', number: current, blink: false } : { kind: 'blank' };
      }
      if (cmd) for (const b of targets) send(b, cmd);
    },
    status() {
      return [...buses.values()].map((bus) => ({ port: bus.path, protocol: bus.protocol, connected: bus.connected, boards: opts.boards.filter((b) => b.port === bus.path).length }));
    },
    async close() {
      for (const t of steadyTimers.values()) clearTimeout(t);
      await Promise.all([...buses.values()].map((b) => b.close()));
    },
  };
}
