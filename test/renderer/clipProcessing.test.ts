import { describe, expect, it } from 'vitest';
import { LOUDNESS, processTake, voicedSpan } from '../../renderer/audio/clipProcessing';

const RATE = 22050;
/** `lead` s of low noise, a tone of `tone` s at `amp`, `tail` s of low noise. */
function take(lead: number, tone: number, tail: number, amp: number, noise = 0.001): Float32Array {
  const n = Math.round((lead + tone + tail) * RATE);
  const x = new Float32Array(n);
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  for (let i = 0; i < n; i++) x[i] = noise * rnd();
  const a = Math.round(lead * RATE);
  for (let i = 0; i < Math.round(tone * RATE); i++) x[a + i] = (x[a + i] as number) + amp * Math.sin((2 * Math.PI * 300 * i) / RATE);
  return x;
}
const dbRms = (x: Float32Array) => 20 * Math.log10(Math.sqrt(x.reduce((s, v) => s + v * v, 0) / x.length));
const dbPeak = (x: Float32Array) => 20 * Math.log10(x.reduce((m, v) => Math.max(m, Math.abs(v)), 0));

describe('a take is trimmed and levelled before it is kept', () => {
  it('cuts the silence before and after the words, keeping 40 ms of air at each end', () => {
    const span = voicedSpan(take(1.2, 0.8, 1.5, 0.3), RATE);
    expect(span).not.toBeNull();
    expect((span as { start: number }).start / RATE).toBeCloseTo(1.2 - 0.04, 1);
    expect((span as { end: number }).end / RATE).toBeCloseTo(2.0 + 0.04, 1);
    const p = processTake(take(1.2, 0.8, 1.5, 0.3), RATE);
    expect(p?.recordedSeconds).toBeCloseTo(3.5, 2);
    expect(p?.seconds).toBeGreaterThan(0.8);
    expect(p?.seconds).toBeLessThan(0.95);
  });

  it('brings a soft and a loud reading to the same RMS level (−18 dBFS)', () => {
    for (const amp of [0.02, 0.3, 0.9]) {
      const p = processTake(take(0.5, 1, 0.5, amp), RATE);
      const mid = (p?.samples as Float32Array).subarray(2000, (p?.samples.length as number) - 2000);
      expect(dbRms(mid)).toBeCloseTo(LOUDNESS.targetRmsDb, 0);
    }
  });

  it('never lets a peak pass −1 dBFS: a spiky take is levelled by its peak instead', () => {
    const x = take(0.3, 1, 0.3, 0.05);
    // A click ten times louder than the words.
    x[Math.round(0.8 * RATE)] = 0.95;
    const p = processTake(x, RATE);
    expect(dbPeak(p?.samples as Float32Array)).toBeLessThanOrEqual(LOUDNESS.peakCeilingDb + 0.01);
    expect(dbPeak(p?.samples as Float32Array)).toBeGreaterThan(LOUDNESS.peakCeilingDb - 0.1);
  });

  it('a take with nothing above the floor is not a clip', () => {
    expect(processTake(new Float32Array(RATE), RATE)).toBeNull();
    expect(processTake(take(1, 0, 1, 0, 0.0005), RATE)).toBeNull();
  });
});
