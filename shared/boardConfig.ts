import { z } from 'zod';

const line = {
  port: z.string().min(1).max(200),
  baudRate: z.number().int().positive().max(1_000_000).default(9600),
  address: z.number().int().min(1).max(247).default(1),
  protocol: z.enum(['ascii', 'modbus']).default('ascii'),
  /** Seconds a new call blinks before the number stays steady. */
  blinkSeconds: z.number().int().min(0).max(60).default(5),
};

/** One LED board over a counter: which serial bus, its address on the bus, its counter, its protocol. */
export const CounterBoard = z.object({ kind: z.literal('counter'), ...line, counterId: z.number().int().positive() });
export type CounterBoard = z.infer<typeof CounterBoard>;

/**
 * A zone's hall board at its entrance: the zone's latest calls, newest first, "A012 > 5" — one row
 * per line of the board, row r at bus address `address + r` (docs/BOARDS.md).
 */
export const HallBoard = z.object({ kind: z.literal('hall'), ...line, zoneId: z.number().int().positive(), rows: z.number().int().min(1).max(8).default(1) });
export type HallBoard = z.infer<typeof HallBoard>;

// A board stored before hall boards existed has no `kind`: it is a counter board.
export const BoardConfig = z.preprocess(
  (v) => (v && typeof v === 'object' && !Array.isArray(v) && !('kind' in v) ? { kind: 'counter', ...v } : v),
  z.discriminatedUnion('kind', [CounterBoard, HallBoard]),
);
export type BoardConfig = z.infer<typeof BoardConfig>;
export const BoardsConfig = z.array(BoardConfig).max(100);

/** The bus addresses a board answers on: a hall board takes one per row. */
export const boardAddresses = (b: BoardConfig): number[] => Array.from({ length: b.kind === 'hall' ? b.rows : 1 }, (_, r) => b.address + r);

export type BoardProblem =
  | { kind: 'sameAddress'; board: number; other: number; address: number; port: string }
  | { kind: 'mixedProtocol'; board: number; port: string; protocol: string }
  | { kind: 'mixedBaud'; board: number; port: string; baudRate: number }
  | { kind: 'addressRange'; board: number; address: number; max: number };

/** The speeds RS-485 LED boards are sold set to (the admin screen offers these). */
export const BOARD_BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;

/**
 * Wiring mistakes a save refuses (a stored list is still read as it is): two boards answering on one
 * address of a line, two protocols or two speeds on one line (the port is opened once, at one
 * speed: the other boards would read garbage), an ASCII address past the frame's two digits.
 * Boards are numbered from 1 in list order, as the admin screen shows them.
 */
export function boardProblems(boards: readonly BoardConfig[]): BoardProblem[] {
  const problems: BoardProblem[] = [];
  const taken = new Map<string, number>();
  // The first board on each line sets its protocol and speed; later boards must match it.
  const lines = new Map<string, BoardConfig>();
  boards.forEach((b, i) => {
    const board = i + 1;
    const first = lines.get(b.port);
    if (!first) lines.set(b.port, b);
    else {
      if (first.protocol !== b.protocol) problems.push({ kind: 'mixedProtocol', board, port: b.port, protocol: first.protocol });
      if (first.baudRate !== b.baudRate) problems.push({ kind: 'mixedBaud', board, port: b.port, baudRate: first.baudRate });
    }
    const max = b.protocol === 'ascii' ? 99 : 247;
    for (const address of boardAddresses(b)) {
      if (address > max) problems.push({ kind: 'addressRange', board, address, max });
      const other = taken.get(`${b.port}#${address}`);
      if (other !== undefined) problems.push({ kind: 'sameAddress', board, other, address, port: b.port });
      else taken.set(`${b.port}#${address}`, board);
    }
  });
  return problems;
}

/** A problem as the host's refusal says it. */
export function boardProblemText(p: BoardProblem): string {
  if (p.kind === 'sameAddress') return `bảng ${p.board} và bảng ${p.other} cùng địa chỉ ${p.address} trên cổng ${p.port}`;
  if (p.kind === 'mixedProtocol') return `bảng ${p.board}: cổng ${p.port} đã dùng giao thức ${p.protocol}; mọi bảng trên một đường dây phải cùng giao thức`;
  if (p.kind === 'mixedBaud') return `bảng ${p.board}: cổng ${p.port} đã dùng tốc độ ${p.baudRate} baud; mọi bảng trên một đường dây phải cùng tốc độ`;
  return `bảng ${p.board}: địa chỉ ${p.address} quá ${p.max}${p.max === 99 ? ' (khung ASCII có hai chữ số địa chỉ)' : ''}`;
}

/** What a board is told to show. `number` is the ticket number text, e.g. "A012"; a hall row adds the counter. */
export type BoardCommand =
  | { kind: 'show'; number: string; blink: boolean; counter?: number }
  | { kind: 'pause'; counter?: number }
  | { kind: 'blank' };
