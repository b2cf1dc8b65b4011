import { z } from 'zod';
import { TimeOfDay } from './domain';

/** The voice: Vietnamese, English, or each call once in Vietnamese then once in English. */
export const AnnouncementLang = z.enum(['vi', 'en', 'both']);
export type AnnouncementLang = z.infer<typeof AnnouncementLang>;

/**
 * What a zone may set for itself (issue #15: a quiet records hall on floor 2 speaks softer and stops
 * earlier than the main hall). A zone listed here uses these instead of the office's; the wording,
 * the letter rule and the gap stay the office's, so every zone says a number the same way.
 */
const zoneFields = {
  enabled: z.boolean().default(true),
  lang: AnnouncementLang.default('vi'),
  repeat: z.number().int().min(1).max(3).default(1),
  volume: z.number().min(0).max(1).default(1),
  /** No sound between these local times (the display still shows calls). */
  quietFrom: TimeOfDay.nullable().default(null),
  quietTo: TimeOfDay.nullable().default(null),
};

export const ZoneAnnouncement = z.object({ zoneId: z.number().int().positive(), ...zoneFields });
export type ZoneAnnouncement = z.infer<typeof ZoneAnnouncement>;

/** The zone list as a save accepts it: one entry per zone, quiet hours given whole. */
export const ZoneAnnouncementList = z
  .array(ZoneAnnouncement.strict())
  .max(50)
  .superRefine((zones, ctx) => {
    const seen = new Set<number>();
    zones.forEach((z, i) => {
      if (seen.has(z.zoneId)) ctx.addIssue({ code: 'custom', path: [i, 'zoneId'], message: `khu vực ${z.zoneId} có hai cấu hình` });
      seen.add(z.zoneId);
      if ((z.quietFrom === null) !== (z.quietTo === null)) ctx.addIssue({ code: 'custom', path: [i, 'quietTo'], message: 'giờ yên lặng cần cả giờ bắt đầu và giờ kết thúc' });
    });
  });

export const AnnouncementConfig = z.object({
  ...zoneFields,
  /**
   * Always read the service letter ("a", "bê"…) before the number. When false the letter is still
   * read wherever two services' numbers can be the same (shared/announcementText.ts speaksPrefix),
   * which for the usual ranges (every service 1–999) is every call: a stored `false` from an earlier
   * version never makes two calls sound alike.
   */
  readPrefix: z.boolean().default(false),
  gapMs: z.number().int().min(0).max(10_000).default(1500),
  announceResume: z.boolean().default(true),
  /**
   * The office's own wording, with {số} / {number} and {quầy} / {counter}. The recorded clips speak
   * the default wording; a custom one is spoken by the system's voice.
   */
  template: z.string().trim().max(200).nullable().default(null),
  /** Zones with their own voice settings; a zone not listed speaks as the office does. */
  zones: z.array(ZoneAnnouncement).max(50).default([]),
});
export type AnnouncementConfig = z.infer<typeof AnnouncementConfig>;

/** The settings a call at a counter of `zoneId` is spoken with. */
export function announcementFor(cfg: AnnouncementConfig, zoneId: number | null): AnnouncementConfig {
  const own = zoneId === null ? undefined : cfg.zones.find((z) => z.zoneId === zoneId);
  if (!own) return cfg;
  const { zoneId: _zone, ...fields } = own;
  return { ...cfg, ...fields };
}

/** The languages one call is spoken in, in order. A custom wording is one language: the office's own words. */
export function spokenLangs(cfg: Pick<AnnouncementConfig, 'lang' | 'template'>): ('vi' | 'en')[] {
  if (cfg.lang !== 'both') return [cfg.lang];
  return cfg.template ? ['vi'] : ['vi', 'en'];
}

/** What the host sends every speaker display, in order; each is played in full before the next. */
export interface AnnounceMessage {
  type: 'announce';
  seq: number;
  /** 'test': the admin's "Thử gọi"; no ticket was called and it never replaces a real call. */
  kind: 'call' | 'recall' | 'resume' | 'test';
  ticketNumber: string | null;
  counterNumber: number;
  /** The zone of the counter (m009): a speaker display of another zone stays silent. */
  zoneId: number | null;
  lang: 'vi' | 'en';
  text: string;
  clips: string[];
  /**
   * The recorded voice's revision (electron/host/announcer/voiceStore.ts): a display that decoded
   * clips under another one fetches them again, so a clip re-recorded is heard at the next call.
   */
  voice?: string;
  repeat: number;
  gapMs: number;
  volume: number;
}
