import type { BoardCommand } from '../../../shared/boardConfig';

// Modbus RTU 7-segment boards (function 06, write single register), as documented in
// docs/BOARDS.md: register 0x0000 = the number shown (digits of the ticket number; a 7-segment
// board cannot show the prefix letter), register 0x0001 = mode (0 steady, 1 blink, 2 pause "----",
// 3 blank). Mode is written first so a board never flashes the old number in the new mode.
// A hall board's row also shows where to go: register 0x0002 = the counter number.
export const REG_NUMBER = 0x0000;
export const REG_MODE = 0x0001;
export const REG_COUNTER = 0x0002;
export const MODE = { steady: 0, blink: 1, pause: 2, blank: 3 } as const;

export function modbusWrites(cmd: BoardCommand): { register: number; value: number }[] {
  if (cmd.kind === 'show') {
    const digits = Number(cmd.number.replace(/\D/g, '').slice(-4) || '0');
    return [
      { register: REG_MODE, value: cmd.blink ? MODE.blink : MODE.steady },
      { register: REG_NUMBER, value: digits },
      ...(cmd.counter === undefined ? [] : [{ register: REG_COUNTER, value: cmd.counter }]),
    ];
  }
  if (cmd.kind === 'pause') return [{ register: REG_MODE, value: MODE.pause }, ...(cmd.counter === undefined ? [] : [{ register: REG_COUNTER, value: cmd.counter }])];
  return [{ register: REG_MODE, value: MODE.blank }];
}
