// Office language packs (#31): the admin imports a zip, sees what is missing, turns a pack on per
// screen; public screens fetch an enabled pack's strings by its code.
import { z } from 'zod';
import { LANG_PACK_LIMITS, LangPackCode, LangPackMeta, PACK_FONTS, PACK_SCREENS } from '../i18n/langPack';

const Screens = z.strictObject({ kiosk: z.boolean(), track: z.boolean(), rating: z.boolean(), display: z.boolean() });

export const LangPackView = z.object({
  code: z.string(),
  meta: LangPackMeta.nullable(),
  problem: z.string().nullable(),
  translated: z.number().int(),
  total: z.number().int(),
  missing: z.array(z.string()),
  screens: Screens,
});

export const LangPackList = z.object({ packs: z.array(LangPackView) });

export const ImportLangPackBody = z.strictObject({
  zip: z
    .string()
    .max(Math.ceil((LANG_PACK_LIMITS.zipBytes * 4) / 3) + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'không phải dữ liệu base64'),
});

export const LangPackCodeBody = z.strictObject({ code: LangPackCode });
export const SetLangPackScreensBody = z.strictObject({ code: LangPackCode, screens: Screens });
export const LangPackDeleted = z.object({ deleted: z.boolean() });

export const LangPackParam = z.strictObject({ code: LangPackCode });
export const LangPackStrings = z.object({ code: z.string(), messages: z.record(z.string(), z.string()) });

/** What the public config says about the enabled packs (their strings come by code). */
export const EnabledLangPack = z.object({
  code: z.string(),
  name: z.string(),
  dir: z.enum(['ltr', 'rtl']),
  font: z.enum(PACK_FONTS),
  screens: z.array(z.enum(PACK_SCREENS)),
});
