import { csvCell } from '../../../shared/csvSafe';
import { plainCommentText } from '../../../shared/plainText';
import type { ReportRow, ReportSummary } from '../../../shared/api/reportSchemas';
import { dayLabel, officeDateTime } from '../../../shared/officeTime';
import { satisfactionLevels } from '../../../shared/satisfactionLevels';

export type ExportLang = 'vi' | 'en';

/** How a report file is worded: the screen's language, the office's time zone, its current rating scale. */
export interface ExportOptions {
  lang?: ExportLang;
  timeZone: string;
  /** The office's scale now, so its levels show (with 0) even before anyone used it. */
  ratingLevels?: number;
}

const minutes = (ms: number | null) => (ms === null ? '' : Math.round((ms / 60_000) * 10) / 10);
const pct = (v: number | null) => (v === null ? '' : Math.round(v * 10) / 10);

const WORDS = {
  vi: {
    rowHeaders: [
      'Tên', 'Số phiếu cấp', 'Đã phục vụ', 'Vắng mặt', 'Đã chuyển', 'Đã hủy', 'Hết ngày chưa phục vụ',
      'Chờ TB (phút)', 'Chờ trung vị (phút)', 'Chờ P90 (phút)', 'Chờ tối đa (phút)',
      'Phục vụ TB (phút)', 'Phục vụ trung vị (phút)', 'Phục vụ P90 (phút)', 'Phục vụ tối đa (phút)',
      'Số đánh giá', 'Tỷ lệ hài lòng (%)',
    ],
    totals: 'Tổng hợp', services: 'Theo dịch vụ', counters: 'Theo quầy', officers: 'Theo cán bộ', ratings: 'Mức độ hài lòng', comments: 'Góp ý', hours: 'Theo giờ',
    total: 'Tổng',
    ratingHeader: ['Thang', 'Mức', 'Đánh giá', 'Số lượt'],
    satisfied: 'Tỷ lệ hài lòng (%)', response: 'Tỷ lệ phản hồi (%)', reason: 'Lý do',
    commentHeader: ['Số phiếu', 'Mức', 'Góp ý', 'Thời gian'],
    day: 'Ngày',
    weekdays: ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ Nhật'],
    range: (from: string, to: string) => `${from} đến ${to}`,
    file: 'bao-cao',
  },
  en: {
    rowHeaders: [
      'Name', 'Tickets issued', 'Served', 'No-shows', 'Transferred', 'Cancelled', 'Expired unserved',
      'Wait mean (min)', 'Wait median (min)', 'Wait P90 (min)', 'Wait max (min)',
      'Service mean (min)', 'Service median (min)', 'Service P90 (min)', 'Service max (min)',
      'Ratings', 'Satisfied (%)',
    ],
    totals: 'Summary', services: 'By service', counters: 'By counter', officers: 'By officer', ratings: 'Satisfaction', comments: 'Comments', hours: 'By hour',
    total: 'Total',
    ratingHeader: ['Scale', 'Level', 'Rating', 'Count'],
    satisfied: 'Satisfied (%)', response: 'Response rate (%)', reason: 'Reason',
    commentHeader: ['Ticket', 'Level', 'Comment', 'Time'],
    day: 'Day',
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    range: (from: string, to: string) => `${from} to ${to}`,
    file: 'report',
  },
} as const;

export const TABLES = ['totals', 'services', 'counters', 'officers', 'ratings', 'comments', 'hours'] as const;
export type TableName = (typeof TABLES)[number];
type Table = { title: string; header: (string | number)[]; rows: (string | number)[][] };

/** Each exportable table as header + rows, shared by the XLSX sheets and the CSV sections. */
export function reportTables(s: ReportSummary, o: ExportOptions): Record<TableName, Table> {
  const lang = o.lang ?? 'vi';
  const w = WORDS[lang];
  const rowValues = (r: ReportRow, name = r.name) => [
    name, r.issued, r.served, r.noShows, r.transferred, r.cancelled, r.expired,
    minutes(r.wait.meanMs), minutes(r.wait.medianMs), minutes(r.wait.p90Ms), minutes(r.wait.maxMs),
    minutes(r.service.meanMs), minutes(r.service.medianMs), minutes(r.service.p90Ms), minutes(r.service.maxMs),
    r.ratings, pct(r.percentSatisfied),
  ];
  const total = rowValues(s.totals, w.total);
  // The summary and each breakdown are one shape: a row per service / counter / officer, then the total.
  const breakdown = (title: string, rows: ReportRow[]): Table => ({ title, header: [...w.rowHeaders], rows: [...rows.map((r) => rowValues(r)), total] });
  return {
    totals: breakdown(w.totals, []),
    services: breakdown(w.services, s.byService),
    counters: breakdown(w.counters, s.byCounter),
    officers: breakdown(w.officers, s.byOfficer),
    ratings: {
      title: w.ratings,
      header: [...w.ratingHeader],
      rows: [
        ...satisfactionLevels(s.satisfaction.byScaleScore, o.ratingLevels).map((l) => [l.levels, l.score, l[lang], l.count]),
        [w.satisfied, '', '', pct(s.satisfaction.percentSatisfied)],
        [w.response, '', '', pct(s.satisfaction.responseRate)],
        ...s.satisfaction.reasons.map((r) => [`${w.reason}: ${r.label}`, '', '', r.count]),
      ],
    },
    comments: {
      title: w.comments,
      header: [...w.commentHeader],
      // Comments stored before the input was cleaned are cleaned on the way out.
      rows: s.satisfaction.comments.map((c) => [c.number, `${c.score}/${c.levels}`, plainCommentText(c.comment), officeDateTime(c.at, o.timeZone)]),
    },
    hours: { title: w.hours, header: [w.day, ...Array.from({ length: 24 }, (_, h) => `${h}h`)], rows: s.heatmap.map((r, i) => [w.weekdays[i] as string, ...r]) },
  };
}

export const rangeTitle = (s: ReportSummary, lang: ExportLang) => WORDS[lang].range(dayLabel(s.query.from), dayLabel(s.query.to));
export const exportFileName = (s: ReportSummary, lang: ExportLang) => `motcua-${WORDS[lang].file}-${s.query.from}-${s.query.to}`;

/** One sheet of a report file: its title line ("title — range"), its header, its rows; the XLSX and the CSV are both made of these. */
interface Sheet {
  name: string;
  title: (string | number)[];
  header: (string | number)[];
  rows: (string | number)[][];
}

function reportSheets(s: ReportSummary, o: ExportOptions): Sheet[] {
  const tables = reportTables(s, o);
  const range = rangeTitle(s, o.lang ?? 'vi');
  return TABLES.map((name) => {
    const t = tables[name];
    return { name: t.title, title: [`${t.title} — ${range}`], header: t.header, rows: t.rows };
  });
}

export async function reportXlsx(s: ReportSummary, o: ExportOptions): Promise<Buffer> {
  // exceljs is ≈ 28 MB of heap once loaded: only the first export pays for it, not every host start.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  for (const sheet of reportSheets(s, o)) {
    const ws = wb.addWorksheet(sheet.name);
    ws.addRow(sheet.title).font = { bold: true, size: 13 };
    ws.addRow(sheet.header).font = { bold: true };
    for (const r of sheet.rows) ws.addRow(r);
    ws.columns.forEach((c, i) => (c.width = i === 0 ? 34 : 14));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * UTF-8 with a BOM, so Excel opens the Vietnamese correctly. One table when asked for one; otherwise
 * every table of the report in one file, each under its title and separated by a blank line, which is
 * how a report reads when the file is double-clicked into a spreadsheet (a zip of CSVs would not open).
 */
export function reportCsv(s: ReportSummary, table: TableName | undefined, o: ExportOptions): Buffer {
  const line = (r: (string | number)[]) => r.map(csvCell).join(',');
  const sheets = reportSheets(s, o);
  const text = table
    ? [sheets[TABLES.indexOf(table)]!.header, ...sheets[TABLES.indexOf(table)]!.rows].map(line).join('\r\n') + '\r\n'
    : sheets.map((sh) => [sh.title, sh.header, ...sh.rows].map(line).join('\r\n') + '\r\n').join('\r\n');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
