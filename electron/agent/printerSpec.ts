import type { PrinterTransport } from '../../shared/printerConfig';
import { PrinterTransport as TransportSchema } from '../../shared/printerConfig';

/**
 * The printer an agent drives, as typed on its command line:
 * `usb:/dev/usb/lp0`, `serial:/dev/ttyUSB0@9600`, `COM3` (serial, 9600), `tcp:192.168.1.50:9100`
 * or `file:/dev/usb/lp0`. Null when the text names no printer.
 */
export function parsePrinterSpec(spec: string): PrinterTransport | null {
  const s = spec.trim();
  let t: unknown = null;
  let m: RegExpExecArray | null;
  if ((m = /^usb:(.+)$/i.exec(s))) t = { kind: 'usb', devicePath: m[1] };
  else if ((m = /^serial:([^@]+)(?:@(\d+))?$/i.exec(s))) t = { kind: 'serial', path: m[1], baudRate: m[2] ? Number(m[2]) : 9600 };
  else if ((m = /^(COM\d{1,3})(?:@(\d+))?$/i.exec(s))) t = { kind: 'serial', path: m[1]?.toUpperCase(), baudRate: m[2] ? Number(m[2]) : 9600 };
  else if ((m = /^tcp:([^:]+)(?::(\d+))?$/i.exec(s))) t = { kind: 'tcp', host: m[1], port: m[2] ? Number(m[2]) : 9100 };
  else if ((m = /^file:(.+)$/i.exec(s))) t = { kind: 'file', path: m[1] };
  const parsed = TransportSchema.safeParse(t);
  return parsed.success && parsed.data.kind !== 'agent' && parsed.data.kind !== 'none' ? parsed.data : null;
}

export function describePrinter(t: PrinterTransport): string {
  switch (t.kind) {
    case 'usb':
      return `usb:${t.devicePath}`;
    case 'serial':
      return `serial:${t.path}@${t.baudRate}`;
    case 'tcp':
      return `tcp:${t.host}:${t.port}`;
    case 'file':
      return `file:${t.path}`;
    default:
      return t.kind;
  }
}
