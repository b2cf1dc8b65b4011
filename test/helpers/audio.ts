// Measuring audio without an audio program on the machine: our own WAV and Ogg container readers,
// and the maintained Vorbis decoder only where samples are needed.
import fs from 'node:fs';
import { OggVorbisDecoder } from '@wasm-audio-decoders/ogg-vorbis';

export interface Pcm {
  rate: number;
  channels: number;
  /** First channel, scaled to −1…1. */
  samples: Float32Array;
}

/** A PCM WAV file (8/16/24/32-bit integer or 32-bit float), walked chunk by chunk. */
export function readWav(file: string): Pcm {
  const b = fs.readFileSync(file);
  if (b.toString('ascii', 0, 4) !== 'RIFF' || b.toString('ascii', 8, 12) !== 'WAVE') throw new Error(`${file} is not a WAV file`);
  let fmt: { format: number; channels: number; rate: number; bits: number } | null = null;
  for (let o = 12; o + 8 <= b.length; ) {
    const id = b.toString('ascii', o, o + 4);
    const size = b.readUInt32LE(o + 4);
    const body = o + 8;
    if (id === 'fmt ') fmt = { format: b.readUInt16LE(body), channels: b.readUInt16LE(body + 2), rate: b.readUInt32LE(body + 4), bits: b.readUInt16LE(body + 14) };
    if (id === 'data') {
      if (!fmt) throw new Error(`${file}: data before fmt`);
      const bytes = fmt.bits / 8;
      const frames = Math.floor(Math.min(size, b.length - body) / (bytes * fmt.channels));
      const samples = new Float32Array(frames);
      for (let i = 0; i < frames; i++) {
        const at = body + i * bytes * fmt.channels;
        samples[i] =
          fmt.format === 3 ? b.readFloatLE(at)
          : bytes === 1 ? (b.readUInt8(at) - 128) / 128
          : b.readIntLE(at, bytes) / 2 ** (fmt.bits - 1);
      }
      return { rate: fmt.rate, channels: fmt.channels, samples };
    }
    o = body + size + (size % 2);
  }
  throw new Error(`${file} has no data chunk`);
}

export const wavSeconds = (file: string): number => {
  const w = readWav(file);
  return w.samples.length / w.rate;
};

/**
 * Length of an Ogg Vorbis file from its container alone: the sample rate in the identification
 * header, the granule position (samples) of the last page. Independent of any decoder.
 */
export function oggSeconds(file: string): number {
  const b = fs.readFileSync(file);
  let rate = 0;
  let last = -1;
  for (let o = 0; o + 27 <= b.length; ) {
    if (b.toString('ascii', o, o + 4) !== 'OggS') throw new Error(`${file}: no Ogg page at byte ${o}`);
    const segments = b.readUInt8(o + 26);
    let body = 0;
    for (let i = 0; i < segments; i++) body += b.readUInt8(o + 27 + i);
    const start = o + 27 + segments;
    if (!rate && b.readUInt8(start) === 1 && b.toString('ascii', start + 1, start + 7) === 'vorbis') rate = b.readUInt32LE(start + 12);
    const granule = b.readBigInt64LE(o + 6);
    if (granule >= 0n) last = Number(granule);
    o = start + body;
  }
  if (!rate || last < 0) throw new Error(`${file} is not Ogg Vorbis`);
  return last / rate;
}

export async function decodeOgg(file: string): Promise<Pcm> {
  const d = new OggVorbisDecoder();
  await d.ready;
  try {
    const r = await d.decodeFile(new Uint8Array(fs.readFileSync(file)));
    if (r.errors.length) throw new Error(`${file}: ${r.errors[0]?.message}`);
    return { rate: r.sampleRate, channels: r.channelData.length, samples: (r.channelData[0] as Float32Array).subarray(0, r.samplesDecoded) };
  } finally {
    d.free();
  }
}

/** Root-mean-square amplitude (what `sox stat` calls RMS amplitude). */
export function rms(samples: Float32Array): number {
  let s = 0;
  for (const v of samples) s += v * v;
  return samples.length ? Math.sqrt(s / samples.length) : 0;
}
