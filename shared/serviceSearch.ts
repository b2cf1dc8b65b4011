// The kiosk's search: a citizen types on a touchscreen, often without tone marks ("dat dai" for
// "Đất đai"), sometimes a procedure's code off a leaflet. Pure, so it is tested without a browser.

/** Lower case, tone marks and vowel marks removed, đ → d, runs of spaces and punctuation → one space. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface Searchable {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
  descriptionVi?: string;
  /** The name of its group, so "tu phap" finds every procedure of the Sở Tư pháp. */
  groupName?: string;
}

/**
 * The services the query finds, best first. Every word of the query must start a word of the
 * service's text (its name in both languages, description, group); a query equal to a code (or
 * the start of one) finds that service first. With marks typed, they must match: "đất" does not
 * find "đặt". An empty query finds nothing.
 */
export function searchServices<T extends Searchable>(items: readonly T[], query: string): T[] {
  const q = foldVietnamese(query);
  if (!q) return [];
  const words = q.split(' ');
  const typedMarks = query.normalize('NFC').toLowerCase().trim() !== foldVietnamese(query.normalize('NFC')) && /[^\x00-\x7f]/.test(query);
  const exact = query.normalize('NFC').toLowerCase().split(/\s+/).filter(Boolean);
  const scored: { item: T; score: number }[] = [];
  for (const item of items) {
    const code = item.code.toLowerCase();
    if (words.length === 1 && code.startsWith(q.replace(/ /g, ''))) {
      scored.push({ item, score: code === q ? 0 : 1 });
      continue;
    }
    const name = foldVietnamese(`${item.nameVi} ${item.nameEn}`).split(' ');
    const rest = foldVietnamese(`${item.descriptionVi ?? ''} ${item.groupName ?? ''}`).split(' ');
    const all = [...name, ...rest];
    if (!words.every((w) => all.some((t) => t.startsWith(w)))) continue;
    if (typedMarks) {
      const raw = `${item.nameVi} ${item.descriptionVi ?? ''} ${item.groupName ?? ''}`.normalize('NFC').toLowerCase();
      if (!exact.every((w) => !/[^\x00-\x7f]/.test(w) || raw.includes(w))) continue;
    }
    // Words found in the name rank above words found only in the description or group.
    const inName = words.filter((w) => name.some((t) => t.startsWith(w))).length;
    const phrase = foldVietnamese(item.nameVi).includes(q) ? 0 : 1;
    scored.push({ item, score: 2 + phrase + (words.length - inName) * 2 });
  }
  return scored.sort((a, b) => a.score - b.score).map((s) => s.item);
}
