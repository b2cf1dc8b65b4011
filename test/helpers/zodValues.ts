import type { z } from 'zod';
import { pick } from './prng';

// Random values that a zod schema accepts, read from the schema itself, so a field added to a
// settings schema gets test values without anyone remembering to write a generator. Strings with a
// pattern (codes, times, data URLs) cannot be invented from the regex: they need an override, and a
// pattern without one throws, naming it, instead of quietly testing nothing.

export type Rnd = () => number;
export interface ValueOverrides {
  /** By field path, e.g. `timeZone`, `transport`, `boards[].port`. */
  paths?: Record<string, (rnd: Rnd) => unknown>;
  /** By the source of a string's regex. */
  patterns?: Record<string, (rnd: Rnd) => string>;
}

const STRINGS = ['Hộ tịch', 'Xin chào quý công dân', 'Phường Hòa Bình', 'Ưu tiên người cao tuổi', 'Đăng ký khai sinh'.normalize('NFD'), 'A', 'Quầy số 5 — tầng 1', 'ok 🙂', '<b>không phải HTML</b>', '  có khoảng trắng  '];

interface Def {
  type: string;
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number; value?: number; inclusive?: boolean; format?: string; pattern?: RegExp } } }[];
  [k: string]: unknown;
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

function lengthBounds(def: Def, fallbackMax: number): [number, number] {
  let min = 0;
  let max = fallbackMax;
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'min_length' && d.minimum !== undefined) min = d.minimum;
    if (d.check === 'max_length' && d.maximum !== undefined) max = d.maximum;
    if (d.check === 'length_equals' && d.value !== undefined) min = max = d.value;
  }
  return [min, max];
}

const int = (rnd: Rnd, min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));

export function valueFor(schema: z.ZodType, rnd: Rnd, o: ValueOverrides = {}, path = ''): unknown {
  const byPath = o.paths?.[path];
  if (byPath) return byPath(rnd);
  const def = defOf(schema);
  switch (def.type) {
    case 'default':
    case 'prefault':
    case 'optional':
    case 'readonly':
      return valueFor(def.innerType as z.ZodType, rnd, o, path);
    case 'nullable':
      return rnd() < 0.15 ? null : valueFor(def.innerType as z.ZodType, rnd, o, path);
    case 'boolean':
      return rnd() < 0.5;
    case 'literal':
      return pick(rnd, def.values as unknown[]);
    case 'enum':
      return pick(rnd, Object.values(def.entries as Record<string, unknown>));
    case 'union':
      return valueFor(pick(rnd, def.options as z.ZodType[]), rnd, o, path);
    case 'pipe':
      // z.preprocess (e.g. reading settings stored under older names): a value of what comes out.
      return valueFor(def.out as z.ZodType, rnd, o, path);
    case 'number': {
      const checks = (def.checks ?? []).map((c) => c._zod.def);
      const isInt = checks.some((d) => d.check === 'number_format');
      const step = isInt ? 1 : 0.01;
      let min = -1000;
      let max = 1000;
      for (const d of checks) {
        if (d.check === 'greater_than' && d.value !== undefined) min = Math.max(min, d.inclusive ? d.value : d.value + step);
        if (d.check === 'less_than' && d.value !== undefined) max = Math.min(max, d.inclusive ? d.value : d.value - step);
      }
      // Edges are where off-by-one writes hide.
      const edge = rnd();
      if (edge < 0.15) return isInt ? Math.ceil(min) : min;
      if (edge < 0.3) return isInt ? Math.floor(max) : max;
      return isInt ? int(rnd, Math.ceil(min), Math.floor(max)) : Math.round((min + rnd() * (max - min)) * 100) / 100;
    }
    case 'string': {
      const pattern = (def.checks ?? []).map((c) => c._zod.def).find((d) => d.check === 'string_format')?.pattern;
      if (pattern) {
        const gen = o.patterns?.[pattern.source];
        if (!gen) throw new Error(`no test value for ${path || 'a string'} matching /${pattern.source}/: add a pattern override`);
        return gen(rnd);
      }
      const [min, max] = lengthBounds(def, 300);
      const fits = STRINGS.filter((s) => s.length >= min && s.length <= max);
      if (min === 0 && rnd() < 0.15) return '';
      if (fits.length && rnd() < 0.85) return pick(rnd, fits);
      return 'x'.repeat(int(rnd, Math.max(min, 1), Math.min(max, 40)));
    }
    case 'array': {
      const [min, max] = lengthBounds(def, 6);
      const n = int(rnd, min, Math.min(max, min + 5));
      return Array.from({ length: n }, () => valueFor(def.element as z.ZodType, rnd, o, `${path}[]`));
    }
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(shape)) {
        if (defOf(v).type === 'optional' && rnd() < 0.5) continue;
        out[k] = valueFor(v, rnd, o, path ? `${path}.${k}` : k);
      }
      return out;
    }
    default:
      throw new Error(`no test value for ${path || 'a value'} of zod type ${def.type}: teach test/helpers/zodValues.ts`);
  }
}

/** The fields of an object schema (through optional/default wrappers). */
export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  const def = defOf(schema);
  if (def.type === 'object') return def.shape as Record<string, z.ZodType>;
  if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') return shapeOf(def.innerType as z.ZodType);
  if (def.type === 'pipe') return shapeOf(def.in as z.ZodType);
  throw new Error(`not an object schema: ${def.type}`);
}

/** A random non-empty subset of `keys`, mostly small: a real form save changes one thing or a few. */
export function someKeys(rnd: Rnd, keys: string[]): string[] {
  const n = rnd() < 0.6 ? 1 : rnd() < 0.7 ? int(rnd, 2, 3) : int(rnd, 1, keys.length);
  const pool = [...keys];
  const out: string[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0] as string);
  return out;
}
