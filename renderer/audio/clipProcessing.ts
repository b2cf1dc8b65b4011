// What the admin's browser does to a take before it is kept (issue #31): cut the silence before
// and after the words, so clips join without gaps in a call, and bring the loudness to one level,
// so a recorded word is not softer than the generated one beside it. Pure, so it is tested on
// samples without a microphone.

/** 10 ms frames; voice is a frame within 35 dB of the loudest, and never below −55 dBFS. */
export const TRIM = { frameMs: 10, belowPeakDb: 35, floorDb: -55, padMs: 40 } as const;
/**
 * Loudness: the RMS of the voiced frames is brought to −18 dBFS (about the generated clips'
 * speech level), capped so the peak stays at or under −1 dBFS: RMS for an even level between
 * words read at different distances, the peak cap so a loud syllable never clips.
 */
export const LOUDNESS = { targetRmsDb: -18, peakCeilingDb: -1 } as const;

const db = (x: number) => 20 * Math.log10(Math.max(x, 1e-9));
const fromDb = (d: number) => 10 ** (d / 20);

function frameRms(x: Float32Array, rate: number): { size: number; rms: Float32Array } {
  const size = Math.max(1, Math.round((rate * TRIM.frameMs) / 1000));
  const rms = new Float32Array(Math.ceil(x.length / size));
  for (let f = 0; f < rms.length; f++) {
    let s = 0;
    const end = Math.min(x.length, (f + 1) * size);
    for (let i = f * size; i < end; i++) s += (x[i] as number) ** 2;
    rms[f] = Math.sqrt(s / Math.max(1, end - f * size));
  }
  return { size, rms };
}

/** The samples from the first voiced frame to the last, with a little air kept at each end; null: no voice. */
export function voicedSpan(x: Float32Array, rate: number): { start: number; end: number } | null {
  const { size, rms } = frameRms(x, rate);
  let peak = 0;
  for (const r of rms) peak = Math.max(peak, r);
  const threshold = Math.max(peak * fromDb(-TRIM.belowPeakDb), fromDb(TRIM.floorDb));
  if (peak < threshold) return null;
  let first = -1;
  let last = -1;
  rms.forEach((r, f) => {
    if (r >= threshold) {
      if (first < 0) first = f;
      last = f;
    }
  });
  if (first < 0) return null;
  const pad = Math.round((rate * TRIM.padMs) / 1000);
  return { start: Math.max(0, first * size - pad), end: Math.min(x.length, (last + 1) * size + pad) };
}

export interface ProcessedTake {
  samples: Float32Array;
  rate: number;
  /** Length as recorded and as kept, seconds. */
  recordedSeconds: number;
  seconds: number;
  /** The gain applied, dB. */
  gainDb: number;
}

/** Trim, then level: the take as it will be kept; null when nothing louder than the floor was heard. */
export function processTake(x: Float32Array, rate: number): ProcessedTake | null {
  const span = voicedSpan(x, rate);
  if (!span) return null;
  const cut = x.slice(span.start, span.end);
  const { rms } = frameRms(cut, rate);
  let peakFrame = 0;
  for (const r of rms) peakFrame = Math.max(peakFrame, r);
  const threshold = Math.max(peakFrame * fromDb(-TRIM.belowPeakDb), fromDb(TRIM.floorDb));
  // The level of the words only: the pauses between them would pull the average down.
  let sum = 0;
  let n = 0;
  for (const r of rms) {
    if (r >= threshold) {
      sum += r * r;
      n++;
    }
  }
  const speechRms = Math.sqrt(sum / Math.max(1, n));
  let peak = 0;
  for (const v of cut) peak = Math.max(peak, Math.abs(v));
  const gainDb = Math.min(LOUDNESS.targetRmsDb - db(speechRms), LOUDNESS.peakCeilingDb - db(peak));
  const g = fromDb(gainDb);
  for (let i = 0; i < cut.length; i++) cut[i] = (cut[i] as number) * g;
  return { samples: cut, rate, recordedSeconds: x.length / rate, seconds: cut.length / rate, gainDb: Math.round(gainDb * 10) / 10 };
}
