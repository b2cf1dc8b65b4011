import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { PRINTER_PROFILES } from '../../../shared/printerConfig';
import type { PrinterConfig } from '../../../shared/printerConfig';
import { DEFAULT_TICKET_TEMPLATE, fillLine, withCheckCode, withAppointment, withCitizen, withZone } from '../../../shared/ticketTemplate';
import type { TicketTemplate, TicketValues } from '../../../shared/ticketTemplate';
import { padToEight, renderText, toImageData } from './rasterText';
import type { RasterLine } from './rasterText';
import { needsShaping } from './textShaping';
import { officeClock, officeDate } from '../../../shared/officeTime';
import { beginText, writeLine } from './escposText';
import { graphemesOf, printWidth } from './vietnameseText';

export interface TicketPrintData {
  officeName: string;
  serviceNameVi: string;
  serviceNameEn: string;
  number: string;
  priorityLabel: string | null;
  /** Epoch ms (UTC); printed in the office's time zone. */
  issuedAt: number;
  ahead: number;
  /** null while no open counter serves the service: the estimate's line is left off the paper. */
  etaMinutes: number | null;
  trackUrl: string;
  footer: string;
  /** The ticket's check code, asked for with the number by walk-up rating. */
  checkCode: string;
  /** The office's time zone (default Hà Nội). */
  timeZone?: string;
  /** The office's ticket template (admin screen); the default when absent. */
  template?: TicketTemplate;
  /** Where the service is served, when the office has more than one zone (m009); else empty. */
  zone?: string;
  /** The checked-in citizen's name, only when the office prints it (#30). */
  citizen?: string;
  /** An appointment's slot start (#30); null or absent for a walk-in. */
  appointmentAt?: number | null;
}

/** The lines as printed: the check code always, the zone in an office with several. */
const printed = (template: TicketTemplate) => withAppointment(withCitizen(withZone(withCheckCode(template))));

export function ticketValues(d: TicketPrintData): TicketValues {
  const tz = d.timeZone ?? 'Asia/Ho_Chi_Minh';
  const date = officeDate(d.issuedAt, tz);
  const time = officeClock(d.issuedAt, tz);
  return {
    office: d.officeName,
    service: d.serviceNameVi,
    serviceEn: d.serviceNameEn,
    number: d.number,
    priority: d.priorityLabel ?? '',
    date,
    time,
    ahead: String(d.ahead),
    eta: d.etaMinutes === null ? '' : String(d.etaMinutes),
    footer: d.footer,
    code: d.checkCode,
    zone: d.zone ?? '',
    citizen: d.citizen ?? '',
    appointment: d.appointmentAt ? officeClock(d.appointmentAt, tz) : '',
  };
}

/** Greedy word wrap on printed width, a grapheme per column; a word longer than a line is cut between graphemes. */
export function wrap(text: string, columns: number): string[] {
  const lines: string[] = [];
  let cur = '';
  const words = text.split(/\s+/).filter(Boolean).flatMap((word) => {
    const g = graphemesOf(word);
    if (g.length <= columns) return [word];
    const pieces: string[] = [];
    for (let i = 0; i < g.length; i += columns) pieces.push(g.slice(i, i + columns).join(''));
    return pieces;
  });
  for (const word of words) {
    const next = cur ? `${cur} ${word}` : word;
    if (printWidth(next) <= columns || !cur) cur = next;
    else {
      lines.push(cur);
      cur = word;
    }
  }
  if (cur) lines.push(cur);
  return lines;
}

function pad(text: string, columns: number, align: 'left' | 'center' | 'right'): string {
  const free = Math.max(0, columns - printWidth(text));
  if (align === 'left') return text;
  const left = align === 'center' ? Math.floor(free / 2) : free;
  return ' '.repeat(left) + text;
}

/** The text lines a ticket prints, before encoding (also what the tests compare against). */
export function ticketText(d: TicketPrintData, template: TicketTemplate = d.template ?? DEFAULT_TICKET_TEMPLATE): string[] {
  const v = ticketValues(d);
  return printed(template).filter((l) => l.kind === 'text').flatMap((l) => {
    const text = fillLine(l.text, v);
    return text === null ? [] : [text];
  });
}

/** Whether the ticket has text (Khmer) that HarfBuzz must shape: loadShaper() before encodeTicket(). */
export function ticketNeedsShaping(d: TicketPrintData, template: TicketTemplate = d.template ?? DEFAULT_TICKET_TEMPLATE): boolean {
  return ticketText(d, template).some(needsShaping);
}

/** Dot height of a template size on the printed ticket. */
const RASTER_PX: Record<number, number> = { 1: 24, 2: 36, 3: 56, 4: 104 };
export const paperDots = (paper: 58 | 80) => (paper === 58 ? 384 : 576);

/** Raster mode: runs of text lines become one image each; the QR code stays a native command. */
function encodeRasterTicket(d: TicketPrintData, cfg: Pick<PrinterConfig, 'profile' | 'paper'>, template: TicketTemplate): Uint8Array {
  const profile = PRINTER_PROFILES[cfg.profile];
  const width = paperDots(cfg.paper);
  const enc = new ReceiptPrinterEncoder({ language: 'esc-pos', printerModel: profile.encoderModel, columns: profile.columns[cfg.paper], imageMode: 'raster' });
  enc.initialize().codepage('cp437');
  const v = ticketValues(d);
  let batch: RasterLine[] = [];
  const flush = () => {
    if (!batch.length) return;
    const bm = renderText(batch, width);
    const img = toImageData(padToEight(bm));
    enc.image(img as unknown as ImageData, img.width, img.height, 'threshold');
    batch = [];
  };
  for (const line of template) {
    if (line.kind === 'text') {
      const text = fillLine(line.text, v);
      if (text !== null) batch.push({ text, px: RASTER_PX[line.size] ?? 24, align: line.align, bold: line.bold });
      continue;
    }
    flush();
    if (line.kind === 'rule') enc.line('-'.repeat(profile.columns[cfg.paper]));
    else if (line.kind === 'feed') enc.newline();
    else enc.align('center').qrcode(d.trackUrl, { model: 2, size: cfg.paper === 58 ? 5 : 6, errorlevel: 'm' }).align('left');
  }
  flush();
  return enc.newline().newline().cut('partial').encode();
}

/** Letters of a script no printer code page holds (Khmer from an office's language, #31). */
const NOT_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

/** ESC/POS bytes of a ticket in the configured Vietnamese mode, QR code of the tracking URL, cut. */
export function encodeTicket(d: TicketPrintData, cfg: Pick<PrinterConfig, 'profile' | 'paper' | 'encoding'>, template: TicketTemplate = d.template ?? DEFAULT_TICKET_TEMPLATE): Uint8Array {
  // A ticket with text in another script prints as an image whatever the code page: every printer can print dots.
  if (cfg.encoding === 'raster' || ticketText(d, template).some((l) => NOT_LATIN.test(l))) return encodeRasterTicket(d, cfg, printed(template));
  const profile = PRINTER_PROFILES[cfg.profile];
  const columns = profile.columns[cfg.paper];
  const enc = new ReceiptPrinterEncoder({
    language: 'esc-pos',
    printerModel: profile.encoderModel,
    columns,
    codepageCandidates: cfg.encoding === 'tcvn3' ? ['tcvn3', 'tcvn3capitals'] : undefined,
  });
  enc.initialize();
  beginText(enc, profile.encoderModel, cfg.encoding);
  const v = ticketValues(d);
  for (const line of printed(template)) {
    if (line.kind === 'rule') {
      writeLine(enc, '-'.repeat(columns), cfg.encoding);
      continue;
    }
    if (line.kind === 'feed') {
      enc.newline();
      continue;
    }
    if (line.kind === 'qr') {
      enc.align('center').qrcode(d.trackUrl, { model: 2, size: cfg.paper === 58 ? 5 : 6, errorlevel: 'm' }).align('left');
      continue;
    }
    const text = fillLine(line.text, v);
    if (text === null) continue;
    const width = Math.floor(columns / line.size);
    enc.size(line.size, line.size).bold(line.bold);
    for (const part of wrap(text, width)) writeLine(enc, pad(part, width, line.align), cfg.encoding);
    enc.bold(false).size(1, 1);
  }
  enc.newline().newline().cut('partial');
  return enc.encode();
}
