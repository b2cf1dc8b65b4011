import ExcelJS from 'exceljs';
import type { ReportRow, ReportSummary } from '../../../shared/api/reportSchemas';
import { dayLabel, officeDateTime } from '../../../shared/officeTime';

const minutes = (ms: number | null) => (ms === null ? '' : Math.round((ms / 60_000) * 10) / 10);
const pct = (v: number | null) => (v === null ? '' : Math.round(v * 10) / 10);

const ROW_HEADERS = [
  'Tên', 'Số phiếu cấp', 'Đã phục vụ', 'Vắng mặt', 'Đã chuyển', 'Đã hủy', 'Hết ngày chưa phục vụ',
  'Chờ TB (phút)', 'Chờ trung vị (phút)', 'Chờ P90 (phút)', 'Chờ tối đa (phút)',
  'Phục vụ TB (phút)', 'Phục vụ trung vị (phút)', 'Phục vụ P90 (phút)', 'Phục vụ tối đa (phút)',
  'Số đánh giá', 'Tỷ lệ hài lòng (%)',
];
const rowValues = (r: ReportRow) => [
  r.name, r.issued, r.served, r.noShows, r.transferred, r.cancelled, r.expired,
  minutes(r.wait.meanMs), minutes(r.wait.medianMs), minutes(r.wait.p90Ms), minutes(r.wait.maxMs),
  minutes(r.service.meanMs), minutes(r.service.medianMs), minutes(r.service.p90Ms), minutes(r.service.maxMs),
  r.ratings, pct(r.percentSatisfied),
];
const WEEKDAYS = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ Nhật'];

/** Each exportable table as header + rows, shared by the XLSX sheets and the CSV files; times in the office's zone. */
export function reportTables(s: ReportSummary, timeZone: string): Record<string, { title: string; header: (string | number)[]; rows: (string | number)[][] }> {
  return {
    totals: { title: 'Tổng hợp', header: ROW_HEADERS, rows: [rowValues(s.totals)] },
    services: { title: 'Theo dịch vụ', header: ROW_HEADERS, rows: [...s.byService.map(rowValues), rowValues(s.totals)] },
    counters: { title: 'Theo quầy', header: ROW_HEADERS, rows: [...s.byCounter.map(rowValues), rowValues(s.totals)] },
    officers: { title: 'Theo cán bộ', header: ROW_HEADERS, rows: [...s.byOfficer.map(rowValues), rowValues(s.totals)] },
    ratings: {
      title: 'Mức độ hài lòng',
      header: ['Thang', 'Mức', 'Số lượt'],
      rows: [
        ...Object.entries(s.satisfaction.byScaleScore).map(([k, n]) => [...k.split(':').map(Number), n] as (string | number)[]),
        ['Tỷ lệ hài lòng (%)', '', pct(s.satisfaction.percentSatisfied)],
        ['Tỷ lệ phản hồi (%)', '', pct(s.satisfaction.responseRate)],
        ...s.satisfaction.reasons.map((r) => [`Lý do: ${r.label}`, '', r.count]),
      ],
    },
    comments: {
      title: 'Góp ý',
      header: ['Số phiếu', 'Mức', 'Góp ý', 'Thời gian'],
      rows: s.satisfaction.comments.map((c) => [c.number, `${c.score}/${c.levels}`, c.comment, officeDateTime(c.at, timeZone)]),
    },
    hours: { title: 'Theo giờ', header: ['Ngày', ...Array.from({ length: 24 }, (_, h) => `${h}h`)], rows: s.heatmap.map((r, i) => [WEEKDAYS[i] as string, ...r]) },
  };
}

export async function reportXlsx(s: ReportSummary, timeZone: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  for (const t of Object.values(reportTables(s, timeZone))) {
    const ws = wb.addWorksheet(t.title);
    ws.addRow([`${t.title} — ${dayLabel(s.query.from)} đến ${dayLabel(s.query.to)}`]).font = { bold: true, size: 13 };
    const head = ws.addRow(t.header);
    head.font = { bold: true };
    for (const r of t.rows) ws.addRow(r);
    ws.columns.forEach((c, i) => (c.width = i === 0 ? 34 : 14));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const csvCell = (v: string | number) => {
  const s = String(v);
  // Leading = + - @ would be run as a formula by spreadsheet programs; comments come from citizens.
  const safe = typeof v === 'string' && /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** UTF-8 with a BOM, so Excel opens the Vietnamese correctly. */
export function reportCsv(s: ReportSummary, table: keyof ReturnType<typeof reportTables>, timeZone: string): Buffer {
  const t = reportTables(s, timeZone)[table] as ReturnType<typeof reportTables>[string];
  const text = [t.header, ...t.rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
