import type { Service } from './domain';

/**
 * The documents to bring as a visitor reads them: in English the office's translation, or the
 * Vietnamese list while it has none — an office that has not translated still says what to bring.
 */
export function documentsFor(service: Pick<Service, 'documents' | 'documentsEn'>, lang: 'vi' | 'en'): string[] {
  return lang === 'en' && service.documentsEn.length > 0 ? service.documentsEn : service.documents;
}
