import { z } from 'zod';

// zod 4 applies a field's default even when the field is optional, so `.partial()` of a schema with
// `.default()`s turns "not sent" into "reset to default": a save of one field erased the others.
// A patch is built from the bare field types instead, and merged onto what is stored.

type Bare<T> = T extends z.ZodDefault<infer I> ? I : T;
export type PatchShape<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodOptional<Bare<S[K]>> };

/** Every field optional, no defaults, unknown keys refused. */
export function patchOf<S extends z.ZodRawShape>(shape: S): z.ZodObject<PatchShape<S>, z.core.$strict> {
  const fields: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(shape)) fields[key] = (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional();
  return z.strictObject(fields) as unknown as z.ZodObject<PatchShape<S>, z.core.$strict>;
}

/** `base` with the fields the patch carries; a key present but undefined (IPC) means "not sent". */
export function applyPatch<T extends object>(base: T, patch: Partial<T>): T {
  const out = { ...base };
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  return out;
}
