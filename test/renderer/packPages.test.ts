import { describe, expect, it } from 'vitest';
import { packPages } from '../../renderer/display/packPages';

const box = { width: 300, height: 100, rowGap: 10, columnGap: 10 };
const chip = (width: number, height = 40) => ({ width, height });

describe('packPages: chips into pages of a fixed box, as flex-wrap lays them', () => {
  it('all on one page when they fit', () => {
    expect(packPages([chip(100), chip(100), chip(80), chip(290)], box)).toEqual([0]);
  });

  it('a row that would cross the bottom starts the next page, whole', () => {
    // Rows: [0,1] (40 high), [2] (40), [3,4] (40): the third row's top is at 100, past the box.
    expect(packPages([chip(140), chip(140), chip(200), chip(140), chip(140)], box)).toEqual([0, 3]);
  });

  it('pages depend on each page’s own rows: a wide chip late in the list gets its row', () => {
    // The ward's case: two short names share a row; "Lao động – Thương binh và Xã hội" needs its own.
    const items = [chip(120), chip(150), chip(110), chip(120), chip(290, 45), chip(140, 45)];
    const starts = packPages(items, box);
    expect(starts).toEqual([0, 4]);
    // Every page, laid out again, fits.
    for (let p = 0; p < starts.length; p++) {
      const page = items.slice(starts[p], starts[p + 1]);
      expect(packPages(page, box)).toEqual([0]);
    }
  });

  it('a taller chip in a row makes the row taller', () => {
    // Two rows of two: 40 + 10 + 40 fits in 100; with a 55-high chip in the first row it does not.
    expect(packPages([chip(100), chip(100), chip(100), chip(100)], box)).toEqual([0]);
    expect(packPages([chip(100), chip(100, 55), chip(100), chip(100)], box)).toEqual([0, 2]);
  });

  it('a box too small for any chip still shows one per page, never an empty page', () => {
    expect(packPages([chip(400, 200), chip(400, 200)], box)).toEqual([0, 1]);
    expect(packPages([], box)).toEqual([0]);
  });
});
