import { describe, expect, it } from 'vitest';
import { documentsFor } from '../../shared/serviceDocuments';

describe('the documents a visitor reads', () => {
  const translated = { documents: ['Tờ khai', 'Căn cước'], documentsEn: ['Form', 'ID card'] };
  const untranslated = { documents: ['Tờ khai'], documentsEn: [] };
  it('in Vietnamese: always the Vietnamese list', () => {
    expect(documentsFor(translated, 'vi')).toEqual(['Tờ khai', 'Căn cước']);
    expect(documentsFor(untranslated, 'vi')).toEqual(['Tờ khai']);
  });
  it('in English: the English list, or the Vietnamese one while the office has not translated it', () => {
    expect(documentsFor(translated, 'en')).toEqual(['Form', 'ID card']);
    expect(documentsFor(untranslated, 'en')).toEqual(['Tờ khai']);
    expect(documentsFor({ documents: [], documentsEn: [] }, 'en')).toEqual([]);
  });
});
