import { execFileSync } from 'node:child_process';

/**
 * A printed ticket's lines as glibc's CP1258 decoder reads them (an independent reader, not ours),
 * NFC. One iconv for all the lines: one per line was hundreds of spawns, most of the printer
 * tests' time. A line never holds a newline byte (the parser splits on it). `skipInvalid` drops
 * bytes CP1258 has no letter for (a QR's or an image's), as `iconv -c` does.
 */
export function cp1258Lines(lines: Buffer[], o: { skipInvalid?: boolean } = {}): string[] {
  const input = Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')]));
  return execFileSync('iconv', ['-f', 'CP1258', '-t', 'UTF-8', ...(o.skipInvalid ? ['-c'] : [])], { input })
    .toString('utf8')
    .normalize('NFC')
    .split('\n')
    .slice(0, lines.length);
}
