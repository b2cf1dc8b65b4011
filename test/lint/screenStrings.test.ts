import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every string a screen shows goes through renderer/i18n.tsx, in Vietnamese and English: a
// Vietnamese word typed straight into a component is a screen that stays Vietnamese in English.
const ROOT = path.resolve('renderer');
// i18nBook.ts: the hub's public booking page is its own small entry for phones on a slow link,
// without the screens' catalogs (shared/locales is ≈ 60 kB gzipped of strings it never shows).
const DICTIONARIES = new Set(['i18n.tsx', 'i18nKioskPrinters.ts', 'i18nVoice.ts', 'i18nBook.ts']);
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
// What is the same in both languages: a language's own name, and the letters and tone names of
// the Vietnamese keyboard (they are what its keys type).
const SAME_IN_BOTH = [/Tiếng Việt/, /label: '.', name: '[^']+'/, /Quản trị \/ Admin|Báo cáo \/ Reports/];

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

describe('screen strings', () => {
  it('no Vietnamese text in a component outside the dictionaries', () => {
    const found: string[] = [];
    for (const file of files(ROOT)) {
      if (DICTIONARIES.has(path.basename(file))) continue;
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '').replace(/\/\*.*?\*\//g, '');
          if (VIETNAMESE.test(code) && !SAME_IN_BOTH.some((r) => r.test(code))) found.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('the printed ticket and the spoken call take their words from the same catalogs', () => {
    const found: string[] = [];
    for (const file of ['shared/ticketTemplate.ts', 'shared/announcementText.ts']) {
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '').replace(/\/\*.*?\*\//g, '');
          // Wording is in quotes; a number word as a key of the clip table is the language's own.
          const quoted = code.match(/'[^']*'|`[^`]*`/g) ?? [];
          if (quoted.some((q) => VIETNAMESE.test(q))) found.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
