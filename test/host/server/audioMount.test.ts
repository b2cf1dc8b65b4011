import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host';
import { tempDir, tempHost } from '../../helpers/tempHost';

// Issue #27: a link dropped into DATA/audio served /etc/passwd to any phone.
let host: Host;
const dataDir = tempDir();
const outside = tempDir('motcua-outside-');
const audio = path.join(dataDir, 'audio');
const secret = 'officer PINs: 481516\n'.repeat(20);

beforeAll(async () => {
  fs.mkdirSync(audio, { recursive: true });
  fs.writeFileSync(path.join(audio, 'chime.ogg'), Buffer.alloc(512, 3));
  fs.symlinkSync(path.join(audio, 'chime.ogg'), path.join(audio, 'chime-link.ogg'));
  fs.symlinkSync('/etc/passwd', path.join(audio, 'passwd.ogg'));
  fs.writeFileSync(path.join(outside, 'secret.txt'), secret);
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(audio, 'secret.txt'));
  fs.symlinkSync(outside, path.join(audio, 'pack'));
  // A real file whose precompressed variant is a link out.
  fs.writeFileSync(path.join(audio, 'notes.txt'), 'ghi chú '.repeat(50));
  fs.writeFileSync(path.join(outside, 'notes.txt.gz'), zlib.gzipSync(secret));
  fs.symlinkSync(path.join(outside, 'notes.txt.gz'), path.join(audio, 'notes.txt.gz'));
  host = await tempHost({ dir: dataDir });
});
afterAll(async () => {
  await host.close();
});

const get = (p: string) => fetch(`http://127.0.0.1:${host.port}${p}`, { headers: { 'accept-encoding': 'gzip' } });

describe('audio overrides stay inside DATA/audio', () => {
  it('serves the office’s own clips, a link to one of them included', async () => {
    expect((await get('/audio/chime.ogg')).status).toBe(200);
    expect((await get('/audio/chime-link.ogg')).status).toBe(200);
  });

  it('refuses links whose target is outside the folder: a file, a folder, a precompressed variant', async () => {
    const passwd = await get('/audio/passwd.ogg');
    expect(passwd.status).toBe(404);
    expect(await passwd.text()).not.toContain('root:');
    expect((await get('/audio/secret.txt')).status).toBe(404);
    expect((await get('/audio/pack/secret.txt')).status).toBe(404);
    const notes = await get('/audio/notes.txt');
    expect(notes.status).toBe(200);
    expect(await notes.text()).not.toContain('481516');
  });
});
