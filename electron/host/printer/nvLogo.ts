import type { Bitmap } from './rasterText';

// Logos stored once in the printer's non-volatile graphics memory (ESC/POS GS ( L), then printed
// by key on every ticket: a few bytes per ticket instead of kilobytes over a slow serial line.
const KEY = [0x4c, 0x47]; // "LG"

/** GS ( L fn 67: define NV graphics (raster, one colour) under key "LG". */
export function defineNvLogo(bm: Bitmap): Uint8Array {
  const xBytes = Math.ceil(bm.width / 8);
  const data = new Uint8Array(xBytes * bm.height);
  for (let y = 0; y < bm.height; y++)
    for (let x = 0; x < bm.width; x++) if (bm.dots[y * bm.width + x]) data[y * xBytes + (x >> 3)]! |= 0x80 >> (x & 7);
  const header = [48, 67, 48, ...KEY, 1, (xBytes * 8) & 0xff, (xBytes * 8) >> 8, bm.height & 0xff, bm.height >> 8, 49];
  const p = header.length + data.length;
  // Up to 65,535 bytes the short form; a larger logo would need GS 8 L, so callers keep logos small.
  return Uint8Array.from([0x1d, 0x28, 0x4c, p & 0xff, p >> 8, ...header, ...data]);
}

/** GS ( L fn 69: print the stored logo, centred. */
export function printNvLogo(): Uint8Array {
  return Uint8Array.from([0x1b, 0x61, 1, 0x1d, 0x28, 0x4c, 6, 0, 48, 69, ...KEY, 1, 1, 0x0a, 0x1b, 0x61, 0]);
}
