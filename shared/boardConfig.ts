import { z } from 'zod';

/** One LED board over a counter: which serial bus, its address on the bus, its counter, its protocol. */
export const BoardConfig = z.object({
  port: z.string().min(1).max(200),
  baudRate: z.number().int().positive().default(9600),
  address: z.number().int().min(1).max(247).default(1),
  counterId: z.number().int().positive(),
  protocol: z.enum(['ascii', 'modbus']).default('ascii'),
  /** Seconds a new call blinks before the number stays steady. */
  blinkSeconds: z.number().int().min(0).max(60).default(5),
});
export type BoardConfig = z.infer<typeof BoardConfig>;
export const BoardsConfig = z.array(BoardConfig).max(100);

/** What a board is told to show. `number` is the ticket number text, e.g. "A012". */
export type BoardCommand =
  | { kind: 'show'; number: string; blink: boolean }
  | { kind: 'pause' }
  | { kind: 'blank' };
