// The admin's voice recorder (Quản trị → Giọng đọc, issue #31): its strings are in the catalogs
// (shared/locales/*.json, under "voice"); this keeps the panel's accessor.
import { sectionFor } from './i18nCatalog';
import type { Sections } from './i18nCatalog';

export type VoiceDict = Sections['voice'];
export const voiceText = (lang: string): VoiceDict => sectionFor(lang, 'voice');
