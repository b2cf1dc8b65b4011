import { describe, expect, it } from 'vitest';
import { DEFAULT_TICKET_TEMPLATE } from '../../../shared/ticketTemplate';
import { encodeTicket, ticketText } from '../../../electron/host/printer/ticketLayout';
import type { TicketPrintData } from '../../../electron/host/printer/ticketLayout';
import { cp1258Lines } from '../../helpers/cp1258Lines';
import { parseEscPos } from '../../helpers/escposParser';


const base: TicketPrintData = {
  officeName: 'Trung tâm Phục vụ hành chính công tỉnh Hòa Bình',
  serviceNameVi: 'Cấp hộ chiếu phổ thông',
  serviceNameEn: 'Ordinary passport',
  number: 'QA001',
  priorityLabel: null,
  issuedAt: Date.UTC(2026, 10, 24, 1, 35),
  ahead: 2,
  etaMinutes: 14,
  trackUrl: 'http://192.168.1.10:8080/t/AbCdEfGhJkLmNp',
  footer: 'Xin cảm ơn quý công dân!',
  checkCode: 'K7MPX',
};

describe('the printed ticket says where to go in an office with several zones', () => {
  it('prints "Nơi tiếp nhận: Tầng 2 · Quầy 33, 34" right under the service name', () => {
    const lines = ticketText({ ...base, zone: 'Tầng 2 · Quầy 33, 34' });
    const at = lines.indexOf('Nơi tiếp nhận: Tầng 2 · Quầy 33, 34');
    expect(at).toBeGreaterThan(0);
    expect(lines[at - 1]).toBe('Cấp hộ chiếu phổ thông');
    // On the paper too, in the printer's Vietnamese code page.
    const paper = cp1258Lines(parseEscPos(Buffer.from(encodeTicket({ ...base, zone: 'Tầng 2 · Quầy 33, 34' }, { profile: 'epson-tm-t20iii', paper: 80, encoding: 'cp1258' }))).lines, { skipInvalid: true });
    expect(paper.some((l) => l.includes('Nơi tiếp nhận: Tầng 2'))).toBe(true);
  });

  it('one zone (a ward office): the ticket is line for line what it was', () => {
    expect(ticketText({ ...base, zone: '' })).toEqual(ticketText(base));
    expect(ticketText(base).some((l) => l.includes('Nơi tiếp nhận'))).toBe(false);
    expect(ticketText(base)).toHaveLength(DEFAULT_TICKET_TEMPLATE.filter((l) => l.kind === 'text').length - 1); // no priority line
  });

  it('an office template that places {zone} itself gets it there once, not twice', () => {
    const template = [...DEFAULT_TICKET_TEMPLATE, { kind: 'text' as const, text: 'Đến: {zone}', size: 1, align: 'center' as const, bold: false }];
    const lines = ticketText({ ...base, zone: 'Tầng 2', template });
    expect(lines.filter((l) => l.includes('Tầng 2'))).toEqual(['Đến: Tầng 2']);
  });
});
