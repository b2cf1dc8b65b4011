import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { PRINTER_PROFILES } from '../../../shared/printerConfig';
import type { PrinterConfig } from '../../../shared/printerConfig';
import { padToEight, renderText, toImageData } from './rasterText';
import { beginText, writeLine } from './escposText';
import { paperDots, wrap } from './ticketLayout';
import { printWidth } from './vietnameseText';

const BASES = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];

/** Every Vietnamese vowel with each of the five tones, lower and upper case, plus đ/Đ. */
export function testPageLines(): string[] {
  const lines: string[] = [];
  for (const b of BASES) {
    lines.push(TONES.map((t) => (b + t).normalize('NFC')).join(' ') + '  ' + TONES.map((t) => (b.toUpperCase() + t).normalize('NFC')).join(' '));
  }
  lines.push('đ Đ — Cộng hòa xã hội chủ nghĩa Việt Nam');
  lines.push('Độc lập – Tự do – Hạnh phúc');
  return lines;
}

export function encodeTestPage(cfg: Pick<PrinterConfig, 'profile' | 'paper' | 'encoding'>): Uint8Array {
  const profile = PRINTER_PROFILES[cfg.profile];
  if (cfg.encoding === 'raster') {
    const enc = new ReceiptPrinterEncoder({ language: 'esc-pos', printerModel: profile.encoderModel, columns: profile.columns[cfg.paper], imageMode: 'raster' });
    const lines = [`TRANG IN THỬ — ${profile.name} — ${cfg.paper} mm — raster`, ...testPageLines()].map((text) => ({ text, px: 24, align: 'left' as const, bold: false }));
    const img = toImageData(padToEight(renderText(lines, paperDots(cfg.paper))));
    return enc.initialize().image(img as unknown as ImageData, img.width, img.height, 'threshold').newline().newline().cut('partial').encode();
  }
  const enc = new ReceiptPrinterEncoder({
    language: 'esc-pos',
    printerModel: profile.encoderModel,
    columns: profile.columns[cfg.paper],
    codepageCandidates: cfg.encoding === 'tcvn3' ? ['tcvn3', 'tcvn3capitals'] : undefined,
  });
  beginText(enc.initialize(), profile.encoderModel, cfg.encoding);
  const columns = profile.columns[cfg.paper];
  for (const l of [`TRANG IN THỬ — ${profile.name} — ${cfg.paper} mm — ${cfg.encoding}`, ...testPageLines()]) {
    for (const part of printWidth(l) <= columns ? [l] : wrap(l, columns)) writeLine(enc, part, cfg.encoding);
  }
  return enc.newline().newline().cut('partial').encode();
}

/**
 * Whether the printer model can print this text encoding at all (e.g. the Xprinter profile has no
 * Windows-1258 code page): checked when the admin saves, so a wrong pair is refused with its reason
 * instead of every ticket failing later.
 */
export function encodingProblem(cfg: Pick<PrinterConfig, 'profile' | 'paper' | 'encoding'>): string | null {
  // Dots need no code page, and drawing the whole test page to find that out held the host's
  // thread for about a second on every save (kiosks waited meanwhile).
  if (cfg.encoding === 'raster') return null;
  try {
    encodeTestPage(cfg);
    return null;
  } catch {
    return `máy in ${PRINTER_PROFILES[cfg.profile].name} không in được bảng mã ${cfg.encoding}; hãy chọn bảng mã khác (raster in được trên mọi máy)`;
  }
}
