// What a citizen scanned (or typed) at the kiosk, recognised by its shape (#30). Pure.
import { normalizeBookingCode } from './bookingProtocol';
import { looksLikeIdQr } from './citizenIdQr';

/**
 * A dossier code ("mã hồ sơ") as printed, with its barcode/QR, on the "Giấy tiếp nhận hồ sơ và hẹn
 * trả kết quả". The national portal and the provincial one-stop systems number a dossier
 *   <receiving unit's code>-<yymmdd received>-<sequence>
 * where the unit code is the electronic identification code of Decision 20/2020/QĐ-TTg, four
 * dot-separated parts such as 000.00.31.H29 (commune/district/province levels and the province
 * letter-number), and the sequence 4–6 digits: e.g. 000.00.31.H29-240115-0001. Some provincial
 * systems shorten the unit code (H29.22-240115-000123), so 2–4 parts of 2–4 letters/digits each are
 * accepted. The receipt's QR may instead hold a lookup URL carrying the code; the code is taken from it.
 */
export const DOSSIER_CODE = /^([0-9A-Z]{2,4}(?:\.[0-9A-Z]{2,4}){1,3})-(\d{2})(\d{2})(\d{2})-(\d{4,6})$/;


export type ScanKind =
  | { kind: 'citizenId' }
  | { kind: 'dossier'; code: string }
  | { kind: 'booking'; code: string }
  | { kind: 'unknown' };

function validYymmdd(yy: string, mm: string, dd: string): boolean {
  const y = 2000 + Number(yy);
  const m = Number(mm);
  const d = Number(dd);
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function dossierCodeOf(text: string): string | null {
  const t = text.trim().toUpperCase();
  const m = DOSSIER_CODE.exec(t);
  return m && validYymmdd(m[2]!, m[3]!, m[4]!) ? t : null;
}

/** The dossier code inside a receipt's lookup URL (any query value or path part of the right shape). */
function dossierInUrl(scan: string): string | null {
  let url: URL;
  try {
    url = new URL(scan);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  for (const v of url.searchParams.values()) {
    const c = dossierCodeOf(v);
    if (c) return c;
  }
  for (const part of url.pathname.split('/')) {
    let text = part;
    try {
      text = decodeURIComponent(part);
    } catch {
      // A stray "%" is not a code; the part is read as it is.
    }
    const c = dossierCodeOf(text);
    if (c) return c;
  }
  return null;
}

export function recogniseScan(raw: string): ScanKind {
  const scan = raw.trim();
  if (looksLikeIdQr(scan)) return { kind: 'citizenId' };
  const dossier = dossierCodeOf(scan) ?? dossierInUrl(scan);
  if (dossier) return { kind: 'dossier', code: dossier };
  const booking = normalizeBookingCode(scan);
  if (booking) return { kind: 'booking', code: booking };
  return { kind: 'unknown' };
}
