import { errorCatalog, isErrorCode } from '../../shared/errors';

/** A refusal from the hub: its code, and its message in the page's language. */
export class BookError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** JSON to and from the hub's public booking API (no cookie, no sign-in). */
export async function bookApi<T>(path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/hub/api/public/${path}`, body === undefined ? { credentials: 'omit' } : { method: 'POST', credentials: 'omit', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new BookError('NETWORK', '');
  }
  const data = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!res.ok) throw new BookError(data?.error?.code ?? 'INTERNAL', data?.error?.message ?? res.statusText);
  return data as T;
}

/** What to show for a refusal: the hub's own Vietnamese (it may name the field), the catalogue's English. */
export function refusalText(e: unknown, lang: 'vi' | 'en', networkText: string): string {
  if (!(e instanceof BookError)) return String(e);
  if (e.code === 'NETWORK') return networkText;
  if (lang === 'en' && isErrorCode(e.code) && e.code !== 'BAD_REQUEST') return errorCatalog[e.code].en;
  return e.message || (isErrorCode(e.code) ? errorCatalog[e.code].vi : e.code);
}
