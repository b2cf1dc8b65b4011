import { encodeWav } from '../../shared/wavFile';

/** A mono 16-bit WAV: `lead` s of silence, `tone` s of a sine, `tail` s of silence. */
export function toneWav(o: { lead?: number; tone: number; tail?: number; rate?: number; freq?: number; amp?: number }): Buffer {
  const rate = o.rate ?? 22050;
  const lead = Math.round((o.lead ?? 0) * rate);
  const tone = Math.round(o.tone * rate);
  const x = new Float32Array(lead + tone + Math.round((o.tail ?? 0) * rate));
  for (let i = 0; i < tone; i++) x[lead + i] = (o.amp ?? 0.5) * Math.sin((2 * Math.PI * (o.freq ?? 440) * i) / rate);
  return Buffer.from(encodeWav(x, rate));
}

/** A WAV with an extra chunk of `padBytes` before its samples: big on disk, short to hear. */
export function paddedWav(seconds: number, padBytes: number): Buffer {
  const w = toneWav({ tone: seconds });
  const pad = Buffer.alloc(8 + padBytes);
  pad.write('LIST', 0, 'ascii');
  pad.writeUInt32LE(padBytes, 4);
  const out = Buffer.concat([w.subarray(0, 36), pad, w.subarray(36)]);
  out.writeUInt32LE(out.length - 8, 4);
  return out;
}
