import type { ProvinceLink } from './provinceLinkFile';

/** The link file is read at most this often for tickets' QR (a busy morning issues several a second). */
const LINK_READ_MS = 2000;

/**
 * Where a ticket's QR points (#30): the province hub's tracking page when the office has joined a hub
 * that has an internet address (`/t/<office>/<ticket>`: a citizen can wait in the café across the
 * street), else the office's own page (`/t/<ticket>`, on the office Wi-Fi), which always works there
 * too. The ticket id is the same unguessable one either way; neither page shows anything personal.
 */
export function ticketTrackUrl(o: { officeBase: () => string; link: () => ProvinceLink | null; now?: () => number }): (ticketId: string) => string {
  const now = o.now ?? Date.now;
  let cached: { at: number; link: ProvinceLink | null } | null = null;
  const link = () => {
    if (!cached || now() - cached.at > LINK_READ_MS) cached = { at: now(), link: o.link() };
    return cached.link;
  };
  return (ticketId) => {
    const l = link();
    if (l?.hubPublicUrl) return `${l.hubPublicUrl.replace(/\/+$/, '')}/t/${encodeURIComponent(l.officeId)}/${ticketId}`;
    return `${o.officeBase().replace(/\/+$/, '')}/t/${ticketId}`;
  };
}
