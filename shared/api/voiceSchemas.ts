// The admin's voice routes (#31): recorded clips travel as base64 WAV inside JSON, so they go
// through the same contract, access table and validation as every other admin write.
import { z } from 'zod';
import { VOICE_LIMITS } from '../voiceClips';

const Base64 = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil((maxBytes * 4) / 3) + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'không phải dữ liệu base64');

const VoiceLangSchema = z.enum(['vi', 'en']);
const ClipId = z.string().regex(/^[A-Za-z0-9_]{1,32}$/, 'mã đoạn đọc không hợp lệ');

export const VoiceClipKey = z.strictObject({
  /** null: the office's own set; a zone: that zone's override. */
  zoneId: z.number().int().positive().max(1_000_000).nullable(),
  lang: VoiceLangSchema,
  clip: ClipId,
});

/** Half again the clip limit gets through, so an oversized clip is refused by name, not by the body cap. */
export const SaveVoiceClipBody = VoiceClipKey.extend({ wav: Base64(VOICE_LIMITS.maxBytes * 1.5) });

export const RecordedClipView = z.object({
  scope: z.string(),
  zoneId: z.number().int().nullable(),
  lang: VoiceLangSchema,
  clip: z.string(),
  seconds: z.number(),
  bytes: z.number().int(),
});

export const VoiceView = z.object({ clips: z.array(RecordedClipView), revision: z.string() });

export const VoiceClipDeleted = z.object({ deleted: z.boolean(), clips: z.array(RecordedClipView) });

export const VoicePack = z.object({ fileName: z.string(), zip: z.string(), clips: z.number().int() });

/** 32 MB of zip (PACK_MAX_BYTES on the host). */
export const VOICE_PACK_MAX_BYTES = 32 * 1024 * 1024;
export const ImportVoicePackBody = z.strictObject({ zip: Base64(VOICE_PACK_MAX_BYTES) });
export const VoicePackImported = z.object({ clips: z.number().int(), zones: z.number().int() });

export const VoiceTestCallBody = z.strictObject({
  zoneId: z.number().int().positive().max(1_000_000).nullable(),
  lang: VoiceLangSchema.default('vi'),
  ticketNumber: z.string().regex(/^[A-Z]{0,3}\d{1,4}$/).default('A123'),
  counterNumber: z.number().int().min(1).max(999).default(1),
});
export const VoiceTestCallResult = z.object({ clips: z.array(z.string()), zoneId: z.number().int().nullable(), text: z.string() });
