import type { TicketPrintData } from './ticketLayout';

/** A realistic ticket of the seeded ward's Hộ tịch service, for samples, test pages and benches. */
export function sampleTicket(): TicketPrintData {
  return {
    officeName: 'UBND Phường Hòa Bình — Bộ phận Tiếp nhận và Trả kết quả',
    serviceNameVi: 'Hộ tịch',
    serviceNameEn: 'Civil status registration',
    number: 'A012',
    priorityLabel: 'Người cao tuổi',
    issuedAt: Date.UTC(2026, 10, 24, 1, 35),
    ahead: 4,
    etaMinutes: 27,
    trackUrl: 'http://192.168.1.10:8080/t/AbCdEfGhJkLmNp',
    footer: 'Xin cảm ơn công dân!',
    checkCode: 'K7MPX',
  };
}
