import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import opentype from 'opentype.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TICKET_TEMPLATE } from '../../../shared/ticketTemplate';
import { encodeTicket, paperDots } from '../../../electron/host/printer/ticketLayout';
import type { TicketPrintData } from '../../../electron/host/printer/ticketLayout';
import { missingGlyphs, renderText, shapedGlyphIds } from '../../../electron/host/printer/rasterText';
import type { Bitmap } from '../../../electron/host/printer/rasterText';
import { loadShaper, needsShaping } from '../../../electron/host/printer/textShaping';
import { parseEscPos } from '../../helpers/escposParser';

// Khmer on the ticket (#31): no printer code page holds it, so a ticket with Khmer on it prints as
// dots in Noto Sans Khmer, whatever the printer's Vietnamese mode, and stays inside the paper;
// HarfBuzz shapes it, so subscript consonants, ligatures and marks print as a Khmer reader expects.
const SAMPLE = (JSON.parse(fs.readFileSync('test/fixtures/lang/km-sample/messages.json', 'utf8')) as Record<string, string>).welcome as string;

const ticket: TicketPrintData = {
  officeName: 'UBND phường Hòa Bình',
  serviceNameVi: 'Hộ tịch',
  serviceNameEn: 'Civil status',
  number: 'A017',
  priorityLabel: null,
  issuedAt: Date.UTC(2026, 10, 24, 1, 35),
  ahead: 4,
  etaMinutes: 27,
  trackUrl: 'http://192.168.1.10:8080/t/AbCdEfGhJkLmNp',
  footer: `${SAMPLE} ${SAMPLE} ${SAMPLE}`,
  checkCode: 'K7MPX',
};

const ink = (bm: { dots: Uint8Array }) => bm.dots.reduce((n, d) => n + d, 0);

/** The same Noto Sans Khmer file, read by opentype.js alone: each code point's own (unshaped) glyph. */
const require = createRequire(import.meta.url);
const khmerFile = path.join(path.dirname(require.resolve('@fontsource/noto-sans-khmer/package.json')), 'files', 'noto-sans-khmer-khmer-400-normal.woff');
const khmerBytes = fs.readFileSync(khmerFile);
const khmerFont = opentype.parse(khmerBytes.buffer.slice(khmerBytes.byteOffset, khmerBytes.byteOffset + khmerBytes.byteLength));
const perCodePoint = (text: string) => [...text].map((ch) => khmerFont.charToGlyph(ch).index);

/** Columns from the first to the last with ink. */
function inkWidth(bm: Bitmap): number {
  let first = bm.width;
  let last = -1;
  for (let row = 0; row < bm.height; row++) {
    for (let col = 0; col < bm.width; col++) {
      if (!bm.dots[row * bm.width + col]) continue;
      first = Math.min(first, col);
      last = Math.max(last, col);
    }
  }
  return last - first + 1;
}

beforeAll(() => loadShaper());

describe('Khmer on the printed ticket', () => {
  it('every character of the sample has a glyph in the bundled fonts (no empty boxes)', () => {
    expect([...SAMPLE].some((c) => /[\u1780-\u17FF]/.test(c))).toBe(true);
    expect(missingGlyphs(SAMPLE)).toEqual([]);
    expect(missingGlyphs(SAMPLE, true)).toEqual([]);
  });

  it('a pre-base vowel is drawn before its consonant cluster (HarfBuzz reorders it)', () => {
    // ស + េ + វ + ា: "សេវា" (service) — េ's glyph comes before ស's.
    const [sa, e] = perCodePoint('\u179F\u17C1');
    expect(shapedGlyphIds('\u179F\u17C1\u179C\u17B6').slice(0, 2)).toEqual([e, sa]);
    // ជ + ្រ (coeng ro) + ែ: the vowel goes before the whole cluster, and so does the subscript ro.
    const [jo, coeng, ro, ae] = perCodePoint('\u1787\u17D2\u179A\u17C2');
    const cluster = shapedGlyphIds('\u1787\u17D2\u179A\u17C2');
    expect(cluster[0]).toBe(ae);
    expect(cluster.at(-1)).toBe(jo);
    expect(cluster).not.toContain(coeng);
    expect(cluster).not.toContain(ro);
    // Vietnamese is not shaped: it keeps its own glyphs, one a character.
    expect(needsShaping('Hộ tịch')).toBe(false);
  });

  it('a subscript consonant (coeng + consonant) prints in its subscript form, and the word is narrower than unshaped', () => {
    // ក្រសួង (ministry): ក + ្ + រ is one cluster; HarfBuzz swaps coeng + ro for the subscript ro
    // glyph, which is drawn before ក. Code point by code point, coeng and a full-size ro would print.
    const word = '\u1780\u17D2\u179A\u179F\u17BD\u1784';
    const plain = perCodePoint(word);
    const shaped = shapedGlyphIds(word);
    expect(plain).not.toContain(0);
    expect(shaped).not.toEqual(plain);
    const subscriptRo = shaped.find((id) => !plain.includes(id));
    expect(subscriptRo).toBeDefined();
    expect(shaped).not.toContain(plain[1]); // no coeng glyph on paper
    expect(shaped).not.toContain(plain[2]); // no full-size ro
    expect(shaped.indexOf(subscriptRo as number)).toBeLessThan(shaped.indexOf(plain[0] as number));

    // សូមស្វាគមន៍ (welcome): the subscript vo sits under ស and takes no width of its own, and ស + ា
    // join, so the printed word is narrower than the same code points drawn one after another.
    const welcome = '\u179F\u17BC\u1798\u179F\u17D2\u179C\u17B6\u1782\u1798\u1793\u17CD';
    expect(SAMPLE.startsWith(welcome)).toBe(true);
    const px = 36;
    const shapedInk = inkWidth(renderText([{ text: welcome, px, align: 'left', bold: false }], paperDots(80)));
    let x = 0;
    let left = Infinity;
    let right = -Infinity;
    for (const ch of welcome) {
      const g = khmerFont.charToGlyph(ch);
      const box = g.getPath(x, px, px).getBoundingBox();
      if (box.x2 > box.x1) {
        left = Math.min(left, box.x1);
        right = Math.max(right, box.x2);
      }
      x += ((g.advanceWidth ?? 0) * px) / khmerFont.unitsPerEm;
    }
    const unshapedInk = right - left;
    expect(shapedInk).toBeGreaterThan(0.6 * unshapedInk);
    expect(shapedInk).toBeLessThan(0.95 * unshapedInk);
  });

  it('prints as raster within the paper width on a printer set to a Vietnamese code page, 80 and 58 mm', () => {
    for (const paper of [80, 58] as const) {
      const out = parseEscPos(Buffer.from(encodeTicket(ticket, { profile: 'epson-tm-t20iii', paper, encoding: 'cp1258' }, DEFAULT_TICKET_TEMPLATE)));
      expect(out.images.length, `${paper} mm`).toBeGreaterThan(0);
      for (const img of out.images) expect(img.width, `${paper} mm`).toBeLessThanOrEqual(paperDots(paper));
      // No Khmer went to the printer as text bytes; the tracking QR is still a native QR.
      expect(out.lines.map((l) => l.toString('latin1')).join('')).not.toMatch(/[\u1780-\u17FF]/);
      expect(out.qrData).toEqual([ticket.trackUrl]);
    }
    // The same ticket without Khmer still prints as text in the code page.
    const plain = parseEscPos(Buffer.from(encodeTicket({ ...ticket, footer: 'Xin cảm ơn công dân!' }, { profile: 'epson-tm-t20iii', paper: 80, encoding: 'cp1258' })));
    expect(plain.images).toEqual([]);
  });

  it('the Khmer line has ink and wraps inside the paper', () => {
    const bm = renderText([{ text: `${SAMPLE} ${SAMPLE} ${SAMPLE} ${SAMPLE}`, px: 36, align: 'center', bold: false }], paperDots(58));
    expect(bm.width).toBe(paperDots(58));
    expect(ink(bm)).toBeGreaterThan(500);
    // Wrapped onto more than one line rather than cut off at the edge.
    expect(bm.height).toBeGreaterThan(Math.ceil(36 * 1.35));
    // Nothing drawn past the right edge column: the rightmost column stays blank.
    const lastColumn = Array.from({ length: bm.height }, (_, row) => bm.dots[row * bm.width + bm.width - 1]);
    expect(lastColumn.every((d) => d === 0)).toBe(true);
  });
});
