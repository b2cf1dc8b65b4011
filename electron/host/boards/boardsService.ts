import type { QueueEvent } from '../../../shared/api/events';
import type { BoardCommand, BoardConfig, CounterBoard, HallBoard } from '../../../shared/boardConfig';
import { BoardBus } from './boardBus';
import { HallRows } from './hallRows';
import type { HallCall } from './hallRows';

type Log = (e: Record<string, unknown>) => void;

export interface BoardStatus {
  kind: BoardConfig['kind'];
  /** The zone the board serves: a hall board's own, a counter board's counter's (null: no such counter). */
  zoneId: number | null;
  port: string;
  address: number;
  connected: boolean;
}

export interface BoardsService {
  handle(event: QueueEvent): void;
  /** Buses and whether each is connected, for the admin screen. */
  status(): { port: string; protocol: string; connected: boolean; boards: number }[];
  /** Every board with its zone and whether its line is connected. */
  boardStatus(): BoardStatus[];
  close(): Promise<void>;
}

/**
 * Drives the LED number boards from queue events. A counter board: a new call blinks for a few
 * seconds then stays, a recall blinks again, a pause shows "----", a closed counter goes blank. A
 * zone's hall board lists that zone's latest calls with their counters, by the same rules per row;
 * a call in another zone never reaches it.
 */
export function createBoardsService(opts: {
  boards: BoardConfig[];
  log?: Log;
  currentNumber?: (counterId: number) => string | null;
  /** The zone a counter is in (hall boards follow their zone's counters). */
  zoneOf?: (counterId: number) => number | null;
  /**
   * A zone's calls so far today, newest first, without those of closed counters: a hall board starts
   * from them after a restart or a save.
   */
  recentCalls?: (zoneId: number) => (HallCall & { paused?: boolean })[];
  /**
   * Where a counter stands now (null: no such counter). Given, every counter board is sent its
   * counter's state as the boards start (host start, a save): a board keeps what it last showed
   * through a restart, which may be a number called before it, and the line is opened at once, so
   * the admin sees at once whether it is connected.
   */
  counterStatus?: (counterId: number) => 'open' | 'paused' | 'closed' | null;
  /** A line came up or went down: what status() and boardStatus() answer has changed. */
  onStatusChange?: () => void;
  /** How often an idle Modbus board is asked again whether it is there (default 15 s). */
  probeMs?: number;
}): BoardsService {
  const log = opts.log ?? (() => undefined);
  const zoneOf = opts.zoneOf ?? (() => null);
  const buses = new Map<string, BoardBus>();
  const steadyTimers = new Map<string, NodeJS.Timeout>();
  const lastSent = new Map<string, string>();
  for (const b of opts.boards) {
    let bus = buses.get(b.port);
    if (!bus) {
      bus = new BoardBus(b.port, b.baudRate, b.protocol, log, opts.onStatusChange);
      bus.probeEvery(opts.probeMs ?? 15_000);
      buses.set(b.port, bus);
    } else if (bus.protocol !== b.protocol) {
      log({ level: 'error', msg: 'boards on one line must share a protocol', port: b.port });
    }
  }
  const usable = (b: BoardConfig) => buses.get(b.port)?.protocol === b.protocol;
  /** A hall board's rows are boards at consecutive addresses. */
  const addresses = (b: BoardConfig) => (b.kind === 'hall' ? Array.from({ length: b.rows }, (_, r) => b.address + r) : [b.address]);

  const send = (b: BoardConfig, address: number, cmd: BoardCommand) => {
    const key = `${b.port}#${address}`;
    const t = steadyTimers.get(key);
    if (t) clearTimeout(t);
    steadyTimers.delete(key);
    lastSent.set(key, JSON.stringify(cmd));
    void buses.get(b.port)?.send(address, cmd);
    if (cmd.kind === 'show' && cmd.blink && b.blinkSeconds > 0) {
      const timer = setTimeout(() => {
        steadyTimers.delete(key);
        const steady: BoardCommand = { ...cmd, blink: false };
        lastSent.set(key, JSON.stringify(steady));
        void buses.get(b.port)?.send(address, steady);
      }, b.blinkSeconds * 1000);
      timer.unref();
      steadyTimers.set(key, timer);
    }
  };

  const counterBoards = opts.boards.filter((b): b is CounterBoard => b.kind === 'counter' && usable(b));
  const halls = opts.boards
    .filter((b): b is HallBoard => b.kind === 'hall' && usable(b))
    .map((b) => ({ board: b, rows: new HallRows(b.rows, opts.recentCalls?.(b.zoneId) ?? []) }));

  /** Sends the rows that changed (every row, when `all`); the top row blinks on a new call. */
  const showHall = (h: (typeof halls)[number], blinkTop: boolean, all = false) => {
    h.rows.commands(blinkTop).forEach((cmd, r) => {
      const address = h.board.address + r;
      if (all || (blinkTop && r === 0) || lastSent.get(`${h.board.port}#${address}`) !== JSON.stringify(cmd)) send(h.board, address, cmd);
    });
  };
  for (const h of halls) showHall(h, false, true);

  /** An open counter's board: the number at the desk, steady, or blank when nobody is there. */
  const standing = (counterId: number): BoardCommand => {
    const current = opts.currentNumber?.(counterId) ?? null;
    return current ? { kind: 'show', number: current, blink: false } : { kind: 'blank' };
  };
  if (opts.counterStatus) {
    for (const b of counterBoards) {
      const st = opts.counterStatus(b.counterId);
      send(b, b.address, st === 'open' ? standing(b.counterId) : st === 'paused' ? { kind: 'pause' } : { kind: 'blank' });
    }
  }

  const handleCounterBoards = (e: QueueEvent, counterId: number | undefined) => {
    const targets = counterBoards.filter((b) => b.counterId === counterId);
    if (targets.length === 0) return;
    let cmd: BoardCommand | null = null;
    if ((e.type === 'ticket.called' || e.type === 'ticket.recalled') && e.ticket) cmd = { kind: 'show', number: e.ticket.number, blink: true };
    else if (e.type === 'counter.paused') cmd = { kind: 'pause' };
    else if (e.type === 'counter.closed') cmd = { kind: 'blank' };
    else if ((e.type === 'counter.resumed' || e.type === 'counter.opened') && counterId !== undefined) cmd = standing(counterId);
    if (cmd) for (const b of targets) send(b, b.address, cmd);
  };

  const handleHalls = (e: QueueEvent) => {
    if (e.type === 'day.closed') {
      for (const h of halls) {
        h.rows.clear();
        showHall(h, false);
      }
      return;
    }
    if (halls.length === 0 || !e.counter) return;
    const zone = zoneOf(e.counter.id);
    const mine = halls.filter((h) => h.board.zoneId === zone);
    if (mine.length === 0) return;
    const counterId = e.counter.id;
    for (const h of mine) {
      if ((e.type === 'ticket.called' || e.type === 'ticket.recalled') && e.ticket) {
        h.rows.call({ number: e.ticket.number, counterId, counterNumber: e.counter.number });
        showHall(h, true);
      } else if (e.type === 'counter.paused' || e.type === 'counter.resumed' || e.type === 'counter.opened') {
        h.rows.pause(counterId, e.type === 'counter.paused');
        showHall(h, false);
      } else if (e.type === 'counter.closed') {
        h.rows.close(counterId);
        showHall(h, false);
      }
    }
  };

  return {
    handle(e) {
      handleCounterBoards(e, e.counter?.id ?? e.ticket?.counterId ?? undefined);
      handleHalls(e);
    },
    status() {
      return [...buses.values()].map((bus) => ({ port: bus.path, protocol: bus.protocol, connected: bus.connected, boards: opts.boards.filter((b) => b.port === bus.path).length }));
    },
    boardStatus() {
      return opts.boards.map((b) => ({
        kind: b.kind,
        zoneId: b.kind === 'hall' ? b.zoneId : zoneOf(b.counterId),
        port: b.port,
        address: b.address,
        // A Modbus board that stopped answering is down even while its line is open.
        connected: usable(b) && addresses(b).every((a) => buses.get(b.port)?.answering(a) ?? false),
      }));
    },
    async close() {
      for (const t of steadyTimers.values()) clearTimeout(t);
      await Promise.all([...buses.values()].map((b) => b.close()));
    },
  };
}
