import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PRINTER_PROFILES } from '../../../shared/printerConfig';
import type { PrinterProfileId } from '../../../shared/printerConfig';
import { encodeTicket, ticketText } from '../../../electron/host/printer/ticketLayout';
import type { TicketPrintData } from '../../../electron/host/printer/ticketLayout';
import { encodeTestPage, encodingProblem, testPageLines } from '../../../electron/host/printer/testPage';
import { sampleTicket } from '../../../electron/host/printer/sampleTicket';
import { parseEscPos } from '../../helpers/escposParser';

// A ticket heavy in tone marks that CP1258 has no precomposed letter for (ộ, ị, ả, ữ…).
const toned: TicketPrintData = {
  ...sampleTicket(),
  officeName: 'Bộ phận Tiếp nhận và Trả kết quả — Ủy ban nhân dân phường Hoàng Liệt',
  serviceNameVi: 'Lao động – Thương binh và Xã hội',
  footer: 'Xin cảm ơn quý công dân! Nghỉ trưa 11:30–13:30. Giữ phiếu đến khi được gọi.',
};

const iconv = (b: Buffer) => execFileSync('iconv', ['-f', 'CP1258', '-t', 'UTF-8'], { input: b }).toString('utf8');
const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const codepageCommands = (bytes: Uint8Array) => parseEscPos(Buffer.from(bytes)).commands.filter((c) => c.startsWith('ESC t '));
/** The printer's page after each selection differs from the one before: no selection repeats the page in force. */
const onlyChanges = (cmds: string[]) => cmds.every((c, i) => i === 0 || c !== cmds[i - 1]);

const cp1258Profiles = (Object.keys(PRINTER_PROFILES) as PrinterProfileId[]).filter((profile) => encodingProblem({ profile, paper: 80, encoding: 'cp1258' }) === null);

describe('a CP1258 ticket selects its code page once (#28)', () => {
  it('has printer profiles with CP1258 to check', () => {
    expect(cp1258Profiles).toContain('epson-tm-t20iii');
  });
  for (const profile of cp1258Profiles) {
    for (const paper of [58, 80] as const) {
      it(`${profile}, ${paper} mm: one ESC t for the whole ticket, the text exactly as glibc iconv reads it`, () => {
        const bytes = encodeTicket(toned, { profile, paper, encoding: 'cp1258' });
        // The page's number differs between makers (52 on Epson, 27 on the generic models).
        expect(codepageCommands(bytes)).toHaveLength(1);
        if (profile.startsWith('epson')) expect(codepageCommands(bytes)).toEqual(['ESC t 52']);
        const parsed = parseEscPos(Buffer.from(bytes));
        const printed = squash(parsed.lines.map(iconv).join(' ').replace(/-{10,}/g, ' '));
        expect(printed).toBe(squash(ticketText(toned).join(' ')));
        expect(printed).toContain('Ủy ban nhân dân phường Hoàng Liệt');
        expect(parsed.qrData).toEqual([toned.trackUrl]);
      });
    }
  }

  it('the sample ticket gets smaller: each tone mark no longer costs a 3-byte ESC t 52', () => {
    const bytes = encodeTicket(sampleTicket(), { profile: 'epson-tm-t20iii', paper: 80, encoding: 'cp1258' });
    const ascii = encodeTicket(sampleTicket(), { profile: 'epson-tm-t20iii', paper: 80, encoding: 'ascii' });
    const marks = ticketText(sampleTicket()).join('').normalize('NFD').length - ticketText(sampleTicket()).join('').normalize('NFC').length;
    // What CP1258 adds over plain ASCII is one selection and at most a byte per tone mark.
    console.log(`sample ticket, CP1258, 80 mm: ${bytes.length} bytes (ASCII ${ascii.length}; 821 before #28)`);
    expect(bytes.length - ascii.length).toBeLessThanOrEqual(3 + marks);
    expect(bytes.length).toBeLessThan(760);
  });

  it('the test page too: one selection, every letter as iconv reads it', () => {
    const bytes = encodeTestPage({ profile: 'epson-tm-t20iii', paper: 80, encoding: 'cp1258' });
    expect(codepageCommands(bytes)).toEqual(['ESC t 52']);
    const lines = parseEscPos(Buffer.from(bytes)).lines.map((l) => iconv(l).normalize('NFC'));
    for (const l of testPageLines()) expect(lines.join('\n')).toContain(l);
  });

  it('TCVN-3 selects a page only when it changes between its small-letter and capital pages', () => {
    const cmds = codepageCommands(encodeTicket(toned, { profile: 'epson-tm-t20iii', paper: 80, encoding: 'tcvn3' }));
    expect(cmds.length).toBeGreaterThan(1);
    expect(onlyChanges(cmds)).toBe(true);
  });
});
