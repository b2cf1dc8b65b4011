import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeWav, parseWav, wavSamples } from '../../shared/wavFile';
import { crc32, writeZip, zipEntries, zipEntryData } from '../../shared/zipArchive';
import { VOICE_CLIPS, isVoiceClip, parseVoiceScope } from '../../shared/voiceClips';
import { announcementClips, resumeClips } from '../../shared/announcementText';
import { tempDir } from '../helpers/tempHost';

describe('the WAV the admin writes and the host reads', () => {
  it('round-trips samples and reads its length', () => {
    const x = Float32Array.from({ length: 22050 }, (_, i) => 0.5 * Math.sin(i / 10));
    const b = encodeWav(x, 22050);
    const info = parseWav(b);
    if (typeof info === 'string') throw new Error(info);
    expect(info).toMatchObject({ rate: 22050, channels: 1, bits: 16, seconds: 1 });
    const back = wavSamples(b, info);
    expect(Math.max(...back.map((v, i) => Math.abs(v - (x[i] as number))))).toBeLessThan(1 / 16000);
  });

  it('names what is wrong with what is not one', () => {
    expect(parseWav(new TextEncoder().encode('hello'.repeat(20)))).toBe('không phải tệp âm thanh WAV');
    const b = encodeWav(new Float32Array(100), 22050);
    b[22] = 2;
    expect(parseWav(b)).toBe('chỉ nhận âm thanh một kênh (mono)');
    const c = encodeWav(new Float32Array(100), 22050);
    c[20] = 3; // IEEE float
    expect(parseWav(c)).toBe('chỉ nhận WAV PCM 16 bit');
    expect(parseWav(encodeWav(new Float32Array(1000), 22050).subarray(0, 500))).toBe('tệp WAV bị cắt cụt');
  });
});

describe('the zip of a voice pack', () => {
  it('is read back by its directory, and by any unzip tool', () => {
    const files = [
      { name: 'manifest.json', data: new TextEncoder().encode('{"a":1}') },
      { name: 'zone-2/vi/một.wav', data: encodeWav(new Float32Array(500), 22050) },
    ];
    const zip = writeZip(files);
    const entries = zipEntries(zip, 10);
    if (typeof entries === 'string') throw new Error(entries);
    expect(entries.map((e) => [e.name, e.method, e.size, e.crc])).toEqual(files.map((f) => [f.name, 0, f.data.length, crc32(f.data)]));
    expect(Buffer.from(zipEntryData(zip, entries[1]!) as Uint8Array).equals(Buffer.from(files[1]!.data))).toBe(true);
    // Python's zipfile checks every CRC.
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'p.zip'), zip);
    const out = execFileSync('python3', ['-c', 'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(z.testzip()); print(",".join(z.namelist()))', path.join(dir, 'p.zip')], { encoding: 'utf8' });
    expect(out.trim().split('\n')).toEqual(['None', 'manifest.json,zone-2/vi/một.wav']);
  });

  it('a directory claiming more entries than allowed is too big; a truncated one is damaged', () => {
    const zip = writeZip(Array.from({ length: 5 }, (_, i) => ({ name: `${i}.wav`, data: new Uint8Array(10) })));
    expect(zipEntries(zip, 4)).toBe('too-big');
    expect(zipEntries(zip.subarray(0, zip.length - 30), 10)).toBe('damaged');
  });
});

describe('the clip list', () => {
  it('holds every clip any call or resume can speak, and nothing a path could be made of', () => {
    for (const lang of ['vi', 'en'] as const) {
      const spoken = new Set<string>();
      for (let n = 0; n <= 1200; n += 7) for (const c of announcementClips(`AB${n}`, (n % 60) + 1, { lang, readPrefix: true })) spoken.add(c);
      for (let c = 1; c < 100; c++) for (const id of resumeClips(c, lang)) spoken.add(id);
      for (const l of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') spoken.add(`letter_${l}`);
      expect([...spoken].filter((id) => !isVoiceClip(lang, id))).toEqual([]);
      expect(VOICE_CLIPS[lang].every((c) => /^[A-Za-z0-9_]+$/.test(c.id))).toBe(true);
      // Every listed clip exists in the shipped (generated) set, so deleting a recording always has a fallback.
      expect(VOICE_CLIPS[lang].filter((c) => !fs.existsSync(`resources/audio/${lang}/${c.id}.ogg`)).map((c) => c.id)).toEqual([]);
    }
    // 49 for calls, 9 for the kiosk's spoken guidance; services' names are recorded, never listed.
    expect(VOICE_CLIPS.vi).toHaveLength(58);
    expect(['dv_12', 'dv_999999', 'dv_0', 'dv_1234567', 'dv_../x', 'dv_1.wav'].map((id) => isVoiceClip('vi', id))).toEqual([true, true, false, false, false, false]);
    expect([parseVoiceScope('office'), parseVoiceScope('zone-12'), parseVoiceScope('zone-0'), parseVoiceScope('../office'), parseVoiceScope('zone-1/..')]).toEqual([{ zoneId: null }, { zoneId: 12 }, null, null, null]);
  });
});
