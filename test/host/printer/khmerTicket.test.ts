import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TICKET_TEMPLATE } from '../../../shared/ticketTemplate';
import { encodeTicket, paperDots } from '../../../electron/host/printer/ticketLayout';
import type { TicketPrintData } from '../../../electron/host/printer/ticketLayout';
import { missingGlyphs, renderText, visualOrder } from '../../../electron/host/printer/rasterText';
import { parseEscPos } from '../../helpers/escposParser';

// Khmer on the ticket (#31): no printer code page holds it, so a ticket with Khmer on it prints as
// dots in Noto Sans Khmer, whatever the printer's Vietnamese mode, and stays inside the paper.
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

describe('Khmer on the printed ticket', () => {
  it('every character of the sample has a glyph in the bundled fonts (no empty boxes)', () => {
    expect([...SAMPLE].some((c) => /[\u1780-\u17FF]/.test(c))).toBe(true);
    expect(missingGlyphs(SAMPLE)).toEqual([]);
    expect(missingGlyphs(SAMPLE, true)).toEqual([]);
  });

  it('a pre-base vowel is drawn before its consonant cluster', () => {
    // ស + េ + វ + ា: "សេវា" (service) — េ goes before ស.
    expect(visualOrder('\u179F\u17C1\u179C\u17B6')).toBe('\u17C1\u179F\u179C\u17B6');
    // ជ + ្រ (coeng ro) + ើ: the vowel's pre-base part goes before the whole cluster; ើ is not split here.
    expect(visualOrder('\u1787\u17D2\u179A\u17C2')).toBe('\u17C2\u1787\u17D2\u179A');
    expect(visualOrder('Hộ tịch')).toBe('Hộ tịch');
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
