import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where a clip comes from: the office's own recording first, then the shipped one. */
export function clipPath(id: string, lang: string, dirs: string[]): string | null {
  for (const d of dirs) {
    const f = path.join(d, lang, `${id}.ogg`);
    if (fs.existsSync(f)) return f;
  }
  return null;
}

/**
 * Renders an announcement to a WAV file by concatenating the same clips the display plays, with
 * sox (for support: "what exactly did the hall hear"). Needs the sox program.
 */
export async function renderAnnouncementWav(clips: string[], lang: string, dirs: string[], out: string): Promise<void> {
  const files = clips.map((c) => {
    const f = clipPath(c, lang, dirs);
    if (!f) throw new Error(`missing clip ${lang}/${c}`);
    return f;
  });
  await run('sox', [...files, '-r', '22050', '-c', '1', out]);
}
