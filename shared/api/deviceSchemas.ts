import { z } from 'zod';
import { DEVICE_ROLES } from './access';
import { PAIRING_CODE_TYPED } from '../pairingCode';
import { SetupPrinterChoice } from '../setupForm';

export const DeviceRoleSchema = z.enum(DEVICE_ROLES);

export const DeviceView = z.object({
  id: z.number().int(),
  role: DeviceRoleSchema,
  counterId: z.number().int().nullable(),
  name: z.string(),
  createdAt: z.number().int(),
  lastSeenAt: z.number().int().nullable(),
  lastAddress: z.string().nullable(),
  revokedAt: z.number().int().nullable(),
  /** The zone a kiosk or display serves (m012); null: the whole office. */
  zoneId: z.number().int().nullable(),
  pinFailures: z.number().int(),
  /** The last right PIN typed here after wrong ones: after how many (0: none so far), and when. */
  pinRightAfterFailures: z.number().int(),
  pinRightAt: z.number().int().nullable(),
});

/** A row of the admin's device list: the device, and whether it holds a live connection to the host now. */
export const DeviceListRow = DeviceView.extend({ online: z.boolean() });

/** Something the admin must see on the devices screen: a sweep of pairing codes (every live code was voided). */
export const SecurityAlert = z.object({ id: z.number().int(), kind: z.literal('pairing.swept'), at: z.number().int(), failures: z.number().int(), voided: z.number().int() });
export type SecurityAlert = z.infer<typeof SecurityAlert>;

export const SetupQuery = z.object({ token: z.string().max(200).optional() }).strict();
export const SetupStatus = z.object({
  required: z.boolean(),
  tokenValid: z.boolean(),
  officeName: z.string(),
  /** The page refuses a password built on either name, as the host does. */
  officeNameEn: z.string(),
  /** Only with a valid token: whose PINs the setup page asks for. */
  officers: z.array(z.object({ id: z.number().int(), name: z.string(), title: z.string() })),
});
export const SetupBody = z
  .object({
    token: z.string().min(1).max(200),
    password: z.string().min(1).max(200),
    pins: z.array(z.object({ officerId: z.number().int().positive(), pin: z.string().max(8) }).strict()).max(500),
    allowShortPins: z.boolean().default(false),
    /** Null until the person chooses: the host answers it as a field to fill in, with the others. */
    printer: SetupPrinterChoice.nullable(),
    deviceName: z.string().trim().max(80).optional(),
  })
  .strict();
export const SetupResult = z.object({ ok: z.literal(true), deviceToken: z.string() });

// Typed by a person: case, spaces and a dash are forgiven (the registry normalises them).
export const PairBody = z.object({ code: z.string().max(20).regex(PAIRING_CODE_TYPED, 'Mã ghép nối gồm 8 ký tự'), name: z.string().trim().max(80).optional() }).strict();
export const PairResult = z.object({ ok: z.literal(true), token: z.string(), device: DeviceView });
const ZoneRef = z.number().int().positive().max(1_000_000).nullable();
export const PairingCodeBody = z
  .object({ role: DeviceRoleSchema, counterId: z.number().int().positive().nullable().default(null), name: z.string().trim().max(80).default(''), zoneId: ZoneRef.default(null) })
  .strict();
/** A kiosk's or display's zone, changed after pairing: null is the whole office. */
export const DeviceZoneBody = z.object({ zoneId: ZoneRef }).strict();
export const PairingCode = z.object({ code: z.string(), expiresAt: z.number().int(), pairUrl: z.string() });
export const DeviceIdParam = z.object({ id: z.coerce.number().int().positive().max(1_000_000_000) }).strict();
