import { z } from 'zod';
import { TimeOfDay } from './domain';

export const AnnouncementConfig = z.object({
  enabled: z.boolean().default(true),
  lang: z.enum(['vi', 'en']).default('vi'),
  /**
   * Always read the service letter ("a", "bê"…) before the number. When false the letter is still
   * read wherever two services' numbers can be the same (shared/announcementText.ts speaksPrefix),
   * which for the usual ranges (every service 1–999) is every call: a stored `false` from an earlier
   * version never makes two calls sound alike.
   */
  readPrefix: z.boolean().default(false),
  repeat: z.number().int().min(1).max(3).default(1),
  gapMs: z.number().int().min(0).max(10_000).default(1500),
  volume: z.number().min(0).max(1).default(1),
  /** No sound between these local times (the display still shows calls). */
  quietFrom: TimeOfDay.nullable().default(null),
  quietTo: TimeOfDay.nullable().default(null),
  announceResume: z.boolean().default(true),
  /**
   * The office's own wording, with {số} / {number} and {quầy} / {counter}. The recorded clips speak
   * the default wording; a custom one is spoken by the system's voice.
   */
  template: z.string().trim().max(200).nullable().default(null),
});
export type AnnouncementConfig = z.infer<typeof AnnouncementConfig>;

/** What the host sends every speaker display, in order; each is played in full before the next. */
export interface AnnounceMessage {
  type: 'announce';
  seq: number;
  kind: 'call' | 'recall' | 'resume';
  ticketNumber: string | null;
  counterNumber: number;
  /** The zone of the counter (m009): a speaker display of another zone stays silent. */
  zoneId: number | null;
  lang: 'vi' | 'en';
  text: string;
  clips: string[];
  repeat: number;
  gapMs: number;
  volume: number;
}
