import { describe, expect, it } from 'vitest';
import { PRINTER_PROFILES } from '../../../shared/printerConfig';
import type { PrinterProfileId } from '../../../shared/printerConfig';
import { DEFAULT_TICKET_TEMPLATE } from '../../../shared/ticketTemplate';
import { encodeTicket, ticketText, wrap } from '../../../electron/host/printer/ticketLayout';
import type { TicketPrintData } from '../../../electron/host/printer/ticketLayout';
import { cp1258Lines } from '../../helpers/cp1258Lines';
import { parseEscPos } from '../../helpers/escposParser';

// The longest names real one-stop units print at the top of a ticket.
const OFFICE_NAMES = [
  'Bộ phận Tiếp nhận và Trả kết quả giải quyết thủ tục hành chính Ủy ban nhân dân phường Hoàng Liệt',
  'Bộ phận Một cửa Ủy ban nhân dân xã Nghĩa Hưng, tỉnh Quảng Ngãi',
  'Trung tâm Phục vụ hành chính công tỉnh Bà Rịa – Vũng Tàu',
  'Trung tâm Phục vụ hành chính công thành phố Hồ Chí Minh – Chi nhánh số 1',
];
const SERVICE = 'Lao động – Thương binh và Xã hội';

const ticket = (officeName: string): TicketPrintData => ({
  officeName,
  serviceNameVi: SERVICE,
  serviceNameEn: 'Labour, Invalids and Social Affairs',
  number: 'C017',
  priorityLabel: null,
  issuedAt: Date.UTC(2026, 10, 24, 1, 35),
  ahead: 4,
  etaMinutes: 27,
  trackUrl: 'http://192.168.1.10:8080/t/AbCdEfGhJkLmNp',
  footer: 'Xin cảm ơn quý công dân!',
  checkCode: 'K7MPX',
});

// An independent reader: glibc's CP1258 decoder, then columns counted as user-perceived letters.
const decodeLines = (lines: Buffer[]) => cp1258Lines(lines);
const segmenter = new Intl.Segmenter('vi', { granularity: 'grapheme' });
const columnsOf = (s: string) => [...segmenter.segment(s)].length;

/** The printed lines of one block of the ticket, between two marker lines. */
function block(lines: string[], first: (l: string) => boolean, end: (l: string) => boolean): string[] {
  const from = lines.findIndex(first);
  const to = lines.findIndex((l, i) => i > from && end(l));
  return lines.slice(from, to);
}

function expectFilledGreedily(printed: string[], text: string, columns: number) {
  const words = printed.map((l) => l.trim());
  expect(words.join(' ')).toBe(text);
  for (const line of printed) expect(columnsOf(line)).toBeLessThanOrEqual(columns);
  // No early wrap: the first word of each next line would not have fitted on the line before.
  for (let i = 0; i + 1 < words.length; i++) {
    const next = (words[i + 1] as string).split(' ')[0] as string;
    expect(columnsOf(words[i] as string) + 1 + columnsOf(next), `"${words[i]}" + "${next}"`).toBeGreaterThan(columns);
  }
}

describe('ticket layout measures text by grapheme (a letter with its tone mark is one column)', () => {
  const cases: [PrinterProfileId, 58 | 80][] = [
    ['epson-tm-t20iii', 58],
    ['epson-tm-t20iii', 80],
    ['pos-5890', 58],
    ['pos-8360', 80],
  ];
  for (const [profile, paper] of cases) {
    it(`${profile} at ${paper} mm: long office names and the service name fill every line, in CP1258 as iconv reads it`, () => {
      const columns = PRINTER_PROFILES[profile].columns[paper];
      for (const name of OFFICE_NAMES) {
        const lines = decodeLines(parseEscPos(Buffer.from(encodeTicket(ticket(name), { profile, paper, encoding: 'cp1258' }))).lines);
        const office = block(lines, (l) => l.trim().startsWith(name.split(' ')[0] as string), (l) => /^-{10,}$/.test(l));
        expectFilledGreedily(office, name, columns);
        // The service name prints double width: half the columns.
        const service = block(lines, (l) => l.trim().startsWith('Lao'), (l) => l.includes('Số người chờ trước'));
        expectFilledGreedily(service, SERVICE, Math.floor(columns / 2));
        // Centred lines stay centred by what the eye sees.
        for (const l of office) {
          const left = l.length - l.trimStart().length;
          expect(Math.abs(left - (columns - columnsOf(l.trim()) - left))).toBeLessThanOrEqual(1);
        }
      }
    });
  }

  it('wrap() counts a decomposed toned letter as one column and splits only over-long words', () => {
    const nfd = 'Trả kết quả'.normalize('NFD');
    expect(wrap(nfd, 11)).toEqual([nfd]);
    expect(wrap('abcdefghij klm', 4)).toEqual(['abcd', 'efgh', 'ij', 'klm']);
    expect(wrap('Ộộộộộộ', 3)).toEqual(['Ộộộ', 'ộộộ']);
  });

  it('prints the check code even from an office template saved without {code}: under the QR', () => {
    const old = DEFAULT_TICKET_TEMPLATE.filter((l) => !l.text.includes('{code}'));
    const lines = decodeLines(parseEscPos(Buffer.from(encodeTicket({ ...ticket(OFFICE_NAMES[0] as string), template: old }, { profile: 'epson-tm-t20iii', paper: 80, encoding: 'cp1258' }))).lines);
    const code = lines.findIndex((l) => l.trim() === 'Mã phiếu (để đánh giá): K7MPX');
    expect(code).toBeGreaterThan(0);
    expect(lines[code + 1]).toContain('Quét mã để theo dõi');
    expect(ticketText({ ...ticket('UBND'), template: old })).toContain('Mã phiếu (để đánh giá): K7MPX');
  });

  it('promises no wait on paper while no open counter serves the service: the estimate line is left off, the rest stays', () => {
    const open = decodeLines(parseEscPos(Buffer.from(encodeTicket(ticket('UBND xã'), { profile: 'epson-tm-t20iii', paper: 80, encoding: 'cp1258' }))).lines);
    const none = decodeLines(parseEscPos(Buffer.from(encodeTicket({ ...ticket('UBND xã'), etaMinutes: null }, { profile: 'epson-tm-t20iii', paper: 80, encoding: 'cp1258' }))).lines);
    expect(open.some((l) => l.includes('Thời gian chờ dự kiến: ~27 phút'))).toBe(true);
    expect(none.some((l) => l.includes('Thời gian chờ dự kiến'))).toBe(false);
    expect(none).toEqual(open.filter((l) => !l.includes('Thời gian chờ dự kiến')));
    expect(ticketText({ ...ticket('UBND xã'), etaMinutes: null })).not.toContain('phút');
  });
});
