// The catalogs' messages are ICU MessageFormat. This reads one into its parts (to list its
// arguments, so a language pack cannot drop or invent a `{number}`) and writes parts back (so the
// pseudo-locale can transform the words and leave the syntax working). Pure: no I/O.
import IntlMessageFormat from 'intl-messageformat';

// The parser's element kinds (intl-messageformat's TYPE enum), as numbers so no parser import is needed.
const LITERAL = 0;
const ARGUMENT = 1;
const NUMBER = 2;
const DATE = 3;
const TIME = 4;
const SELECT = 5;
const PLURAL = 6;
const POUND = 7;
const TAG = 8;

export interface MessageNode {
  type: number;
  value?: string;
  style?: unknown;
  options?: Record<string, { value: MessageNode[] }>;
  offset?: number;
  pluralType?: 'cardinal' | 'ordinal';
  children?: MessageNode[];
}

/** The message's parts; throws (with the parser's reason) on a message that is not valid ICU. */
export function parseMessage(text: string): MessageNode[] {
  // ignoreTag: "<" is ordinary text on our screens (e.g. "A012 > 5"), never markup.
  return new IntlMessageFormat(text, 'vi', undefined, { ignoreTag: true }).getAst() as unknown as MessageNode[];
}

/** Every argument a message reads, sorted: `{n, plural, …}` and `{zone}` alike. */
export function messageArguments(text: string): string[] {
  const found = new Set<string>();
  const walk = (nodes: MessageNode[]) => {
    for (const n of nodes) {
      if (n.type !== LITERAL && n.type !== POUND && n.type !== TAG && n.value) found.add(n.value);
      for (const o of Object.values(n.options ?? {})) walk(o.value);
      if (n.children) walk(n.children);
    }
  };
  walk(parseMessage(text));
  return [...found].sort();
}

/** True when the message fills slots; a message without any is shown as its literal text. */
export function hasArguments(text: string): boolean {
  if (!text.includes('{')) return false;
  return messageArguments(text).length > 0;
}

/** Quotes what ICU would read as syntax, so literal text survives a round trip. */
function quoteLiteral(text: string, inPlural: boolean): string {
  const special = inPlural ? /[{}#]/ : /[{}]/;
  let out = '';
  for (const ch of text) {
    if (ch === "'") out += "''";
    else if (special.test(ch)) out += `'${ch}'`;
    else out += ch;
  }
  return out;
}

function styleText(style: unknown): string {
  if (!style) return '';
  if (typeof style === 'string') return `, ${style}`;
  const s = style as { parsedOptions?: unknown; skeleton?: string; pattern?: string; type?: number };
  if (s.pattern) return `, ::${s.pattern}`;
  if (s.skeleton) return `, ::${s.skeleton}`;
  return '';
}

/** Writes parts back as an ICU message; `literal` may rewrite every piece of plain text. */
export function printMessage(nodes: MessageNode[], literal: (text: string) => string = (t) => t, inPlural = false): string {
  return nodes
    .map((n) => {
      switch (n.type) {
        case LITERAL:
          return quoteLiteral(literal(n.value ?? ''), inPlural);
        case ARGUMENT:
          return `{${n.value}}`;
        case NUMBER:
          return `{${n.value}, number${styleText(n.style)}}`;
        case DATE:
          return `{${n.value}, date${styleText(n.style)}}`;
        case TIME:
          return `{${n.value}, time${styleText(n.style)}}`;
        case POUND:
          return '#';
        case SELECT:
        case PLURAL: {
          const kind = n.type === SELECT ? 'select' : n.pluralType === 'ordinal' ? 'selectordinal' : 'plural';
          const offset = n.offset ? ` offset:${n.offset}` : '';
          const cases = Object.entries(n.options ?? {})
            .map(([k, o]) => `${k} {${printMessage(o.value, literal, n.type === PLURAL)}}`)
            .join(' ');
          return `{${n.value}, ${kind},${offset} ${cases}}`;
        }
        case TAG:
          return `<${n.value}>${printMessage(n.children ?? [], literal, inPlural)}</${n.value}>`;
        default:
          throw new Error(`unknown ICU element ${n.type}`);
      }
    })
    .join('');
}
