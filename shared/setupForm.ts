import { z } from 'zod';
import { PRINTER_PROFILES } from './printerConfig';
import type { PrinterProfileId } from './printerConfig';
import { officeWords, passwordFault, pinFault, secretFaultVi } from './passwordPolicy';
import type { SecretFault } from './passwordPolicy';

// The first-time setup form's rules, field by field. Pure, so the setup page marks every field
// before anything is sent and the host refuses the same answers with the same field names: one
// answer names every field that is wrong, not just the first.

const profileIds = Object.keys(PRINTER_PROFILES) as [PrinterProfileId, ...PrinterProfileId[]];

/** Whether the office hands out paper tickets, and on which kind of printer. */
export const SetupPrinterChoice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('printer'), profile: z.enum(profileIds) }).strict(),
]);
export type SetupPrinterChoice = z.infer<typeof SetupPrinterChoice>;

export type SetupFault = SecretFault | 'passwordsDiffer' | 'pinMissing' | 'pinDuplicate' | 'printerUnchosen';

export const SetupFieldProblem = z.object({
  /** 'password', 'passwordAgain', 'printer' or 'pins.<officerId>'. */
  field: z.string().max(40),
  fault: z.enum(['passwordShort', 'passwordSimple', 'passwordGuessable', 'pinFormat', 'pinRepeat', 'pinSequence', 'passwordsDiffer', 'pinMissing', 'pinDuplicate', 'printerUnchosen']),
  /** The host's Vietnamese wording; screens word the fault themselves in their language. */
  message: z.string(),
});
export type SetupFieldProblem = z.infer<typeof SetupFieldProblem>;
/** The `details` of a SETUP_INVALID answer. */
export const SetupProblems = z.object({ fields: z.array(SetupFieldProblem) });

export const pinField = (officerId: number): string => `pins.${officerId}`;

export interface SetupAnswers {
  password: string;
  /** Only the page has it (the host is sent one password). */
  passwordAgain?: string;
  pins: readonly { officerId: number; pin: string }[];
  allowShortPins: boolean;
  printer: SetupPrinterChoice | null;
}

const FAULT_VI: Record<Exclude<SetupFault, SecretFault>, string> = {
  passwordsDiffer: 'Hai lần nhập mật khẩu không khớp',
  pinMissing: 'Chưa đặt mã PIN',
  pinDuplicate: 'Mã PIN này trùng với cán bộ khác; mỗi cán bộ cần một mã riêng',
  printerUnchosen: 'Chọn đơn vị có hay không có máy in phiếu',
};

function problem(field: string, fault: SetupFault, allowShort: boolean): SetupFieldProblem {
  const message = fault in FAULT_VI ? FAULT_VI[fault as keyof typeof FAULT_VI] : secretFaultVi(fault as SecretFault, allowShort);
  return { field, fault, message };
}

/** Every field that is wrong, in the form's order (password, again, each officer's PIN, printer). */
export function setupProblems(a: SetupAnswers, office: { name: string; nameEn: string }, officerIds: readonly number[]): SetupFieldProblem[] {
  const out: SetupFieldProblem[] = [];
  const pw = passwordFault(a.password, officeWords(office.name, office.nameEn));
  if (pw) out.push(problem('password', pw, a.allowShortPins));
  if (a.passwordAgain !== undefined && a.passwordAgain !== a.password) out.push(problem('passwordAgain', 'passwordsDiffer', a.allowShortPins));
  const given = new Map(a.pins.map((p) => [p.officerId, p.pin]));
  const uses = new Map<string, number>();
  for (const id of officerIds) {
    const pin = given.get(id);
    if (pin) uses.set(pin, (uses.get(pin) ?? 0) + 1);
  }
  for (const id of officerIds) {
    const pin = given.get(id) ?? '';
    const fault: SetupFault | null = pin === '' ? 'pinMissing' : (pinFault(pin, a.allowShortPins) ?? ((uses.get(pin) ?? 0) > 1 ? 'pinDuplicate' : null));
    if (fault) out.push(problem(pinField(id), fault, a.allowShortPins));
  }
  if (!a.printer) out.push(problem('printer', 'printerUnchosen', a.allowShortPins));
  return out;
}
