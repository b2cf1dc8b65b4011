// Bytes and time on the wire for the sample ticket at common serial speeds (8N1: 10 bits a byte).
import { PrinterConfig } from '../shared/printerConfig';
import { sampleTicket } from '../electron/host/printer/sampleTicket';
import { encodeTicket } from '../electron/host/printer/ticketLayout';

export function runPrinterBytes(): Record<string, string> {
  const rows: Record<string, string> = {};
  for (const encoding of ['cp1258', 'tcvn3', 'ascii'] as const) {
    for (const paper of [80, 58] as const) {
      const n = encodeTicket(sampleTicket(), PrinterConfig.parse({ encoding, paper })).length;
      const at = (baud: number) => `${((n * 10) / baud).toFixed(2)} s`;
      rows[`${encoding} text, ${paper} mm, with QR`] = `${n} bytes · 9600: ${at(9600)} · 19200: ${at(19200)} · 115200: ${at(115200)}`;
    }
  }
  // A raster ticket sends every dot: 576 dots wide (80 mm) × ≈ 900 dot rows for this layout.
  const raster = (576 / 8) * 900;
  const text = encodeTicket(sampleTicket(), PrinterConfig.parse({ encoding: 'cp1258', paper: 80 })).length;
  rows['raster estimate (80 mm, 576 × 900 dots)'] = `${raster} bytes · 9600: ${((raster * 10) / 9600).toFixed(1)} s · raster ÷ cp1258 text = ${(raster / text).toFixed(0)}×`;
  return rows;
}
