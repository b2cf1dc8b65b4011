import type { z } from 'zod';
import { contract } from '../../../shared/api/contract';

type Schema = z.ZodType & { _zod: { def: Record<string, unknown> } };

const isSchema = (x: unknown): x is Schema => typeof x === 'object' && x !== null && '_zod' in x;

/**
 * Calls `visit` on every schema reachable from `root` (object shapes, array elements, unions,
 * optionals, pipes, lazies…), each once, whatever zod kind holds it.
 */
export function eachSchema(root: z.ZodType, visit: (s: Schema) => void, seen = new Set<unknown>()): void {
  if (!isSchema(root) || seen.has(root)) return;
  seen.add(root);
  visit(root);
  const def = root._zod.def;
  for (const [key, value] of Object.entries(def)) {
    if (key === 'getter' && typeof value === 'function') eachSchema((value as () => z.ZodType)(), visit, seen);
    else if (isSchema(value)) eachSchema(value, visit, seen);
    else if (Array.isArray(value)) for (const v of value) eachSchema(v as z.ZodType, visit, seen);
    else if (key === 'shape' && value && typeof value === 'object') for (const v of Object.values(value)) eachSchema(v as z.ZodType, visit, seen);
  }
}

/**
 * zod builds each object schema's fast parser, and its lazily computed parts, on the first parse
 * of an object. On a fresh host that is the first citizen's tap: #14 profiled the first issue
 * with ≈ 4 ms of its answer in zod compiling the request and answer schemas. Parsing `{}` once
 * through every object schema of the contract, at start, moves that work before anyone waits —
 * one route per turn of the event loop (the whole contract takes ≈ 100 ms), so a request that
 * comes in meanwhile is not held up behind it. Resolves with how many object schemas it warmed.
 */
export async function warmContract(): Promise<number> {
  let objects = 0;
  const seen = new Set<unknown>();
  for (const def of Object.values(contract)) {
    for (const s of [def.params, def.query, def.body, def.response] as z.ZodType[]) {
      eachSchema(
        s,
        (x) => {
          if (x._zod.def.type !== 'object') return;
          objects++;
          x.safeParse({});
        },
        seen,
      );
    }
    await new Promise<void>((r) => setImmediate(r));
  }
  return objects;
}
