import { describe, expect, it } from 'vitest';
import { GRID_PAGE, paged, waitingPage } from '../../renderer/display/hallPages';

describe('a hall TV’s pages', () => {
  it('past 40 counters the grid turns pages every 10 s, every TV on the same page, the last page holding the rest', () => {
    const counters = Array.from({ length: 45 }, (_, i) => i + 1);
    const t0 = 1_800_000_000_000; // a multiple of 10 s
    expect(paged(counters, GRID_PAGE, t0)).toMatchObject({ page: 0, pages: 2 });
    expect(paged(counters, GRID_PAGE, t0).shown).toHaveLength(40);
    expect(paged(counters, GRID_PAGE, t0 + 9_999).page).toBe(0);
    expect(paged(counters, GRID_PAGE, t0 + 10_000).shown).toEqual([41, 42, 43, 44, 45]);
    expect(paged(counters, GRID_PAGE, t0 + 20_000).page).toBe(0);
    // 40 or fewer: one page, always the same.
    expect(paged(counters.slice(0, 40), GRID_PAGE, t0 + 10_000)).toMatchObject({ page: 0, pages: 1 });
    expect(paged([], GRID_PAGE, t0)).toMatchObject({ shown: [], pages: 1 });
  });

  it('the waiting lines take the rows the grid leaves: four rows under floor 2 (18 counters), two under floor 1 (22) and the whole centre (40)', () => {
    expect(waitingPage(18)).toBe(16);
    expect(waitingPage(22)).toBe(8);
    expect(waitingPage(40)).toBe(8);
    expect(waitingPage(90)).toBe(8);
    expect(waitingPage(11)).toBe(24);
  });
});
