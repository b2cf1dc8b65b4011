import type { BoardCommand } from '../../../shared/boardConfig';

// Addressed ASCII framing of the kind queue systems drive on an RS-485 line (format in
// docs/BOARDS.md):  STX | address (2 digits) | command | text | ETX | checksum (2 hex digits)
// command: N show steady, B show blinking, P pause sign, C clear. Checksum: XOR of every byte from
// the first address digit up to and including ETX.
export const STX = 0x02;
export const ETX = 0x03;
const MAX_TEXT = 8;
// A hall board is a wider sign: the number and where to go, "A012 > 5".
const MAX_HALL_TEXT = 16;

const printable = (s: string) => s.replace(/[^\x20-\x7E]/g, '');

function frameText(cmd: BoardCommand): string {
  if (cmd.kind === 'blank') return '';
  const shown = cmd.kind === 'show' ? printable(cmd.number) : '----';
  if (cmd.counter === undefined) return shown.slice(0, MAX_TEXT);
  return `${shown.slice(0, MAX_TEXT)} > ${cmd.counter}`.slice(0, MAX_HALL_TEXT);
}

export function xorChecksum(bytes: Uint8Array): number {
  let x = 0;
  for (const b of bytes) x ^= b;
  return x;
}

export function asciiFrame(address: number, cmd: BoardCommand): Buffer {
  const code = cmd.kind === 'show' ? (cmd.blink ? 'B' : 'N') : cmd.kind === 'pause' ? 'P' : 'C';
  const text = frameText(cmd);
  const body = Buffer.from(`${String(address).padStart(2, '0')}${code}${text}`, 'ascii');
  const withEtx = Buffer.concat([body, Buffer.of(ETX)]);
  const sum = xorChecksum(withEtx).toString(16).toUpperCase().padStart(2, '0');
  return Buffer.concat([Buffer.of(STX), withEtx, Buffer.from(sum, 'ascii')]);
}
