// The paper ticket of an appointment says its slot (#30), under the service, whatever template the
// office saved; a walk-in's ticket has no such line.
import { describe, expect, it } from 'vitest';
import { ticketText } from '../../../electron/host/printer/ticketLayout';
import type { TicketPrintData } from '../../../electron/host/printer/ticketLayout';

const base: TicketPrintData = {
  officeName: 'UBND phường Hòa Bình',
  serviceNameVi: 'Hộ tịch',
  serviceNameEn: 'Civil status registration',
  number: 'A001',
  priorityLabel: null,
  issuedAt: Date.UTC(2026, 10, 23, 1, 15),
  ahead: 2,
  etaMinutes: 14,
  trackUrl: 'http://x/t/abc',
  footer: 'Xin cảm ơn công dân!',
  checkCode: 'MCCY6',
};

describe('the slot on an appointment’s ticket', () => {
  it('prints "Giờ hẹn: 08:30" right under the service, in the office’s time', () => {
    const lines = ticketText({ ...base, appointmentAt: Date.UTC(2026, 10, 23, 1, 30) });
    expect(lines.slice(lines.indexOf('Hộ tịch'), lines.indexOf('Hộ tịch') + 2)).toEqual(['Hộ tịch', 'Giờ hẹn: 08:30']);
  });

  it('leaves the line out for a walk-in', () => {
    expect(ticketText(base).join('\n')).not.toContain('Giờ hẹn');
    expect(ticketText({ ...base, appointmentAt: null }).join('\n')).not.toContain('Giờ hẹn');
  });
});
