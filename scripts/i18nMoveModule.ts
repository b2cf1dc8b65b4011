// Moves a hand-written string module (renderer/i18n<Area>.ts, `vi` and `en` objects) into the
// catalogs shared/locales/vi.json and en.json, so its strings get ICU formatting, typed keys from
// vi.json and office language packs. Procedure in docs/i18n.md ("Moving a string module into the
// catalogs").
//
//   npx tsx scripts/i18nMoveModule.ts renderer/i18nFoo.ts fooVi fooEn [--literal key1,key2] [--nest foo]
//   npx tsx scripts/i18nMoveModule.ts renderer/i18nFoo.ts fooText fooText --nest foo   (an accessor (lang) => dict)
//
// Old `fmt` slots `{name}` are already ICU arguments; an apostrophe that ICU would read as a quote
// is doubled. A message whose braces are shown as written (help text naming a ticket placeholder,
// e.g. "{number}") must be listed with --literal so they are quoted. --nest puts the module's keys
// under one object (`t.foo.key`); without it they join the top level and a clash is refused.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

type Tree = { [key: string]: string | Tree };

const LOCALES = path.resolve('shared/locales');

/** Old fmt text → ICU: braces stay arguments unless the message is literal; quotes never start an escape. */
export function toIcu(text: string, literal: boolean): string {
  const quoted = text.replace(/'(?=[{}'#|<])/g, "''");
  return literal ? quoted.replace(/\{[^{}]*\}/g, (m) => `'${m}'`) : quoted;
}

function convert(value: unknown, where: string, literal: Set<string>): string | Tree {
  if (typeof value === 'string') return toIcu(value, literal.has(where));
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v, where ? `${where}.${k}` : k, literal)]));
  }
  throw new Error(`${where}: ${typeof value} is not a string; rewrite it as a message with arguments first`);
}

function merge(into: Tree, add: Tree, where: string): void {
  for (const [k, v] of Object.entries(add)) {
    if (k in into) throw new Error(`${where}${k} is already in the catalog`);
    into[k] = v;
  }
}

async function main(): Promise<void> {
  const [file, viName, enName, ...rest] = process.argv.slice(2);
  if (!file || !viName || !enName) throw new Error('usage: i18nMoveModule.ts <module> <viExport> <enExport> [--literal k1,k2] [--nest name]');
  const opt = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const literal = new Set((opt('--literal') ?? '').split(',').filter(Boolean));
  const nest = opt('--nest');
  const mod = (await import(pathToFileURL(path.resolve(file)).href)) as Record<string, unknown>;
  for (const [lang, name] of [['vi', viName], ['en', enName]] as const) {
    const target = path.join(LOCALES, `${lang}.json`);
    const catalog: Tree = fs.existsSync(target) ? (JSON.parse(fs.readFileSync(target, 'utf8')) as Tree) : {};
    // An accessor such as kioskPrinterText(lang) is asked for the language.
    const exported = mod[name];
    const strings = convert(typeof exported === 'function' ? (exported as (l: string) => unknown)(lang) : exported, '', literal) as Tree;
    if (nest) merge(catalog, { [nest]: strings }, '');
    else merge(catalog, strings, '');
    fs.writeFileSync(target, `${JSON.stringify(catalog, null, 2)}\n`);
    console.log(`${lang}.json: +${Object.keys(strings).length} keys`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e: unknown) => {
    console.error((e as Error).message);
    process.exitCode = 1;
  });
}
