// The trust screens (first-time setup, pairing, enrolled devices): their strings are in the
// catalogs (shared/locales/*.json, under "devices"); this keeps the screens' accessor.
import { sectionFor } from './i18nCatalog';
import type { Sections } from './i18nCatalog';

export type DeviceDict = Sections['devices'];
export const deviceText = (lang: string): DeviceDict => sectionFor(lang, 'devices');
