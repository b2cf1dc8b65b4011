// The pseudo-locale pack (issue #31) for tests: every catalog message, its words swapped for
// look-alike letters and wrapped in "[!! … !!]", its ICU arguments untouched. A screen shown in it
// that still has a plain Vietnamese or English catalog string on it did not read that string from
// the catalog. Never shipped to an office as a language.
//
//   npx tsx scripts/i18nPseudoPack.ts <out-dir>     writes <out-dir>/messages.json and meta.json
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseMessage, printMessage } from '../shared/i18n/icuMessage';
import { flattenCatalog } from '../shared/i18n/langPack';
import viCatalog from '../shared/locales/vi.json';

export const PSEUDO_CODE = 'qps-ploc';
export const PSEUDO_OPEN = '[!! ';
export const PSEUDO_CLOSE = ' !!]';

const FROM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const TO = 'áƀçďēƒğĥıĵķľḿŋőṗʠŕşţűṽŵẋýžÁƁÇĎĒƑĞĤİĴĶĽḾŊŐṖɊŔŞŢŰṼŴẊÝŽ';
const LOOK_ALIKE = new Map([...FROM].map((c, i) => [c, [...TO][i] as string]));

export function pseudoText(text: string): string {
  return [...text].map((c) => LOOK_ALIKE.get(c) ?? c).join('');
}

/** One message in pseudo form: the words transformed, the arguments and plurals still working. */
export function pseudoMessage(message: string): string {
  return `${PSEUDO_OPEN}${printMessage(parseMessage(message), pseudoText)}${PSEUDO_CLOSE}`;
}

export function pseudoPack(): { messages: Record<string, string>; meta: Record<string, unknown> } {
  const messages = Object.fromEntries(Object.entries(flattenCatalog(viCatalog)).map(([k, v]) => [k, pseudoMessage(v)]));
  const meta = { code: PSEUDO_CODE, name: `${PSEUDO_OPEN}${pseudoText('Pseudo')}${PSEUDO_CLOSE}`, nameVi: 'Ngôn ngữ giả để kiểm thử', dir: 'ltr', font: 'Be Vietnam Pro', sample: true };
  return { messages, meta };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: i18nPseudoPack.ts <out-dir>');
  const { messages, meta } = pseudoPack();
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'messages.json'), `${JSON.stringify(messages, null, 2)}\n`);
  fs.writeFileSync(path.join(out, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
  console.log(`${Object.keys(messages).length} messages → ${out}`);
}
