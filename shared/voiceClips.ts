// The clips an announcement is built from, as an office records them in its own voice (issue #31).
// One list for the admin's "record next" flow, the host's validation and the pack's manifest, so a
// clip the announcer speaks can always be recorded and nothing else can be uploaded.
import { LETTER_CLIP_IDS, PHRASE_CLIPS, VI_WORD_CLIP_IDS } from './announcementText';
import { GUIDANCE_PHRASES, SERVICE_CLIP, serviceClip } from './guidanceClips';
import { LETTER_NAMES } from './vietnameseNumbers';

export type VoiceLang = 'vi' | 'en';
export type ClipGroup = 'phrase' | 'number' | 'letter' | 'chime' | 'guidance' | 'service';

export interface VoiceClip {
  id: string;
  group: ClipGroup;
  /** What the reader says into the microphone (the chime is a sound, not words). */
  say: string;
}

const VI_SAY: Record<string, string> = {
  khong: 'không', mot: 'một', hai: 'hai', ba: 'ba', bon: 'bốn', nam: 'năm', sau: 'sáu', bay: 'bảy', tam: 'tám', chin: 'chín',
  muoi: 'mười', muoi2: 'mươi (hai mươi)', mot2: 'mốt (hai mươi mốt)', lam: 'lăm (mười lăm)', tu: 'tư (hai mươi tư)', linh: 'linh', tram: 'trăm', nghin: 'nghìn',
};
const EN_DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

// Phrases first: they are heard in every call, so an office that stops early has the ones that matter.
export const VOICE_CLIPS: Record<VoiceLang, readonly VoiceClip[]> = {
  vi: [
    { id: PHRASE_CLIPS.vi.before, group: 'phrase', say: 'Mời công dân có số thứ tự' },
    { id: PHRASE_CLIPS.vi.middle, group: 'phrase', say: 'đến quầy số' },
    { id: 'quay_so', group: 'phrase', say: 'Quầy số' },
    { id: 'tiep_tuc_phuc_vu', group: 'phrase', say: 'tiếp tục phục vụ' },
    ...VI_WORD_CLIP_IDS.map((id) => ({ id, group: 'number' as const, say: VI_SAY[id] ?? id })),
    ...LETTER_CLIP_IDS.map((id) => ({ id, group: 'letter' as const, say: LETTER_NAMES[id.slice(7)] ?? id.slice(7) })),
    { id: 'chime', group: 'chime', say: '' },
    ...GUIDANCE_PHRASES.vi.map((p) => ({ id: p.id, group: 'guidance' as const, say: p.say })),
  ],
  en: [
    { id: PHRASE_CLIPS.en.before, group: 'phrase', say: 'Ticket number' },
    { id: PHRASE_CLIPS.en.middle, group: 'phrase', say: 'please come to counter' },
    { id: 'counter', group: 'phrase', say: 'Counter' },
    { id: 'is_open_again', group: 'phrase', say: 'is open again' },
    ...EN_DIGITS.map((w, i) => ({ id: `digit_${i}`, group: 'number' as const, say: w })),
    ...LETTER_CLIP_IDS.map((id) => ({ id, group: 'letter' as const, say: id.slice(7) })),
    { id: 'chime', group: 'chime', say: '' },
    ...GUIDANCE_PHRASES.en.map((p) => ({ id: p.id, group: 'guidance' as const, say: p.say })),
  ],
};

/**
 * The clips an office can record: the fixed list, then each of its services' names for the kiosk's
 * spoken guidance (#31), which no generated voice can say well.
 */
export function recordableClips(lang: VoiceLang, services: readonly { id: number; nameVi: string; nameEn: string }[]): VoiceClip[] {
  return [...VOICE_CLIPS[lang], ...services.map((s) => ({ id: serviceClip(s.id), group: 'service' as const, say: lang === 'en' && s.nameEn ? s.nameEn : s.nameVi }))];
}

export const VOICE_LANGS: readonly VoiceLang[] = ['vi', 'en'];

export function isVoiceClip(lang: string, id: string): lang is VoiceLang {
  return (lang === 'vi' || lang === 'en') && (VOICE_CLIPS[lang].some((c) => c.id === id) || SERVICE_CLIP.test(id));
}

/** What the host accepts as one clip: mono 16-bit PCM WAV, at most 10 s and 1 MB. */
export const VOICE_LIMITS = {
  maxSeconds: 10,
  maxBytes: 1024 * 1024,
  /** The rate the admin's browser writes (the shipped clips' rate); the host accepts 8–48 kHz. */
  rate: 22050,
  minRate: 8000,
  maxRate: 48000,
} as const;

/**
 * Where a set of clips belongs: the office's own set (`office`) or one zone's overrides
 * (`zone-<id>`). Used as a folder name and in the display's clip URLs (/voice/<scope>/<lang>/<id>).
 */
export type VoiceScope = 'office' | `zone-${number}`;
export const voiceScope = (zoneId: number | null): VoiceScope => (zoneId === null ? 'office' : `zone-${zoneId}`);
export function parseVoiceScope(s: string): { zoneId: number | null } | null {
  if (s === 'office') return { zoneId: null };
  const m = /^zone-([1-9]\d{0,8})$/.exec(s);
  return m ? { zoneId: Number(m[1]) } : null;
}

/** Where a clip a display plays came from: the zone's recording, the office's, or the generated voice. */
export type ClipSource = 'zone' | 'office' | 'generated';
