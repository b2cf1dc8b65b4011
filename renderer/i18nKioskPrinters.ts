// The admin's kiosk printers section (issue #15): its strings are in the catalogs
// (shared/locales/*.json, under "kioskPrinters"); this keeps the section's accessor.
import { sectionFor } from './i18nCatalog';
import type { Sections } from './i18nCatalog';

export type KioskPrinterDict = Sections['kioskPrinters'];
export const kioskPrinterText = (lang: string): KioskPrinterDict => sectionFor(lang, 'kioskPrinters');
