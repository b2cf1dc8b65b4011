// How a wrapping list of chips splits into pages of a fixed box (pure: test/renderer/packPages.test.ts).

export interface Size {
  width: number;
  height: number;
}

export interface Box extends Size {
  rowGap: number;
  columnGap: number;
}

/**
 * Where each page starts: items are laid in rows left to right as flex-wrap lays them (an item too
 * wide for a row has a row to itself), and a page ends before the row that would cross the box's
 * bottom. Every page holds at least one item, so a box too small for any still shows something.
 */
export function packPages(items: Size[], box: Box): number[] {
  const starts = [0];
  let top = 0;
  let rowWidth = 0;
  let rowHeight = 0;
  let rowStart = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i] as Size;
    const fitsRow = rowWidth === 0 || rowWidth + box.columnGap + it.width <= box.width + 0.5;
    if (fitsRow) {
      rowWidth += (rowWidth === 0 ? 0 : box.columnGap) + it.width;
      rowHeight = Math.max(rowHeight, it.height);
    } else {
      top += rowHeight + box.rowGap;
      rowStart = i;
      rowWidth = it.width;
      rowHeight = it.height;
    }
    const pageStart = starts[starts.length - 1] as number;
    if (top + rowHeight > box.height + 0.5 && rowStart > pageStart) {
      // This row does not fit under the page's earlier rows: it begins the next page.
      starts.push(rowStart);
      top = 0;
      rowWidth = 0;
      rowHeight = 0;
      for (let j = rowStart; j <= i; j++) {
        const r = items[j] as Size;
        rowWidth += (rowWidth === 0 ? 0 : box.columnGap) + r.width;
        rowHeight = Math.max(rowHeight, r.height);
      }
    }
  }
  return starts;
}
