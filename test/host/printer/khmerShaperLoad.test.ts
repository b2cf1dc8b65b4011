import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PrinterConfig } from '../../../shared/printerConfig';
import { createPrinterService } from '../../../electron/host/printer/printerService';
import { encodeTicket } from '../../../electron/host/printer/ticketLayout';
import type { TicketPrintData } from '../../../electron/host/printer/ticketLayout';
import { renderText } from '../../../electron/host/printer/rasterText';
import { loadShaper, shaperReady } from '../../../electron/host/printer/textShaping';
import { parseEscPos } from '../../helpers/escposParser';
import { tempDir } from '../../helpers/tempHost';

// HarfBuzz's WASM loads on the first ticket with Khmer on it, not with the host, and never silently:
// Khmer is not rendered before it has loaded, a failed load says so, and the printer service loads
// it itself while keeping tickets in the order they were issued. A process of its own (vitest.config.ts,
// ISOLATED): in the shared one another file may have loaded HarfBuzz already.

const KHMER = 'សូមស្វាគមន៍ (គំរូ)';
const ticket = (footer: string, number: string): TicketPrintData => ({
  officeName: 'UBND phường Hòa Bình',
  serviceNameVi: 'Hộ tịch',
  serviceNameEn: 'Civil status',
  number,
  priorityLabel: null,
  issuedAt: Date.UTC(2026, 10, 24, 1, 35),
  ahead: 4,
  etaMinutes: 27,
  trackUrl: 'http://192.168.1.10:8080/t/AbCdEfGhJkLmNp',
  footer,
  checkCode: 'K7MPX',
});

describe('loading HarfBuzz for Khmer tickets', () => {
  it('Vietnamese renders without it; Khmer is refused until it has loaded, and a failed load says why', async () => {
    expect(shaperReady()).toBe(false);
    expect(renderText([{ text: 'Xin cảm ơn công dân!', px: 24, align: 'left', bold: false }], 384).dots.some((d) => d === 1)).toBe(true);
    // A zero-width space pasted into Vietnamese is no reason to need HarfBuzz.
    expect(renderText([{ text: 'Xin\u200Bcảm ơn', px: 24, align: 'left', bold: false }], 384).dots.some((d) => d === 1)).toBe(true);
    expect(shaperReady()).toBe(false);
    expect(() => renderText([{ text: KHMER, px: 24, align: 'left', bold: false }], 384)).toThrow(/HarfBuzz.*not loaded/);

    await expect(loadShaper(() => Promise.reject(new Error('harfbuzz.wasm: ENOENT')))).rejects.toThrow(/HarfBuzz \(harfbuzzjs\) did not load.*Khmer.*harfbuzz\.wasm: ENOENT/);
    expect(shaperReady()).toBe(false);
    expect(() => renderText([{ text: KHMER, px: 24, align: 'left', bold: false }], 384)).toThrow(/HarfBuzz/);
  });

  it('the printer service loads it for the first Khmer ticket, and a ticket asked for meanwhile prints after it', async () => {
    expect(shaperReady()).toBe(false);
    const file = path.join(tempDir(), 'tickets.bin');
    const logged: Record<string, unknown>[] = [];
    const svc = createPrinterService({ config: PrinterConfig.parse({ transport: { kind: 'file', path: file } }), log: (e) => logged.push(e) });
    try {
      const khmer = ticket(KHMER, 'A017');
      const viet = ticket('Xin cảm ơn công dân!', 'A018');
      // Asked for one after the other without waiting, as two kiosks issuing at once.
      const [first, second] = await Promise.all([svc.printTicket(khmer), svc.printTicket(viet)]);
      expect(first.ok, String(first.error)).toBe(true);
      expect(second.ok, String(second.error)).toBe(true);
      expect(first.jobId).toBeLessThan(second.jobId);
      expect(shaperReady()).toBe(true);
      const cfg = { profile: 'epson-tm-t20iii', paper: 80, encoding: 'cp1258' } as const;
      expect(Buffer.compare(fs.readFileSync(file), Buffer.concat([encodeTicket(khmer, cfg), encodeTicket(viet, cfg)]))).toBe(0);
      expect(parseEscPos(fs.readFileSync(file)).images.length).toBeGreaterThan(0);
      expect(logged.filter((e) => e.level === 'error')).toEqual([]);
    } finally {
      await svc.close();
    }
  });
});
