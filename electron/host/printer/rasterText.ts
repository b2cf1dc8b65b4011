import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type opentype from 'opentype.js';

// Text rendered to dots, for printers that have no Vietnamese code page at all and for scripts no
// code page has (Khmer, issue #31): the bundled Be Vietnam Pro outlines (Latin and Vietnamese
// subsets), then Noto Sans Khmer, filled by a small scanline rasteriser.
//
// There is no OpenType shaping here: each character is its font's default glyph. For Khmer that
// means pre-base vowels are moved before their consonant (below) but a subscript consonant (coeng
// + consonant) prints in its full form beside the base: legible, not typeset. Full shaping needs
// HarfBuzz (harfbuzzjs), not bundled.

export interface Bitmap {
  width: number;
  height: number;
  /** One byte per dot, 1 = black. */
  dots: Uint8Array;
}

export interface RasterLine {
  text: string;
  /** Cap-to-descender height in dots. */
  px: number;
  align: 'left' | 'center' | 'right';
  bold: boolean;
}

let fonts: { regular: opentype.Font[]; bold: opentype.Font[] } | null = null;

/**
 * Node's require for this module. The bundles have one (Electron's CommonJS main; serve's ES module
 * bundle defines it in its banner); the sources through tsx resolve from this file.
 */
function nodeRequire(): NodeJS.Require {
  if (typeof require === 'function') return require;
  try {
    return createRequire(import.meta.url);
  } catch {
    return createRequire(path.join(process.cwd(), 'package.json'));
  }
}

function loadFonts() {
  if (fonts) return fonts;
  const req = nodeRequire();
  // opentype.js (≈ 0.6 MB of code, 2 MB of heap) is loaded with the first raster line, not with the
  // host: most printers have a Vietnamese code page and never need it. A plain require keeps the
  // bundlers from pulling it into the host bundle.
  const opentypeLib = req('opentype.js') as typeof opentype;
  const dir = path.join(path.dirname(req.resolve('@fontsource/be-vietnam-pro/package.json')), 'files');
  const load = (f: string) => {
    const b = fs.readFileSync(path.join(dir, f));
    return opentypeLib.parse(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  };
  const khmerDir = path.join(path.dirname(req.resolve('@fontsource/noto-sans-khmer/package.json')), 'files');
  const loadKhmer = (w: number) => {
    const b = fs.readFileSync(path.join(khmerDir, `noto-sans-khmer-khmer-${w}-normal.woff`));
    return opentypeLib.parse(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  };
  const set = (w: number) => [...['vietnamese', 'latin-ext', 'latin'].map((s) => load(`be-vietnam-pro-${s}-${w}-normal.woff`)), loadKhmer(w)];
  fonts = { regular: set(400), bold: set(700) };
  return fonts;
}

function glyphFor(ch: string, set: opentype.Font[]): { font: opentype.Font; glyph: opentype.Glyph } {
  for (const font of set) {
    const glyph = font.charToGlyph(ch);
    if (glyph.index > 0 && glyph.unicode !== undefined) return { font, glyph };
  }
  const font = set[set.length - 1] as opentype.Font;
  return { font, glyph: font.charToGlyph(ch) };
}

/** Characters none of the bundled fonts has (they would print as an empty box). */
export function missingGlyphs(text: string, bold = false): string[] {
  const set = loadFonts();
  return [...new Set([...text.normalize('NFC')].filter((ch) => ch.trim() && glyphFor(ch, bold ? set.bold : set.regular).glyph.index === 0))];
}

const KHMER_BASE = /[\u1780-\u17B3]/;
const KHMER_PRE_BASE = /[\u17C1-\u17C3]/;
const COENG = '\u17D2';

/**
 * Khmer is stored consonant first, but the vowels េ ែ ៃ are written before their syllable's
 * consonant cluster (base plus subscripts): moved there, the unshaped glyphs read in order.
 */
export function visualOrder(text: string): string {
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    if (!KHMER_PRE_BASE.test(chars[i] as string)) continue;
    let start = i - 1;
    while (start > 0 && !KHMER_BASE.test(chars[start] as string)) start--;
    while (start > 1 && chars[start - 1] === COENG && KHMER_BASE.test(chars[start - 2] as string)) start -= 2;
    if (start < 0 || !KHMER_BASE.test(chars[start] as string)) continue;
    const [vowel] = chars.splice(i, 1);
    chars.splice(start, 0, vowel as string);
  }
  return chars.join('');
}

/** Polygon edges of a glyph outline with curves flattened. */
function edges(p: opentype.Path): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  let sx = 0;
  let sy = 0;
  let x = 0;
  let y = 0;
  const line = (nx: number, ny: number) => {
    out.push([x, y, nx, ny]);
    x = nx;
    y = ny;
  };
  for (const c of p.commands) {
    if (c.type === 'M') {
      x = sx = c.x;
      y = sy = c.y;
    } else if (c.type === 'L') line(c.x, c.y);
    else if (c.type === 'Q') {
      const [x0, y0] = [x, y];
      for (let t = 1; t <= 8; t++) {
        const u = t / 8;
        line((1 - u) ** 2 * x0 + 2 * (1 - u) * u * c.x1 + u * u * c.x, (1 - u) ** 2 * y0 + 2 * (1 - u) * u * c.y1 + u * u * c.y);
      }
    } else if (c.type === 'C') {
      const [x0, y0] = [x, y];
      for (let t = 1; t <= 10; t++) {
        const u = t / 10;
        const a = (1 - u) ** 3;
        const b = 3 * (1 - u) ** 2 * u;
        const d = 3 * (1 - u) * u * u;
        const e = u ** 3;
        line(a * x0 + b * c.x1 + d * c.x2 + e * c.x, a * y0 + b * c.y1 + d * c.y2 + e * c.y);
      }
    } else if (c.type === 'Z') line(sx, sy);
  }
  return out;
}

/** Nonzero-winding scanline fill at dot centres. */
function fill(bm: Bitmap, es: [number, number, number, number][]): void {
  for (let row = 0; row < bm.height; row++) {
    const y = row + 0.5;
    const xs: [number, number][] = [];
    for (const [x0, y0, x1, y1] of es) {
      if (y0 === y1 || y < Math.min(y0, y1) || y >= Math.max(y0, y1)) continue;
      xs.push([x0 + ((y - y0) * (x1 - x0)) / (y1 - y0), y1 > y0 ? 1 : -1]);
    }
    xs.sort((a, b) => a[0] - b[0]);
    let wind = 0;
    for (let i = 0; i < xs.length - 1; i++) {
      wind += (xs[i] as [number, number])[1];
      if (wind === 0) continue;
      const from = Math.max(0, Math.ceil((xs[i] as [number, number])[0] - 0.5));
      const to = Math.min(bm.width - 1, Math.floor((xs[i + 1] as [number, number])[0] - 0.5));
      for (let col = from; col <= to; col++) bm.dots[row * bm.width + col] = 1;
    }
  }
}

/** Renders lines of text, word-wrapped to `width` dots, into one bitmap (width a multiple of 8). */
export function renderText(lines: RasterLine[], width: number): Bitmap {
  const set = loadFonts();
  const laid: { glyphs: { g: opentype.Glyph; font: opentype.Font; x: number }[]; px: number; w: number; align: RasterLine['align']; bold: boolean }[] = [];
  for (const l of lines) {
    const fontSet = l.bold ? set.bold : set.regular;
    const measure = (s: string) => [...s.normalize('NFC')].reduce((sum, ch) => {
      const { font, glyph } = glyphFor(ch, fontSet);
      return sum + ((glyph.advanceWidth ?? 0) * l.px) / font.unitsPerEm;
    }, 0);
    let cur = '';
    const wrapped: string[] = [];
    for (const word of l.text.split(/\s+/).filter(Boolean)) {
      const next = cur ? `${cur} ${word}` : word;
      if (measure(next) <= width || !cur) cur = next;
      else {
        wrapped.push(cur);
        cur = word;
      }
    }
    if (cur) wrapped.push(cur);
    for (const text of wrapped) {
      let x = 0;
      const glyphs = [...visualOrder(text.normalize('NFC'))].map((ch) => {
        const { font, glyph } = glyphFor(ch, fontSet);
        const at = x;
        x += ((glyph.advanceWidth ?? 0) * l.px) / font.unitsPerEm;
        return { g: glyph, font, x: at };
      });
      laid.push({ glyphs, px: l.px, w: x, align: l.align, bold: l.bold });
    }
  }
  const lineHeight = (px: number) => Math.ceil(px * 1.35);
  const height = laid.reduce((s, l) => s + lineHeight(l.px), 0);
  const bm: Bitmap = { width, height, dots: new Uint8Array(width * height) };
  let top = 0;
  for (const l of laid) {
    const left = l.align === 'left' ? 0 : l.align === 'center' ? Math.floor((width - l.w) / 2) : Math.floor(width - l.w);
    const baseline = top + Math.round(l.px * 1.05);
    const es = l.glyphs.flatMap(({ g, x }) => edges(g.getPath(left + x, baseline, l.px)));
    fill(bm, es);
    top += lineHeight(l.px);
  }
  return bm;
}

/** RGBA pixels of a bitmap, the form the ESC/POS encoder's image() takes. */
export function toImageData(bm: Bitmap): { data: Uint8ClampedArray; width: number; height: number } {
  const data = new Uint8ClampedArray(bm.width * bm.height * 4).fill(255);
  bm.dots.forEach((d, i) => {
    if (d) data[i * 4] = data[i * 4 + 1] = data[i * 4 + 2] = 0;
  });
  return { data, width: bm.width, height: bm.height };
}

/** Image heights go to the printer in bands of 8 dots. */
export function padToEight(bm: Bitmap): Bitmap {
  const height = Math.ceil(bm.height / 8) * 8;
  if (height === bm.height) return bm;
  const dots = new Uint8Array(bm.width * height);
  dots.set(bm.dots);
  return { width: bm.width, height, dots };
}
