import fs from 'node:fs';
import type http from 'node:http';
import type { VoiceStore } from '../announcer/voiceStore';
import { isVoiceClip, parseVoiceScope } from '../../../shared/voiceClips';
import { serveMounted, sendFile } from './staticFiles';
import type { StaticMount } from './staticFiles';

/** `/voice/<scope>/<lang>/<clip>`: the clip a call in that scope plays (renderer/audio/announcementPlayer.ts). */
export const VOICE_PREFIX = '/voice/';

/**
 * Serves the clip a call in a scope (the office, a zone) plays: the zone's recording, the office's,
 * then the clip under /audio/ (an office's hand-copied file, else the generated one shipped).
 * `X-Voice-Source` says which, for support and tests. Only known clip ids are served.
 */
export function serveVoice(voice: VoiceStore, mounts: StaticMount[], pathname: string, method: string, res: http.ServerResponse, enc: string, inm?: string): boolean {
  const [scope = '', lang = '', clip = '', ...rest] = pathname.slice(VOICE_PREFIX.length).split('/');
  if (rest.length > 0 || !parseVoiceScope(scope) || !isVoiceClip(lang, clip)) return false;
  const recorded = voice.resolve(scope, lang, clip);
  if (recorded) {
    res.setHeader('X-Voice-Source', recorded.source);
    let root: string | null = null;
    try {
      root = fs.realpathSync(voice.folder);
    } catch {
      root = null;
    }
    // A link planted in the voice folder is followed only as far as the folder itself.
    if (root !== null && sendFile(res, recorded.file, method, enc, inm, root)) return true;
  }
  res.setHeader('X-Voice-Source', 'generated');
  return serveMounted(mounts, `/audio/${lang}/${clip}.ogg`, method, res, enc, inm);
}
