// Bytes and time on the wire for the sample ticket at common serial speeds (8N1: 10 bits a byte).
import { PrinterConfig } from '../shared/printerConfig';
import { sampleTicket } from '../electron/host/printer/sampleTicket';
import { encodeTicket } from '../electron/host/printer/ticketLayout';

export function runPrinterBytes(): Record<string, string> {
  const rows: Record<string, string> = {};
  for (const encoding of ['cp1258', 'tcvn3', 'raster', 'ascii'] as const) {
    for (const paper of [80, 58] as const) {
      const n = encodeTicket(sampleTicket(), PrinterConfig.parse({ encoding, paper })).length;
      const at = (baud: number) => `${((n * 10) / baud).toFixed(2)} s`;
      rows[`${encoding}${encoding === 'raster' ? '' : ' text'}, ${paper} mm, with QR`] = `${n} bytes · 9600: ${at(9600)} · 19200: ${at(19200)} · 115200: ${at(115200)}`;
    }
  }
  const raster = encodeTicket(sampleTicket(), PrinterConfig.parse({ encoding: 'raster', paper: 80 })).length;
  const text = encodeTicket(sampleTicket(), PrinterConfig.parse({ encoding: 'cp1258', paper: 80 })).length;
  rows['raster ÷ cp1258 text (80 mm)'] = `${(raster / text).toFixed(1)}×`;
  return rows;
}
