import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every word a screen shows comes from the catalogs (shared/locales, or a string module not moved
// yet): a word typed into JSX stays in one language whatever the citizen chose, and the
// pseudo-locale cannot catch a screen not yet opened in a test. This reads every renderer .tsx and
// fails on JSX text with letters, and on title / aria-label / placeholder / alt written as a literal.
const ROOT = path.resolve('renderer');
const ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt']);
const LETTER = /\p{L}/u;

/** What may stay: the same in every language, with the reason. Keep it short. */
const ALLOWED: { text: RegExp; why: string }[] = [
  { text: /^(Quản trị \/ Admin|Báo cáo \/ Reports)$/, why: 'the start page names staff screens in both languages at once' },
  { text: /^(Tiếng Việt|English)$/, why: 'a language is offered in its own name' },
  { text: /^(\d+ mm|RS-485 ASCII|Modbus RTU|Windows-1258|TCVN3 \(ABC\)|USB \(\/dev\/usb\/lp0\)|QR|OK|A000)$/, why: 'names of standards, encodings, ports and units, and a sample ticket number' },
  { text: /^placeholder="(HH:MM|dd\/mm\/yyyy|https?:\/\/[\d.:]*)"$/, why: 'the shape of a time, date or address to type' },
];

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.tsx') ? [path.join(dir, e.name)] : []));
}

function literals(file: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: { line: number; text: string }[] = [];
  const at = (n: ts.Node) => source.getLineAndCharacterOfPosition(n.getStart(source)).line + 1;
  const visit = (n: ts.Node) => {
    if (ts.isJsxText(n)) {
      const text = n.text.replace(/\s+/g, ' ').trim();
      if (LETTER.test(text)) found.push({ line: at(n), text });
    } else if (ts.isJsxExpression(n) && (ts.isJsxElement(n.parent) || ts.isJsxFragment(n.parent)) && n.expression && (ts.isStringLiteral(n.expression) || ts.isNoSubstitutionTemplateLiteral(n.expression))) {
      // {'text'} as a child is JSX text too.
      if (LETTER.test(n.expression.text)) found.push({ line: at(n), text: n.expression.text.trim() });
    } else if (ts.isJsxAttribute(n) && ATTRIBUTES.has(n.name.getText(source))) {
      const init = n.initializer;
      const literal = init && (ts.isStringLiteral(init) ? init : ts.isJsxExpression(init) && init.expression && (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression)) ? init.expression : null);
      if (literal && LETTER.test(literal.text)) found.push({ line: at(n), text: `${n.name.getText(source)}="${literal.text}"` });
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return found;
}

describe('JSX strings', () => {
  it('no words typed into a screen outside the catalogs (JSX text, title, aria-label, placeholder, alt)', () => {
    const found: string[] = [];
    for (const file of files(ROOT)) {
      const rel = path.relative(ROOT, file);
      for (const l of literals(file)) {
        if (ALLOWED.some((a) => a.text.test(l.text))) continue;
        found.push(`${rel}:${l.line}: ${l.text}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('catches what it is for', () => {
    const probe = path.join(ROOT, 'lintProbe.tsx');
    fs.writeFileSync(probe, 'export const A = () => <div title="Hello"><span aria-label={"Đóng"}>Xin chào</span><i>{1}</i>★<b>{\'Tạm biệt\'}</b></div>;\n');
    try {
      expect(literals(probe).map((l) => l.text)).toEqual(['title="Hello"', 'aria-label="Đóng"', 'Xin chào', 'Tạm biệt']);
    } finally {
      fs.rmSync(probe);
    }
  });
});
