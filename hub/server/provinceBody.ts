import type http from 'node:http';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import { sameOrigin } from '../auth/hubAccess';
import { parseJson, readBody } from './httpBody';

const FORM_BYTES = 8192;

/**
 * A province screen's JSON request, validated: JSON only (a cross-site form cannot send it), from
 * this hub's own pages, in the schema's shape, or a 400 naming the first wrong fields in Vietnamese.
 */
export async function readForm<S extends z.ZodType>(req: http.IncomingMessage, schema: S): Promise<z.infer<S>> {
  if (!sameOrigin(req)) throw new AppError('FORBIDDEN', 'Yêu cầu không đến từ trang của hub');
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const parsed = schema.safeParse(parseJson(await readBody(req, FORM_BYTES), 'BAD_REQUEST'));
  if (!parsed.success) throw new AppError('BAD_REQUEST', parsed.error.issues.slice(0, 3).map((i) => i.message).join('; '), { fields: parsed.error.issues.map((i) => i.path.join('.')) });
  return parsed.data;
}

/** The query string, validated. */
export function readQuery<S extends z.ZodType>(req: http.IncomingMessage, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(req.url ?? '/', 'http://hub').searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new AppError('BAD_REQUEST', parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}
