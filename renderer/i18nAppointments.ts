// Appointments (#30): the admin's "Lịch hẹn" tab and the kiosk's booking screens. Their strings are
// in the catalogs (shared/locales/*.json, under "appointments"); this keeps the screens' accessor.
import { sectionFor } from './i18nCatalog';
import type { Sections } from './i18nCatalog';

export type AppointmentsDict = Sections['appointments'];
export const appointmentsText = (lang: string): AppointmentsDict => sectionFor(lang, 'appointments');
