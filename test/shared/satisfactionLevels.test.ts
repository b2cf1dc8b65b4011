import { describe, expect, it } from 'vitest';
import { satisfactionLevels } from '../../shared/satisfactionLevels';

describe('satisfaction levels for the chart and the export', () => {
  it('orders best to worst and keeps levels nobody chose', () => {
    // Object key order as the rollup happens to produce it: worst first, one level missing.
    const rows = satisfactionLevels({ '4:1': 2, '4:3': 5, '4:4': 11 }, 4);
    expect(rows.map((r) => [r.score, r.vi, r.count])).toEqual([
      [4, 'Rất hài lòng', 11],
      [3, 'Hài lòng', 5],
      [2, 'Bình thường', 0],
      [1, 'Không hài lòng', 2],
    ]);
  });

  it('shows the office scale with zeros when there are no ratings yet, and an old scale after the current one', () => {
    expect(satisfactionLevels({}, 3).map((r) => r.count)).toEqual([0, 0, 0]);
    const mixed = satisfactionLevels({ '5:5': 1, '3:1': 4 }, 3);
    expect(mixed.map((r) => `${r.levels}:${r.score}`)).toEqual(['3:3', '3:2', '3:1', '5:5', '5:4', '5:3', '5:2', '5:1']);
    expect(mixed.find((r) => r.levels === 3 && r.score === 1)?.count).toBe(4);
  });
});
