import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import type * as HarfBuzz from 'harfbuzzjs';

// OpenType shaping for the raster ticket (#31): HarfBuzz, through harfbuzzjs (its WASM build), picks
// each Khmer syllable's glyphs (subscript consonants after coeng, ligatures, pre-base vowels and
// coeng ro before the cluster) and places the marks; rasterText.ts draws those glyphs' outlines.
//
// harfbuzzjs is an ES module that instantiates its WASM at import (top-level await), so it cannot be
// required synchronously: loadShaper() imports it once, on the first ticket that needs it, and the
// synchronous rasteriser refuses Khmer until then rather than print it unshaped.

type HarfBuzzModule = typeof HarfBuzz;

/** Scripts that need shaping to be legible: Khmer and Khmer Symbols. */
const COMPLEX = /[\u1780-\u17FF\u19E0-\u19FF]/;
/**
 * A run to shape: a complex-script letter, then more of them and the joiners and dotted circles
 * written between them (text without such a letter never needs HarfBuzz).
 */
export const COMPLEX_RUN = /[\u1780-\u17FF\u19E0-\u19FF][\u1780-\u17FF\u19E0-\u19FF\u200B-\u200D\u25CC]*/g;

export function needsShaping(text: string): boolean {
  return COMPLEX.test(text);
}

/**
 * Node's require for this module. The bundles have one (Electron's CommonJS main; serve's ES module
 * bundle defines it in its banner); the sources through tsx resolve from this file.
 */
export function nodeRequire(): NodeJS.Require {
  if (typeof require === 'function') return require;
  try {
    return createRequire(import.meta.url);
  } catch {
    return createRequire(path.join(process.cwd(), 'package.json'));
  }
}

let hb: HarfBuzzModule | null = null;
let loading: Promise<void> | null = null;

/**
 * harfbuzzjs from node_modules, by a file URL the bundlers do not follow: its loader finds
 * harfbuzz.wasm beside its own file, which a bundled copy would not have.
 */
function importHarfBuzz(): Promise<HarfBuzzModule> {
  const entry = nodeRequire().resolve('harfbuzzjs');
  return import(/* @vite-ignore */ pathToFileURL(entry).href) as Promise<HarfBuzzModule>;
}

/**
 * Loads HarfBuzz once (≈ 0.45 MB of WASM); later calls resolve at once. A failure rejects with an
 * error that says what cannot be printed, and the next call tries again. `load` is the import
 * (tests pass one that fails).
 */
export function loadShaper(load: () => Promise<HarfBuzzModule> = importHarfBuzz): Promise<void> {
  if (hb) return Promise.resolve();
  loading ??= load().then(
    (mod) => {
      if (typeof mod?.shape !== 'function') throw new Error('harfbuzzjs has no shape()');
      hb = mod;
    },
    (e: unknown) => {
      loading = null;
      throw new Error(`HarfBuzz (harfbuzzjs) did not load, so Khmer text cannot be shaped for the printer: ${(e as Error)?.message ?? String(e)}`, { cause: e });
    },
  );
  return loading;
}

export function shaperReady(): boolean {
  return hb !== null;
}

function harfBuzz(): HarfBuzzModule {
  if (!hb) throw new Error('Khmer text needs HarfBuzz shaping, which is not loaded yet: await loadShaper() before rendering it (it is never printed unshaped)');
  return hb;
}

/** One shaped glyph, in font units: drawn at the pen position plus its offset (y up), then the pen moves by its advance. */
export interface ShapedGlyph {
  /** Glyph index in the font (the same numbering opentype.js uses). */
  id: number;
  /** Index in the shaped text (UTF-16) of the first character this glyph comes from. */
  cluster: number;
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

export interface ShapingFont {
  unitsPerEm: number;
  shape(text: string): ShapedGlyph[];
}

/** A font for shaping, from its sfnt bytes (TrueType/OpenType; see woffToSfnt). Needs loadShaper() first. */
export function shapingFont(sfnt: Uint8Array): ShapingFont {
  const h = harfBuzz();
  const face = new h.Face(new h.Blob(sfnt));
  // A new font's scale is the face's units per em: positions come back in font units.
  const font = new h.Font(face);
  return {
    unitsPerEm: face.upem,
    shape(text) {
      const buffer = new h.Buffer();
      buffer.addText(text);
      buffer.guessSegmentProperties();
      h.shape(font, buffer);
      const infos = buffer.getGlyphInfos();
      const positions = buffer.getGlyphPositions();
      return infos.map((g, i) => {
        const p = positions[i] as HarfBuzz.GlyphPosition;
        return { id: g.codepoint, cluster: g.cluster, xAdvance: p.xAdvance, xOffset: p.xOffset, yOffset: p.yOffset };
      });
    },
  };
}

/**
 * The sfnt inside a WOFF 1.0 file (each table zlib-compressed or stored): HarfBuzz reads sfnt only,
 * and the bundled fonts are WOFF.
 */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const src = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (src.length < 44 || src.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
  const flavor = src.readUInt32BE(4);
  const count = src.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const offset = src.readUInt32BE(at + 4);
    const compLength = src.readUInt32BE(at + 8);
    const origLength = src.readUInt32BE(at + 12);
    const stored = src.subarray(offset, offset + compLength);
    const data = compLength < origLength ? zlib.inflateSync(stored) : stored;
    if (data.length !== origLength) throw new Error('WOFF table of the wrong length');
    return { tag: src.readUInt32BE(at), checksum: src.readUInt32BE(at + 16), data };
  });
  const headerSize = 12 + 16 * count;
  const out = Buffer.alloc(tables.reduce((n, t) => n + ((t.data.length + 3) & ~3), headerSize));
  let power = 1;
  let log2 = 0;
  while (power * 2 <= count) {
    power *= 2;
    log2++;
  }
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(count, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(log2, 8);
  out.writeUInt16BE(count * 16 - power * 16, 10);
  let offset = headerSize;
  tables.forEach((t, i) => {
    out.writeUInt32BE(t.tag, 12 + 16 * i);
    out.writeUInt32BE(t.checksum, 16 + 16 * i);
    out.writeUInt32BE(offset, 20 + 16 * i);
    out.writeUInt32BE(t.data.length, 24 + 16 * i);
    t.data.copy(out, offset);
    offset += (t.data.length + 3) & ~3;
  });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
