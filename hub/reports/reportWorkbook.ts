import { PORTAL_LEVEL_LABELS, PORTAL_LEVEL_MAP } from '../../shared/hubReports';
import type { CrossOfficeReport, DurationFigures, ReportFigures } from '../../shared/hubReports';
import { slotUse } from '../../shared/hubBookingReport';
import type { BookingFigures, BookingReport } from '../../shared/hubBookingReport';

const BOOKING_HEADERS = ['Lịch hẹn đã đặt', 'Đã đến', 'Đến muộn (lấy số thường)', 'Lỡ hẹn', 'Đã hủy', 'Còn hẹn', 'Chỗ đã mở', 'Chỗ đã đặt', 'Tỷ lệ sử dụng chỗ (%)'];
const bookingCells = (f: BookingFigures) => [f.made, f.checkedIn, f.late, f.missed, f.cancelled, f.booked, f.capacity, f.taken, slotUse(f)];

const FIGURE_HEADERS = [
  'Số phiếu', 'Đã phục vụ', 'Vắng mặt', 'Chuyển quầy', 'Đã hủy', 'Hết hạn chưa phục vụ',
  'Chờ TB (phút)', 'Chờ trung vị (phút)', 'Chờ P90 (phút)',
  'Phục vụ TB (phút)', 'Phục vụ trung vị (phút)', 'Phục vụ P90 (phút)',
  'Lượt đánh giá', 'Rất hài lòng', 'Hài lòng', 'Không hài lòng', 'Tỷ lệ hài lòng (%)', 'Điểm TB theo thang',
];

/** Minutes with one decimal, or an empty cell when nothing was measured. */
const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 6000) / 10);
const durations = (d: DurationFigures) => [minutes(d.meanMs), minutes(d.medianMs), minutes(d.p90Ms)];

function figureCells(f: ReportFigures): (string | number | null)[] {
  const s = f.satisfaction;
  return [
    f.tickets, f.served, f.noShows, f.transferred, f.cancelled, f.expired,
    ...durations(f.wait), ...durations(f.service),
    s.count, s.portal.veryGood, s.portal.good, s.portal.bad,
    s.percentSatisfied === null ? null : Math.round(s.percentSatisfied * 10) / 10,
    s.byScale.length ? s.byScale.map((x) => `${(Math.round(x.meanScore * 100) / 100).toLocaleString('vi-VN')}/${x.levels} (${x.count})`).join('; ') : null,
  ];
}

interface Sheet {
  name: string;
  header: string[];
  rows: (string | number | null)[][];
}

/** The report's sheets as plain cells: also what a test compares the file with. Bookings from home get their own sheet when given. */
export function workbookSheets(r: CrossOfficeReport, bookings?: BookingReport): Sheet[] {
  const levelRows = Object.entries(PORTAL_LEVEL_MAP).flatMap(([levels, scores]) =>
    Object.entries(scores)
      .sort(([a], [b]) => Number(b) - Number(a))
      .map(([score, level]) => [`Thang ${levels} mức`, Number(score), PORTAL_LEVEL_LABELS[level].vi]),
  );
  return [
    { name: 'Tổng hợp', header: ['Phạm vi', ...FIGURE_HEADERS], rows: [[`Toàn tỉnh (${r.byOffice.length} đơn vị)`, ...figureCells(r.totals)]] },
    { name: 'Theo đơn vị', header: ['Đơn vị', ...FIGURE_HEADERS], rows: r.byOffice.map((o) => [o.name, ...figureCells(o)]) },
    { name: 'Theo thủ tục', header: ['Mã thủ tục', 'Thủ tục', 'Số đơn vị', ...FIGURE_HEADERS], rows: r.byService.map((s) => [s.code ?? '', s.name, s.offices, ...figureCells(s)]) },
    { name: 'Theo cán bộ', header: ['Đơn vị', 'Cán bộ', ...FIGURE_HEADERS], rows: r.byOfficer.map((o) => [o.officeName, o.name, ...figureCells(o)]) },
    { name: 'Quy đổi mức hài lòng', header: ['Thang đánh giá', 'Điểm', 'Mức trên Cổng DVC quốc gia'], rows: levelRows },
    ...(bookings
      ? [
          {
            name: 'Lịch hẹn',
            header: ['Đơn vị', 'Thủ tục', ...BOOKING_HEADERS],
            rows: [...bookings.rows.map((b) => [b.officeName, b.serviceVi, ...bookingCells(b)]), ...(bookings.rows.length > 1 ? [['Tổng cộng', '', ...bookingCells(bookings.totals)]] : [])],
          },
        ]
      : []),
  ];
}

/**
 * The cross-office report as an XLSX workbook (Vietnamese headers): a sheet per grouping, each
 * titled with its period, and the sheet that shows how ratings were mapped onto the national
 * portal's three levels.
 */
export async function reportWorkbook(r: CrossOfficeReport, bookings?: BookingReport): Promise<Buffer> {
  // exceljs is heavy to load: only a hub process that exports pays for it.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  const period = r.query.from === r.query.to ? `ngày ${r.query.from}` : `từ ${r.query.from} đến ${r.query.to}`;
  for (const sheet of workbookSheets(r, bookings)) {
    const ws = wb.addWorksheet(sheet.name);
    ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 2 }];
    ws.addRow([`${sheet.name} — ${period}`]).font = { bold: true, size: 13 };
    ws.addRow(sheet.header).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row);
    ws.columns.forEach((c, i) => (c.width = i === 0 || (i === 1 && sheet.name !== 'Theo đơn vị' && sheet.name !== 'Tổng hợp') ? 34 : 14));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
