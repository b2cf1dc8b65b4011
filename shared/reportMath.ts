// Pure arithmetic of reports: durations kept as exact count/sum/max plus a 10-second histogram,
// so ranges of any length merge cheaply; medians and p90s are read from the histogram (to ±5 s).

export const BUCKET_MS = 10_000;
/** 24 hours of 10-second buckets; anything longer lands in the last one (the max stays exact). */
export const BUCKETS = 8640;

/** Stored form (JSON): histogram as a flat [bucket, count, bucket, count, …] list of non-empty buckets. */
export interface DurationData {
  n: number;
  sum: number;
  max: number;
  h: number[];
}

/** Working form while merging: a dense histogram. */
export interface DurationAcc {
  n: number;
  sum: number;
  max: number;
  counts: Float64Array;
}

export const emptyAcc = (): DurationAcc => ({ n: 0, sum: 0, max: 0, counts: new Float64Array(BUCKETS) });

const bucketOf = (ms: number) => Math.min(BUCKETS - 1, Math.floor(Math.max(0, ms) / BUCKET_MS));

export function addDuration(acc: DurationAcc, ms: number): void {
  const v = Math.max(0, ms);
  acc.n++;
  acc.sum += v;
  acc.max = Math.max(acc.max, v);
  acc.counts[bucketOf(v)]! += 1;
}

export function toData(acc: DurationAcc): DurationData {
  const h: number[] = [];
  acc.counts.forEach((c, b) => {
    if (c) h.push(b, c);
  });
  return { n: acc.n, sum: acc.sum, max: acc.max, h };
}

export function mergeData(into: DurationAcc, from: DurationData): void {
  into.n += from.n;
  into.sum += from.sum;
  into.max = Math.max(into.max, from.max);
  const h = from.h;
  for (let i = 0; i < h.length; i += 2) into.counts[h[i] as number]! += h[i + 1] as number;
}

/** Nearest-rank percentile (p in 0–100) from the histogram: the middle of the bucket holding it. */
export function histPercentile(acc: DurationAcc, p: number): number | null {
  if (acc.n === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * acc.n));
  let seen = 0;
  for (let b = 0; b < BUCKETS; b++) {
    seen += acc.counts[b] as number;
    if (seen >= rank) return Math.min(acc.max, b * BUCKET_MS + BUCKET_MS / 2);
  }
  return acc.max;
}

export interface DurationStats {
  n: number;
  meanMs: number | null;
  medianMs: number | null;
  p90Ms: number | null;
  maxMs: number | null;
}

export function durationStats(acc: DurationAcc): DurationStats {
  return {
    n: acc.n,
    meanMs: acc.n ? acc.sum / acc.n : null,
    medianMs: histPercentile(acc, 50),
    p90Ms: histPercentile(acc, 90),
    maxMs: acc.n ? acc.max : null,
  };
}

/** Percent satisfied: ratings in the top two levels of their own scale, over all ratings. */
export function percentSatisfied(byScaleScore: Record<string, number>): number | null {
  let total = 0;
  let good = 0;
  for (const [key, n] of Object.entries(byScaleScore)) {
    const [levels, score] = key.split(':').map(Number) as [number, number];
    total += n;
    if (score >= levels - 1) good += n;
  }
  return total ? (good / total) * 100 : null;
}
