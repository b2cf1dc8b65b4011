import { z } from 'zod';

// Printer profiles are data: which encoder model (its code-page numbers), whether the printer
// answers DLE EOT status queries, and how many characters fit on each paper width.
export const PRINTER_PROFILES = {
  'epson-tm-t20iii': { name: 'Epson TM-T20III / TM-T82III', encoderModel: 'epson-tm-t20iii', status: true, nvGraphics: true, columns: { 58: 35, 80: 48 } },
  'epson-tm-t88vi': { name: 'Epson TM-T88VI', encoderModel: 'epson-tm-t88vi', status: true, nvGraphics: true, columns: { 58: 35, 80: 48 } },
  'xprinter-xp-n160ii': { name: 'Xprinter XP-N160II / XP-Q200', encoderModel: 'xprinter-xp-n160ii', status: true, nvGraphics: false, columns: { 58: 32, 80: 48 } },
  'pos-5890': { name: 'POS-5890 (58 mm, generic)', encoderModel: 'pos-5890', status: false, nvGraphics: false, columns: { 58: 32, 80: 32 } },
  'pos-8360': { name: 'POS-8360 (80 mm, generic)', encoderModel: 'pos-8360', status: true, nvGraphics: false, columns: { 58: 32, 80: 48 } },
} as const;
export type PrinterProfileId = keyof typeof PRINTER_PROFILES;

export const PrinterTransport = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('serial'), path: z.string().min(1).max(200), baudRate: z.number().int().positive().default(9600) }),
  z.object({ kind: z.literal('usb'), devicePath: z.string().regex(/^\/dev\/usb\/lp\d+$|^\/dev\/lp\d+$/) }),
  z.object({ kind: z.literal('tcp'), host: z.string().min(1).max(200), port: z.number().int().min(1).max(65535).default(9100) }),
  z.object({ kind: z.literal('file'), path: z.string().min(1).max(500) }),
  /**
   * A printer attached to another PC on the LAN (a kiosk's own), reached through the print agent
   * running there: `deviceId` is the enrolled device the agent signed in as.
   */
  z.object({ kind: z.literal('agent'), deviceId: z.number().int().positive() }),
]);
export type PrinterTransport = z.infer<typeof PrinterTransport>;

export const PrinterConfig = z.object({
  enabled: z.boolean().default(true),
  transport: PrinterTransport.default({ kind: 'none' }),
  profile: z.enum(Object.keys(PRINTER_PROFILES) as [PrinterProfileId, ...PrinterProfileId[]]).default('epson-tm-t20iii'),
  paper: z.union([z.literal(58), z.literal(80)]).default(80),
  /**
   * cp1258: Windows-1258 text mode; tcvn3: TCVN 5712 (VN3) text mode; raster: text printed as dots
   * (any printer, slower on serial lines); ascii: diacritics dropped (last resort).
   */
  encoding: z.enum(['cp1258', 'tcvn3', 'raster', 'ascii']).default('cp1258'),
  statusPollMs: z.number().int().min(500).max(600_000).default(5000),
});
export type PrinterConfig = z.infer<typeof PrinterConfig>;
