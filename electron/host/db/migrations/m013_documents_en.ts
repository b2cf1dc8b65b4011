// The documents to bring in English (m009 stored them in Vietnamese only): with the kiosk in English
// a visitor reads the list in English once the office has translated it. A new column only, default
// '[]' — an untranslated service shows its Vietnamese list in English too, so nothing to backfill.
export const m013DocumentsEn = `
ALTER TABLE services ADD COLUMN documents_en TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(documents_en));
`;
