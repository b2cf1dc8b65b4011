import { RATING_LABELS } from './labels';

export type Scale = 3 | 4 | 5;

export interface SatisfactionLevel {
  levels: Scale;
  score: number;
  count: number;
  vi: string;
  en: string;
}

const isScale = (n: number): n is Scale => n === 3 || n === 4 || n === 5;

/**
 * Ratings per level for a chart or a table: best level first, every level of the scale shown even
 * with no votes (an office wants to see "0 Không hài lòng", not a missing bar). Ratings given on an
 * older scale keep their own rows after the office's current scale.
 */
export function satisfactionLevels(byScaleScore: Record<string, number>, currentLevels?: number): SatisfactionLevel[] {
  const scales = new Set<Scale>();
  if (currentLevels !== undefined && isScale(currentLevels)) scales.add(currentLevels);
  for (const key of Object.keys(byScaleScore)) {
    const levels = Number(key.split(':')[0]);
    if (isScale(levels)) scales.add(levels);
  }
  const ordered = [...scales].sort((a, b) => (a === currentLevels ? -1 : b === currentLevels ? 1 : b - a));
  return ordered.flatMap((levels) =>
    RATING_LABELS[levels].map((label, i) => {
      const score = levels - i;
      return { levels, score, count: byScaleScore[`${levels}:${score}`] ?? 0, vi: label.vi, en: label.en };
    }),
  );
}
