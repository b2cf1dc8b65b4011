import type { BoardCommand } from '../../../shared/boardConfig';

// Addressed ASCII framing of the kind queue systems drive on an RS-485 line (format in
// docs/BOARDS.md):  STX | address (2 digits) | command | text | ETX | checksum (2 hex digits)
// command: N show steady, B show blinking, P pause sign, C clear. Checksum: XOR of every byte from
// the first address digit up to and including ETX.
export const STX = 0x02;
export const ETX = 0x03;
const MAX_TEXT = 8;

export function xorChecksum(bytes: Uint8Array): number {
  let x = 0;
  for (const b of bytes) x ^= b;
  return x;
}

export function asciiFrame(address: number, cmd: BoardCommand): Buffer {
  const code = cmd.kind === 'show' ? (cmd.blink ? 'B' : 'N') : cmd.kind === 'pause' ? 'P' : 'C';
  const text = cmd.kind === 'show' ? cmd.number.replace(/[^\x20-\x7E]/g, '').slice(0, MAX_TEXT) : cmd.kind === 'pause' ? '----' : '';
  const body = Buffer.from(`${String(address).padStart(2, '0')}${code}${text}`, 'ascii');
  const withEtx = Buffer.concat([body, Buffer.of(ETX)]);
  const sum = xorChecksum(withEtx).toString(16).toUpperCase().padStart(2, '0');
  return Buffer.concat([Buffer.of(STX), withEtx, Buffer.from(sum, 'ascii')]);
}
