import { z } from 'zod';

const line = {
  port: z.string().min(1).max(200),
  baudRate: z.number().int().positive().default(9600),
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

/**
 * Wiring mistakes a save refuses (a stored list is still read as it is): two boards answering on one
 * address of a line, two protocols on one line, an ASCII address past the frame's two digits.
 */
export function boardProblems(boards: readonly BoardConfig[]): string[] {
  const problems: string[] = [];
  const taken = new Map<string, number>();
  const protocols = new Map<string, string>();
  boards.forEach((b, i) => {
    const n = i + 1;
    const proto = protocols.get(b.port);
    if (proto && proto !== b.protocol) problems.push(`bảng ${n}: cổng ${b.port} đã dùng giao thức ${proto}; mọi bảng trên một đường dây phải cùng giao thức`);
    protocols.set(b.port, proto ?? b.protocol);
    for (const a of boardAddresses(b)) {
      if (b.protocol === 'ascii' && a > 99) problems.push(`bảng ${n}: địa chỉ ${a} quá 99 (khung ASCII có hai chữ số địa chỉ)`);
      if (b.protocol === 'modbus' && a > 247) problems.push(`bảng ${n}: địa chỉ ${a} quá 247`);
      const other = taken.get(`${b.port}#${a}`);
      if (other !== undefined) problems.push(`bảng ${n} và bảng ${other} cùng địa chỉ ${a} trên cổng ${b.port}`);
      else taken.set(`${b.port}#${a}`, n);
    }
  });
  return problems;
}

/** What a board is told to show. `number` is the ticket number text, e.g. "A012"; a hall row adds the counter. */
export type BoardCommand =
  | { kind: 'show'; number: string; blink: boolean; counter?: number }
  | { kind: 'pause'; counter?: number }
  | { kind: 'blank' };
