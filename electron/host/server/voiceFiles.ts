import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import type { VoiceStore } from '../announcer/voiceStore';
import { isVoiceClip, parseVoiceScope } from '../../../shared/voiceClips';
import type { ClipSource } from '../../../shared/voiceClips';
import { sendFile } from './staticFiles';

/** `/voice/<scope>/<lang>/<clip>`: the clip a call in that scope plays (renderer/audio/announcementPlayer.ts). */
export const VOICE_PREFIX = '/voice/';

const real = (p: string): string | null => {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
};

/**
 * The file a call in a scope (the office, a zone) plays for a clip: the zone's recording, the
 * office's, then `<audioDir>/<lang>/<clip>.ogg` in order (an office's hand-copied file, else the
 * generated one shipped). Only known clip ids; a link is followed only as far as its own folder.
 * Shared by the host's HTTP server and the Electron shell's app:// protocol.
 */
export function voiceClipFile(voice: VoiceStore, audioDirs: readonly string[], pathname: string): { file: string; root: string; source: ClipSource } | null {
  const [scope = '', lang = '', clip = '', ...rest] = pathname.slice(VOICE_PREFIX.length).split('/');
  if (rest.length > 0 || !parseVoiceScope(scope) || !isVoiceClip(lang, clip)) return null;
  const recorded = voice.resolve(scope, lang, clip);
  const root = real(voice.folder);
  if (recorded && root !== null) {
    const f = real(recorded.file);
    if (f !== null && f.startsWith(root + path.sep)) return { file: f, root, source: recorded.source };
  }
  for (const d of audioDirs) {
    const dir = real(d);
    const f = dir === null ? null : real(path.join(dir, lang, `${clip}.ogg`));
    if (dir !== null && f !== null && f.startsWith(dir + path.sep)) return { file: f, root: dir, source: 'generated' };
  }
  return null;
}

/** Serves /voice/…; `X-Voice-Source` says whose clip it is (zone, office, generated), for support and tests. */
export function serveVoice(voice: VoiceStore, audioDirs: readonly string[], pathname: string, method: string, res: http.ServerResponse, enc: string, inm?: string): boolean {
  const found = voiceClipFile(voice, audioDirs, pathname);
  if (!found) return false;
  res.setHeader('X-Voice-Source', found.source);
  return sendFile(res, found.file, method, enc, inm, found.root);
}
