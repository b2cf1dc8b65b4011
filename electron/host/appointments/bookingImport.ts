import { businessDayStart } from '../../../shared/businessDay';
import { AppError } from '../../../shared/errors';
import { isIsoDate } from '../../../shared/openingHours';
import type { BookingBook, BookingRow } from './bookingBook';

export interface ImportProblem {
  line: number;
  message: string;
}

const MAX_ROWS = 2000;
const TIME = /^([01]?\d|2[0-3])[:hH]([0-5]\d)$/;
const VN_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** "2026-11-24" or "24/11/2026" (how Vietnamese spreadsheets write it) to YYYY-MM-DD, or null. */
function isoDate(text: string): string | null {
  const vn = VN_DATE.exec(text);
  const iso = vn ? `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}` : text;
  return isIsoDate(iso) ? iso : null;
}

function cells(line: string): string[] {
  const sep = line.includes(';') && !line.includes(',') ? ';' : ',';
  return line.split(sep).map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim());
}

/**
 * Bookings from a CSV export (#30): one per row, "service code, date, time", a header row allowed.
 * Every row is checked as a staff booking is (service takes appointments, the slot is in its plan
 * and still to come, room left counting the file's earlier rows); one bad row and nothing is kept,
 * and every bad row is named with its line, so the file is fixed once.
 */
export function importBookings(book: BookingBook, csv: string, actor: string): BookingRow[] {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const serviceByCode = book.queue.ctx.db.prepare<[string], { id: number }>('SELECT id FROM services WHERE upper(code) = upper(?)');
  const { timeZone } = book.queue.settings.get();
  const problems: ImportProblem[] = [];
  const rows: { line: number; serviceId: number; slotStart: number }[] = [];
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const [code = '', date = '', time = '', ...rest] = cells(raw);
    if (i === 0 && !isoDate(date) && !TIME.test(time)) return; // a header row
    if (rest.some((c) => c !== '')) return void problems.push({ line, message: 'Dòng có nhiều hơn 3 cột (mã dịch vụ, ngày, giờ)' });
    const service = serviceByCode.get(code);
    if (!service) return void problems.push({ line, message: `Không có dịch vụ mã "${code.slice(0, 40)}"` });
    const day = isoDate(date);
    if (!day) return void problems.push({ line, message: `Ngày "${date.slice(0, 20)}" không hợp lệ (YYYY-MM-DD hoặc DD/MM/YYYY)` });
    const t = TIME.exec(time);
    if (!t) return void problems.push({ line, message: `Giờ "${time.slice(0, 20)}" không hợp lệ (HH:MM)` });
    rows.push({ line, serviceId: service.id, slotStart: businessDayStart(day, timeZone, Number(t[1]) * 60 + Number(t[2])) });
  });
  if (rows.length + problems.length > MAX_ROWS) throw new AppError('BOOKING_IMPORT_INVALID', `Tệp có hơn ${MAX_ROWS} dòng; hãy chia nhỏ`, { problems: [] });
  if (rows.length === 0 && problems.length === 0) throw new AppError('BOOKING_IMPORT_INVALID', undefined, { problems: [{ line: 1, message: 'Tệp không có dòng lịch hẹn nào' }] });
  return book.queue.ctx.tx(() => {
    const made: BookingRow[] = [];
    for (const r of rows) {
      try {
        made.push(book.book({ serviceId: r.serviceId, slotStart: r.slotStart }, actor));
      } catch (e) {
        // Each check runs before its row is written: a refused row leaves nothing behind.
        if (!(e instanceof AppError)) throw e;
        problems.push({ line: r.line, message: e.message });
      }
    }
    if (problems.length > 0) throw new AppError('BOOKING_IMPORT_INVALID', undefined, { problems: problems.sort((a, b) => a.line - b.line).slice(0, 100) });
    return made;
  });
}
