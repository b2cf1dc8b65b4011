// Real-time status over ESC/POS DLE EOT n (n = 1…4). Each answer is one byte whose fixed bits
// (bit 1 and 4 set, bits 0 and 7 clear) tell a status byte from line noise.

export interface PrinterStatus {
  connected: boolean;
  online: boolean | null;
  coverOpen: boolean | null;
  paperEnd: boolean | null;
  paperNearEnd: boolean | null;
  cutterError: boolean | null;
  otherError: boolean | null;
  /** Whether tickets can be printed now (connected, online, paper, no error). */
  ready: boolean;
  lastError: string | null;
  queued: number;
  failed: number;
}

export const DLE_EOT = (n: 1 | 2 | 3 | 4) => Uint8Array.of(0x10, 0x04, n);

export const isStatusByte = (b: number | undefined): b is number => b !== undefined && (b & 0x93) === 0x12;

export interface StatusBytes {
  printer?: number;
  offline?: number;
  error?: number;
  paper?: number;
}

export function parseStatus(bytes: StatusBytes, base: Pick<PrinterStatus, 'connected' | 'lastError' | 'queued' | 'failed'>): PrinterStatus {
  const bit = (b: number | undefined, mask: number) => (isStatusByte(b) ? (b & mask) !== 0 : null);
  const online = isStatusByte(bytes.printer) ? (bytes.printer & 0x08) === 0 : null;
  const coverOpen = bit(bytes.offline, 0x04);
  const paperEnd = isStatusByte(bytes.paper) ? (bytes.paper & 0x60) !== 0 : bit(bytes.offline, 0x20);
  const paperNearEnd = bit(bytes.paper, 0x0c);
  const cutterError = bit(bytes.error, 0x08);
  const otherError = isStatusByte(bytes.error) ? (bytes.error & 0x64) !== 0 : null;
  const ready = base.connected && online !== false && coverOpen !== true && paperEnd !== true && cutterError !== true && otherError !== true;
  return { ...base, online, coverOpen, paperEnd, paperNearEnd, cutterError, otherError, ready };
}

/** Short Vietnamese explanation for the kiosk banner and the admin screen. */
export function describeStatus(s: PrinterStatus): string {
  if (!s.connected) return 'Máy in chưa kết nối';
  if (s.paperEnd) return 'Máy in hết giấy';
  if (s.coverOpen) return 'Nắp máy in đang mở';
  if (s.cutterError) return 'Lỗi dao cắt giấy';
  if (s.otherError || s.online === false) return 'Máy in đang lỗi';
  if (s.paperNearEnd) return 'Máy in sắp hết giấy';
  return 'Máy in sẵn sàng';
}
