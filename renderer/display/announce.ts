import { createAnnouncementPlayer } from '../audio/announcementPlayer';
import type { AnnouncementPlayer, AudioState } from '../audio/announcementPlayer';

let player: AnnouncementPlayer | null = null;
const listeners = new Set<() => void>();
/** Clips that failed to load since the host was last told, at most a report's worth. */
let failedClips: string[] = [];

/** One player per display window: calls queue behind each other instead of cutting in. */
export function announcerFor(origin: string): AnnouncementPlayer {
  player ??= createAnnouncementPlayer({
    baseUrl: `${origin}/voice/`,
    onAudioState: () => {
      for (const f of listeners) f();
    },
    onClipFailed: (clip) => {
      failedClips = [...failedClips, clip].slice(-20);
      for (const f of listeners) f();
    },
  });
  // Exposed so support staff (and the e2e test) can see what the hall actually heard.
  (window as unknown as { __announcements?: unknown }).__announcements = player.log;
  return player;
}

/** Called when the sound's state changes or a clip fails; returns the unsubscribe. */
export function onSpeakerChange(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

/** What the host is told: the sound's state, and the clips that failed since the last report. */
export function speakerReport(): { state: Exclude<AudioState, 'starting'>; clipFailures: string[] } | null {
  if (!player || player.audioState === 'starting') return null;
  const clipFailures = failedClips;
  failedClips = [];
  return { state: player.audioState, clipFailures };
}
