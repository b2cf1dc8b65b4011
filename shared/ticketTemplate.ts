import { z } from 'zod';
import vi from './locales/vi.json';

// What a ticket says, line by line, editable by an office without code. Placeholders:
// {office} {service} {serviceEn} {number} {priority} {date} {time} {ahead} {eta} {footer} {code} {zone}.
// {code} is the ticket's check code, which walk-up rating asks for with the number.
// A line whose placeholders all resolve to nothing is left out (e.g. {priority} for most tickets).
export const TicketLine = z.object({
  kind: z.enum(['text', 'qr', 'rule', 'feed']).default('text'),
  text: z.string().max(200).default(''),
  size: z.number().int().min(1).max(4).default(1),
  align: z.enum(['left', 'center', 'right']).default('center'),
  bold: z.boolean().default(false),
});
export type TicketLine = z.infer<typeof TicketLine>;
export const TicketTemplate = z.array(TicketLine).min(1).max(40);
export type TicketTemplate = z.infer<typeof TicketTemplate>;

// The paper's words come from the screens' catalog (Vietnamese, the source), so a wording fixed there
// is fixed on the ticket too; the office edits its own copy on the admin screen.
const paper = vi.ticketPaper;

export const DEFAULT_TICKET_TEMPLATE: TicketTemplate = [
  { kind: 'text', text: '{office}', size: 1, align: 'center', bold: true },
  { kind: 'rule', text: '', size: 1, align: 'center', bold: false },
  { kind: 'text', text: paper.heading, size: 1, align: 'center', bold: false },
  { kind: 'text', text: '{number}', size: 4, align: 'center', bold: true },
  { kind: 'text', text: '{service}', size: 2, align: 'center', bold: true },
  { kind: 'text', text: paper.priority, size: 1, align: 'center', bold: true },
  { kind: 'text', text: paper.ahead, size: 1, align: 'center', bold: false },
  { kind: 'text', text: paper.eta, size: 1, align: 'center', bold: false },
  { kind: 'text', text: '{time} {date}', size: 1, align: 'center', bold: false },
  { kind: 'qr', text: '', size: 1, align: 'center', bold: false },
  { kind: 'text', text: paper.scanToTrack, size: 1, align: 'center', bold: false },
  { kind: 'text', text: paper.checkCode, size: 1, align: 'center', bold: true },
  { kind: 'rule', text: '', size: 1, align: 'center', bold: false },
  { kind: 'text', text: '{footer}', size: 1, align: 'center', bold: false },
];

export type TicketValues = Record<'office' | 'service' | 'serviceEn' | 'number' | 'priority' | 'date' | 'time' | 'ahead' | 'eta' | 'footer' | 'code', string> & {
  /** Where the service is served ("Tầng 2 · Quầy 21, 22"); empty in an office with one zone. */
  zone?: string;
  /** The name read from an ID card at the kiosk, only where the office prints it (#30); else empty. */
  citizen?: string;
  /** An appointment's slot time ("08:30"), on its ticket only (#30); else empty. */
  appointment?: string;
};

const APPOINTMENT_LINE: TicketLine = { kind: 'text', text: paper.appointment, size: 1, align: 'center', bold: true };

/** An appointment's ticket says its slot under the service's name, whatever template was saved; a walk-in's leaves the line out. */
export function withAppointment(template: TicketTemplate): TicketTemplate {
  if (template.some((l) => l.kind === 'text' && l.text.includes('{appointment}'))) return template;
  const service = template.findIndex((l) => l.kind === 'text' && l.text.includes('{service}'));
  const number = template.findIndex((l) => l.kind === 'text' && l.text.includes('{number}'));
  const after = service >= 0 ? service : number;
  const at = after < 0 ? template.length : after + 1;
  return [...template.slice(0, at), APPOINTMENT_LINE, ...template.slice(at)];
}

const CITIZEN_LINE: TicketLine = { kind: 'text', text: paper.citizen, size: 1, align: 'center', bold: true };

/**
 * An office that prints the checked-in citizen's name (off by default) gets it under the number,
 * whatever template it saved; with no name {citizen} is empty and the line is left out.
 */
export function withCitizen(template: TicketTemplate): TicketTemplate {
  if (template.some((l) => l.kind === 'text' && l.text.includes('{citizen}'))) return template;
  const number = template.findIndex((l) => l.kind === 'text' && l.text.includes('{number}'));
  const at = number < 0 ? template.length : number + 1;
  return [...template.slice(0, at), CITIZEN_LINE, ...template.slice(at)];
}

const ZONE_LINE: TicketLine = { kind: 'text', text: paper.zone, size: 1, align: 'center', bold: true };

/**
 * In an office with several zones the ticket says where to go, under the service's name, even
 * with a template saved before zones existed. With one zone {zone} is empty and the line is left out.
 */
export function withZone(template: TicketTemplate): TicketTemplate {
  if (template.some((l) => l.kind === 'text' && l.text.includes('{zone}'))) return template;
  const service = template.findIndex((l) => l.kind === 'text' && l.text.includes('{service}'));
  const number = template.findIndex((l) => l.kind === 'text' && l.text.includes('{number}'));
  const after = service >= 0 ? service : number;
  const at = after < 0 ? template.length : after + 1;
  return [...template.slice(0, at), ZONE_LINE, ...template.slice(at)];
}

const CODE_LINE: TicketLine = { kind: 'text', text: paper.checkCode, size: 1, align: 'center', bold: true };

/**
 * The template as printed: walk-up rating needs the check code on the paper, so a template without
 * {code} (e.g. one an office saved before codes existed) gets the code line after its QR code.
 */
export function withCheckCode(template: TicketTemplate): TicketTemplate {
  if (template.some((l) => l.kind === 'text' && l.text.includes('{code}'))) return template;
  const qr = template.findIndex((l) => l.kind === 'qr');
  const at = qr < 0 ? template.length : qr + 1;
  return [...template.slice(0, at), CODE_LINE, ...template.slice(at)];
}

/** Fill a line's placeholders; null when it had placeholders and all of them were empty. */
export function fillLine(text: string, v: TicketValues): string | null {
  const names = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as keyof TicketValues);
  if (names.length > 0 && names.every((n) => !v[n])) return null;
  return text.replace(/\{(\w+)\}/g, (_, n: string) => v[n as keyof TicketValues] ?? '');
}
