import fs from 'node:fs';
import path from 'node:path';
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { resolveAppUrl } from './appProtocolPath';
import { contentSecurityPolicy } from './securityPolicy';
import type { VoiceStore } from '../host/announcer/voiceStore';
import { VOICE_PREFIX, voiceClipFile } from '../host/server/voiceFiles';

/** Must run before app 'ready': app:// behaves like a secure standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
}

/** Serves the built screens and the announcement clips (office recordings first) on app://motcua/ (/voice/: voiceFiles.ts). */
export function setupProtocol(rendererDir: string, audioDirs: string[], voice: VoiceStore): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    let file: string | null = null;
    if (url.pathname.startsWith(VOICE_PREFIX)) {
      // The call's zone's recording, the office's, else the generated clip: as the host serves it.
      file = voiceClipFile(voice, audioDirs, url.pathname)?.file ?? null;
    } else if (url.pathname.startsWith('/audio/')) {
      const rel = url.pathname.slice('/audio/'.length);
      for (const d of audioDirs) {
        const f = resolveAppUrl(`app://motcua/${rel}`, d);
        if (f && fs.existsSync(f)) {
          file = f;
          break;
        }
      }
    } else {
      file = resolveAppUrl(request.url, rendererDir);
    }
    if (!file || !fs.existsSync(file)) return new Response('Not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    if (path.extname(file) === '.html') headers.set('Content-Security-Policy', contentSecurityPolicy());
    return new Response(res.body, { status: res.status, headers });
  });
}
