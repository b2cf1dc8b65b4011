/** An answer the hub refused: its error code and message, as the screens show them. */
export class HubError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** JSON to and from the hub's /hub/api; the session cookie rides along (HttpOnly: scripts never see it). */
export async function hubApi<T>(path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/hub/api/${path}`, body === undefined ? { credentials: 'same-origin' } : { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new HubError('NETWORK', '', 0);
  }
  const data = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!res.ok) throw new HubError(data?.error?.code ?? 'INTERNAL', data?.error?.message ?? res.statusText, res.status);
  return data as T;
}
