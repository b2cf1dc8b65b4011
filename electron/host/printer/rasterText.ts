import fs from 'node:fs';
import path from 'node:path';
import type opentype from 'opentype.js';
import { COMPLEX_RUN, nodeRequire, shapingFont, woffToSfnt } from './textShaping';
import type { ShapingFont } from './textShaping';

// Text rendered to dots, for printers that have no Vietnamese code page at all and for scripts no
// code page has (Khmer, issue #31): the bundled Be Vietnam Pro outlines (Latin and Vietnamese
// subsets), then Noto Sans Khmer, filled by a small scanline rasteriser.
//
// Latin and Vietnamese (NFC, precomposed) print each character's own glyph. Khmer runs are shaped
// by HarfBuzz (textShaping.ts) in the same Noto Sans Khmer file: its glyphs (subscript consonants,
// ligatures, pre-base vowels moved before their cluster) are drawn at its positions, marks
// included. Rendering Khmer needs loadShaper() to have finished; before that it throws.

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

/** One weight: the fallback chain for single characters, and the Khmer font with its shaping twin. */
interface FontSet {
  /** Be Vietnam Pro (Vietnamese, Latin Extended, Latin subsets), then Noto Sans Khmer. */
  chain: opentype.Font[];
  khmer: opentype.Font;
  khmerSfnt: Uint8Array;
  /** Made on the first Khmer run (HarfBuzz must be loaded by then). */
  shaping: ShapingFont | null;
}

let fonts: { regular: FontSet; bold: FontSet } | null = null;

function loadFonts() {
  if (fonts) return fonts;
  const req = nodeRequire();
  // opentype.js (≈ 0.6 MB of code, 2 MB of heap) is loaded with the first raster line, not with the
  // host: most printers have a Vietnamese code page and never need it. A plain require keeps the
  // bundlers from pulling it into the host bundle.
  const opentypeLib = req('opentype.js') as typeof opentype;
  const parse = (b: Buffer) => opentypeLib.parse(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  const dir = path.join(path.dirname(req.resolve('@fontsource/be-vietnam-pro/package.json')), 'files');
  const khmerDir = path.join(path.dirname(req.resolve('@fontsource/noto-sans-khmer/package.json')), 'files');
  const set = (w: number): FontSet => {
    const khmerBytes = fs.readFileSync(path.join(khmerDir, `noto-sans-khmer-khmer-${w}-normal.woff`));
    const khmer = parse(khmerBytes);
    const latin = ['vietnamese', 'latin-ext', 'latin'].map((s) => parse(fs.readFileSync(path.join(dir, `be-vietnam-pro-${s}-${w}-normal.woff`))));
    // HarfBuzz shapes the very file opentype.js draws from, so its glyph ids are opentype.js's.
    return { chain: [...latin, khmer], khmer, khmerSfnt: woffToSfnt(khmerBytes), shaping: null };
  };
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
  return [...new Set([...text.normalize('NFC')].filter((ch) => ch.trim() && glyphFor(ch, (bold ? set.bold : set.regular).chain).glyph.index === 0))];
}

/** A glyph placed on a line, in dots from the line's origin on the baseline (y down). */
interface Placed {
  g: opentype.Glyph;
  x: number;
  y: number;
}

/** Glyphs of one line of text at `px` and its advance width in dots. */
function layout(text: string, set: FontSet, px: number): { glyphs: Placed[]; w: number } {
  const glyphs: Placed[] = [];
  let x = 0;
  const plain = (s: string) => {
    for (const ch of s) {
      const { font, glyph } = glyphFor(ch, set.chain);
      glyphs.push({ g: glyph, x, y: 0 });
      x += ((glyph.advanceWidth ?? 0) * px) / font.unitsPerEm;
    }
  };
  let done = 0;
  for (const run of text.matchAll(COMPLEX_RUN)) {
    plain(text.slice(done, run.index));
    set.shaping ??= shapingFont(set.khmerSfnt);
    const scale = px / set.shaping.unitsPerEm;
    for (const s of set.shaping.shape(run[0])) {
      glyphs.push({ g: set.khmer.glyphs.get(s.id), x: x + s.xOffset * scale, y: -s.yOffset * scale });
      x += s.xAdvance * scale;
    }
    done = run.index + run[0].length;
  }
  plain(text.slice(done));
  return { glyphs, w: x };
}

/** HarfBuzz's glyph ids for a Khmer run, in drawing order (HarfBuzz must be loaded). */
export function shapedGlyphIds(text: string, bold = false): number[] {
  const set = bold ? loadFonts().bold : loadFonts().regular;
  set.shaping ??= shapingFont(set.khmerSfnt);
  return set.shaping.shape(text.normalize('NFC')).map((g) => g.id);
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

/** Nonzero-winding scanline fill at dot centres, over the rows the edges span. */
function fill(bm: Bitmap, es: [number, number, number, number][]): void {
  // One line's glyphs cover a band of the bitmap: scanning every row of the whole ticket for each
  // line made a raster ticket cost lines × rows × edges.
  let top = Infinity;
  let bottom = -Infinity;
  for (const [, y0, , y1] of es) {
    top = Math.min(top, y0, y1);
    bottom = Math.max(bottom, y0, y1);
  }
  const first = Math.max(0, Math.floor(top - 0.5));
  const last = Math.min(bm.height - 1, Math.ceil(bottom));
  for (let row = first; row <= last; row++) {
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
  const laid: { glyphs: Placed[]; px: number; w: number; align: RasterLine['align'] }[] = [];
  for (const l of lines) {
    const fontSet = l.bold ? set.bold : set.regular;
    // Words are laid out once each: a space ends any shaped run, so a line is as wide as its words
    // and the spaces between them.
    const words = l.text.normalize('NFC').split(/\s+/).filter(Boolean).map((word) => layout(word, fontSet, l.px));
    const space = layout(' ', fontSet, l.px).w;
    let cur: { glyphs: Placed[]; w: number } | null = null;
    const wrapped: { glyphs: Placed[]; w: number }[] = [];
    for (const word of words) {
      if (cur && cur.w + space + word.w <= width) {
        const at = cur.w + space;
        cur.glyphs.push(...word.glyphs.map((g) => ({ ...g, x: g.x + at })));
        cur.w = at + word.w;
      } else {
        if (cur) wrapped.push(cur);
        cur = { glyphs: [...word.glyphs], w: word.w };
      }
    }
    if (cur) wrapped.push(cur);
    for (const w of wrapped) laid.push({ ...w, px: l.px, align: l.align });
  }
  const lineHeight = (px: number) => Math.ceil(px * 1.35);
  const height = laid.reduce((s, l) => s + lineHeight(l.px), 0);
  const bm: Bitmap = { width, height, dots: new Uint8Array(width * height) };
  let top = 0;
  for (const l of laid) {
    const left = l.align === 'left' ? 0 : l.align === 'center' ? Math.floor((width - l.w) / 2) : Math.floor(width - l.w);
    const baseline = top + Math.round(l.px * 1.05);
    const es = l.glyphs.flatMap(({ g, x, y }) => edges(g.getPath(left + x, baseline + y, l.px)));
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
