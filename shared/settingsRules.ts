// Rules for office settings that both the host (zod refinements) and the admin screen (messages
// while typing) apply; kept free of zod so the browser bundle can import them cheaply.

/** An IANA zone the runtime knows, e.g. Asia/Ho_Chi_Minh; anything else would break every date. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Empty (the host's own LAN address) or an http(s) origin with an optional path: the ticket QR opens it. */
export function isPublicBaseUrl(url: string): boolean {
  if (url === '') return true;
  if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(url)) return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && !u.username && !u.password;
  } catch {
    return false;
  }
}

export const CODE_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;

/**
 * A stable code for a new list item, from its Vietnamese label ("Người cao tuổi" → "nguoi_cao_tuoi"),
 * made unique among `taken`. Codes are what tickets, ratings and pauses store, so existing ones
 * never change when a label is edited.
 */
export function codeFromLabel(label: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^[^a-z]+|_+$/g, '')
      .slice(0, 28) || 'muc';
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}_${i}`)) return `${base}_${i}`;
}

/** Codes that appear more than once in a list. */
export function duplicateCodes(list: readonly { code: string }[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const { code } of list) (seen.has(code) ? dup : seen).add(code);
  return [...dup];
}
