import { z } from 'zod';
import type { BookingState } from './bookingProtocol';
import { normalizeIdNumber, normalizePhone } from './bookingInput';

// The hub's public booking pages (#30): what a citizen's phone asks of /hub/api/public/… with no
// sign-in, and what it is answered. Nothing personal comes back: a booking shows its code, office,
// procedure and time. Pure.

const OfficeId = z.string().regex(/^o_[0-9a-f]{6,40}$/, 'Mã đơn vị không hợp lệ');
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày theo dạng YYYY-MM-DD');
const ServiceId = z.coerce.number().int().positive().max(2_147_483_647);

export const PublicOfficeQuery = z.object({ id: OfficeId }).strict();
export const PublicSlotsQuery = z.object({ office: OfficeId, service: ServiceId, day: Day }).strict();

export const PublicBookBody = z
  .object({
    office: OfficeId,
    service: z.number().int().positive().max(2_147_483_647),
    start: z.number().int().positive(),
    phone: z
      .string()
      .max(20)
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || v.trim() === '') return null;
        const p = normalizePhone(v);
        if (!p) ctx.addIssue({ code: 'custom', message: 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (Phone number: 10 digits starting with 0)' });
        return p;
      }),
    idNumber: z
      .string()
      .max(20)
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || v.trim() === '') return null;
        const n = normalizeIdNumber(v);
        if (!n) ctx.addIssue({ code: 'custom', message: 'Số định danh cá nhân gồm 12 chữ số (ID number: 12 digits)' });
        return n;
      }),
  })
  .strict();
export type PublicBookBody = z.input<typeof PublicBookBody>;

export const PublicCodeBody = z.object({ code: z.string().min(8).max(20) }).strict();

export interface PublicOffice {
  id: string;
  name: string;
}
export interface PublicOfficeOffer {
  office: PublicOffice & { timeZone: string };
  services: { id: number; nameVi: string; nameEn: string; days: { day: string; left: number }[] }[];
}
export interface PublicSlot {
  start: number;
  minutes: number;
  left: number;
}
/** A booking as its holder sees it (by code): no phone, no ID number. */
export interface PublicBooking {
  code: string;
  office: PublicOffice;
  service: { id: number; nameVi: string; nameEn: string };
  start: number;
  minutes: number;
  timeZone: string;
  state: BookingState;
  /** The code's QR as an SVG data URL, for the kiosk's scanner. */
  qr: string;
  /** The last 4 digits of the ID number given, so the holder knows which card to bring; null when none. */
  idLast4: string | null;
}

/** GET /hub/api/public/ticket: a ticket's tracking page on the hub, from the copies the office pushed (#30). */
export const PublicTicketQuery = z.object({ office: OfficeId, id: z.string().regex(/^[A-Za-z0-9]{8,32}$/, 'Mã phiếu không hợp lệ') }).strict();

export type PublicTicketState = 'waiting' | 'called' | 'serving' | 'done' | 'skipped' | 'parked' | 'transferred' | 'cancelled' | 'expired';

/** What the hub shows of a ticket: its number, service, state, people ahead and who is being called; nothing personal. */
export interface PublicTicket {
  office: PublicOffice;
  number: string;
  service: { id: number; nameVi: string; nameEn: string };
  state: PublicTicketState;
  /** The office's business day of the ticket (YYYY-MM-DD). */
  businessDay: string;
  /** Waiting tickets of its service issued before it (only while it waits). */
  ahead: number | null;
  /** Minutes until it is likely called, by the office's model on what the hub holds (only while it waits). */
  estimateMinutes: number | null;
  /** The counter it is called to, when called or being served. */
  counter: number | null;
  /** Its service's numbers being called or served now, newest first (at most 3). */
  nowCalling: { number: string; counter: number | null }[];
  /** When the office last pushed (hub clock, epoch ms): how fresh this page is. */
  updatedAt: number | null;
}
