// The province hub's screens (issue #29): their strings are in the catalogs (shared/locales/*.json,
// under "province"); this keeps the screens' accessor.
import { sectionFor } from './i18nCatalog';
import type { Sections } from './i18nCatalog';

export type ProvinceDict = Sections['province'];
export const provinceText = (lang: string): ProvinceDict => sectionFor(lang, 'province');
