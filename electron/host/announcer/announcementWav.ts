import fs from 'node:fs';
import path from 'node:path';
import { OggVorbisDecoder } from '@wasm-audio-decoders/ogg-vorbis';
import { parseWav, wavSamples } from '../../../shared/wavFile';
import type { VoiceStore } from './voiceStore';

/** The rate of the shipped clips (scripts/generateAudio.ts); office recordings are brought to it. */
export const WAV_RATE = 22050;

/** Where a clip comes from: the office's own recording first, then the shipped one. */
export function clipPath(id: string, lang: string, dirs: string[]): string | null {
  for (const d of dirs) {
    const f = path.join(d, lang, `${id}.ogg`);
    if (fs.existsSync(f)) return f;
  }
  return null;
}

/**
 * Renders an announcement to a WAV file from the same clips the display plays, one after another
 * (for support: "what exactly did the hall hear"), the office's recordings for the call's zone
 * included when `voice` is given. Decoded in-process, so it needs no audio program on the kiosk PC.
 */
export async function renderAnnouncementWav(clips: string[], lang: string, dirs: string[], out: string, voice?: { store: VoiceStore; zoneId: number | null }): Promise<void> {
  // The office's recording for the call's zone first, as the display fetches it (voiceFiles.ts).
  const scope = voice ? (voice.zoneId === null ? 'office' : `zone-${voice.zoneId}`) : null;
  const files = clips.map((c) => {
    const recorded = voice && scope ? voice.store.resolve(scope, lang, c) : null;
    const f = recorded?.file ?? clipPath(c, lang, dirs);
    if (!f) throw new Error(`missing clip ${lang}/${c}`);
    return f;
  });
  const decoder = new OggVorbisDecoder();
  await decoder.ready;
  const parts: Float32Array[] = [];
  try {
    for (const f of files) {
      const bytes = new Uint8Array(fs.readFileSync(f));
      const wav = f.endsWith('.wav') ? parseWav(bytes) : null;
      if (typeof wav === 'string') throw new Error(`cannot decode ${f}: ${wav}`);
      if (wav) {
        parts.push(resample(wavSamples(bytes, wav), wav.rate, WAV_RATE));
        continue;
      }
      const d = await decoder.decodeFile(bytes);
      if (d.errors.length > 0 || d.samplesDecoded === 0) throw new Error(`cannot decode ${f}: ${d.errors[0]?.message ?? 'no audio'}`);
      parts.push(resample(mono(d.channelData, d.samplesDecoded), d.sampleRate, WAV_RATE));
    }
  } finally {
    decoder.free();
  }
  fs.writeFileSync(out, wav16(parts, WAV_RATE));
}

function mono(channels: Float32Array[], length: number): Float32Array {
  if (channels.length === 1) return (channels[0] as Float32Array).subarray(0, length);
  const m = new Float32Array(length);
  for (const ch of channels) for (let i = 0; i < length; i++) m[i] = (m[i] as number) + (ch[i] as number) / channels.length;
  return m;
}

// Linear interpolation: enough for speech played back for a support check, not for mastering.
function resample(x: Float32Array, from: number, to: number): Float32Array {
  if (from === to) return x;
  const n = Math.round((x.length * to) / from);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const t = (i * from) / to;
    const j = Math.floor(t);
    const a = x[j] ?? 0;
    const b = x[j + 1] ?? a;
    y[i] = a + (b - a) * (t - j);
  }
  return y;
}

/** Mono 16-bit PCM WAV of the parts one after another. */
function wav16(parts: Float32Array[], rate: number): Buffer {
  const samples = parts.reduce((s, p) => s + p.length, 0);
  const buf = Buffer.alloc(44 + samples * 2);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + samples * 2, 4);
  buf.write('WAVEfmt ', 8, 'ascii');
  buf.writeUInt32LE(16, 16); // fmt chunk size
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate * 2, 28); // bytes per second
  buf.writeUInt16LE(2, 32); // block align
  buf.writeUInt16LE(16, 34); // bits per sample
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(samples * 2, 40);
  let o = 44;
  for (const p of parts) {
    for (const v of p) {
      const c = Math.max(-1, Math.min(1, v));
      buf.writeInt16LE(Math.round(c < 0 ? c * 0x8000 : c * 0x7fff), o);
      o += 2;
    }
  }
  return buf;
}
