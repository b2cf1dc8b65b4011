import { useEffect, useState } from 'react';
import { call } from '../api/client';
import type { AudioState } from '../audio/announcementPlayer';
import { onSpeakerChange, speakerReport } from './announce';
import type { AnnouncementPlayer } from '../audio/announcementPlayer';

/** A silent display says so again this often, so a host restarted meanwhile learns it too. */
const REPEAT_MS = 60_000;

/**
 * The display's sound as the hall experiences it, and the host told of it (#31): a display whose
 * sound the browser holds back shows it on screen and appears silent on the admin screen and in
 * /api/health until someone taps it.
 */
export function useSpeakerReport(player: AnnouncementPlayer | null): AudioState {
  const [state, setState] = useState<AudioState>(player?.audioState ?? 'playing');
  useEffect(() => {
    if (!player) return;
    const send = () => {
      const report = speakerReport();
      // Only an enrolled display is listened to; a plain browser's report is refused, and that is fine.
      if (report) call('reportSpeaker', { body: report }).catch(() => undefined);
    };
    const changed = () => {
      setState(player.audioState);
      send();
    };
    const stop = onSpeakerChange(changed);
    changed();
    const timer = setInterval(send, REPEAT_MS);
    return () => {
      stop();
      clearInterval(timer);
    };
  }, [player]);
  return state;
}
