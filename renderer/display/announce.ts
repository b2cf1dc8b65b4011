import { createAnnouncementPlayer } from '../audio/announcementPlayer';
import type { AnnouncementPlayer } from '../audio/announcementPlayer';

let player: AnnouncementPlayer | null = null;

/** One player per display window: calls queue behind each other instead of cutting in. */
export function announcerFor(origin: string): AnnouncementPlayer {
  player ??= createAnnouncementPlayer({ baseUrl: `${origin}/audio/` });
  // Exposed so support staff (and the e2e test) can see what the hall actually heard.
  (window as unknown as { __announcements?: unknown }).__announcements = player.log;
  return player;
}
