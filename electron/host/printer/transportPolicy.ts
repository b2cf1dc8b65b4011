import fs from 'node:fs';
import path from 'node:path';
import type { PrinterTransport } from '../../../shared/printerConfig';

export interface TransportPolicyContext {
  dataDir: string;
  /** Addresses and names of this machine (see server/hostNames.ts). */
  ownNames: ReadonlySet<string>;
  /** The port this host serves on. */
  ownPort: number;
  /**
   * At start a printer saved while plugged in may be unplugged now: a device path that does not
   * exist is then accepted (the printer comes back when it reappears). At save time it must be a device.
   */
  absentDeviceOk?: boolean;
  /** Is this an enrolled, unrevoked kiosk device (a print agent signs in as one)? */
  isAgentDevice?: (deviceId: number) => boolean;
}

// What a ticket printer looks like to an operating system: Linux printer-class and serial
// devices (pty pairs included, for tests and serial-over-network tools), macOS cu.*, Windows ports.
const DEVICE_PATH = /^(\/dev\/(usb\/lp\d+|lp\d+|tty[A-Za-z]*\d*|ttyUSB\d+|ttyACM\d+|ttyS\d+|pts\/\d+|serial\/by-(id|path)\/[A-Za-z0-9._:-]+|cu\.[A-Za-z0-9._-]+|rfcomm\d+)|(\\\\\.\\)?(COM|LPT)\d{1,3}:?)$/i;
// Raw printing (JetDirect) ports: the only ones a printer on this very machine may use.
const RAW_PRINT_PORTS = { from: 9100, to: 9109 };

export const SPOOL_DIR = 'spool';

/**
 * A printer device name (it may be unplugged right now), or a link (udev, socat) that leads to
 * one — never an arbitrary character device such as /dev/mem.
 */
function isDevice(p: string): boolean {
  if (DEVICE_PATH.test(p)) return true;
  try {
    const real = fs.realpathSync(p);
    return DEVICE_PATH.test(real) && fs.statSync(real).isCharacterDevice();
  } catch {
    return false;
  }
}
const SPOOL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * Printer transports go only to printers. An admin setting (or a stolen admin session) must not
 * turn the ticket printer into a way to append text to any file the host can write, or to talk
 * to a service on the host itself. Returns the reason for a refusal, or null.
 */
export function transportProblem(t: PrinterTransport, ctx: TransportPolicyContext): string | null {
  const isPrinterDevice = (p: string) => isDevice(p) || (!!ctx.absentDeviceOk && !fs.existsSync(p) && !p.startsWith(path.resolve(ctx.dataDir)));
  switch (t.kind) {
    case 'none':
      return null;
    case 'usb':
      return isPrinterDevice(t.devicePath) ? null : 'đường dẫn máy in USB không hợp lệ';
    case 'serial':
      return isPrinterDevice(t.path) ? null : 'cổng nối tiếp phải là thiết bị (/dev/tty…, COMn)';
    case 'file': {
      if (isDevice(t.path)) return null;
      const spool = path.resolve(ctx.dataDir, SPOOL_DIR);
      const target = path.resolve(spool, t.path);
      // One plain file name, directly in the spool folder, whatever the platform's separators.
      if (path.dirname(target) === spool && SPOOL_NAME.test(path.basename(target)) && (t.path === path.basename(target) || t.path === target)) return null;
      return `tệp in chỉ được là thiết bị máy in (/dev/usb/lp…, COMn, LPTn) hoặc một tệp trong thư mục ${SPOOL_DIR} của dữ liệu`;
    }
    case 'agent':
      return ctx.isAgentDevice?.(t.deviceId) ? null : 'máy in qua chương trình in phải là một kiosk đã đăng ký';
    case 'tcp': {
      const h = t.host.trim().toLowerCase().replace(/^\[|\]$/g, '');
      if (!/^[a-z0-9.:-]{1,253}$/.test(h)) return 'địa chỉ máy in không hợp lệ';
      const own = ctx.ownNames.has(h) || h === '0.0.0.0' || h === '::' || /^127\./.test(h) || h.endsWith('.localhost');
      if (!own) return null;
      if (t.port === ctx.ownPort) return 'không được in vào chính cổng của motcua';
      if (t.port < RAW_PRINT_PORTS.from || t.port > RAW_PRINT_PORTS.to) return 'máy in trên chính máy này chỉ được dùng cổng 9100–9109';
      return null;
    }
  }
}

/** Where a `file` transport named relative to the spool folder really writes. */
export function resolveSpoolPath(dataDir: string, p: string): string {
  return DEVICE_PATH.test(p) ? p : path.resolve(dataDir, SPOOL_DIR, p);
}
