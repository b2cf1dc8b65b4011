// The province reports page's bookings tab (#30): its strings are in the catalogs
// (shared/locales/*.json, under "hubBookings"); this keeps the tab's accessor.
import { sectionFor } from './i18nCatalog';
import type { Sections } from './i18nCatalog';

export type HubBookingsDict = Sections['hubBookings'];
export const hubBookingsText = (lang: string): HubBookingsDict => sectionFor(lang, 'hubBookings');
