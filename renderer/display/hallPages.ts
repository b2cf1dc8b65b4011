// How a centre's hall TV pages what does not fit (pure: tested in test/renderer/hallPages.test.ts).

/** Five columns of eight rows: 40 counters on one page at 1366×768, legible from 5 m. */
export const GRID_PAGE = 40;
/** Up to this many counters (a floor) the cells are larger: four columns, up to six rows. */
export const ROOMY = 24;
/**
 * Lines under the grid, four to a row, as many rows as the grid leaves room for. Heights in vh,
 * from hallGrid.css: the side column holds 68vh of rows once its two headings are placed; a large
 * cell's row takes 8.25vh, a small one's 6.55vh, a line's 6.3vh.
 */
export function waitingPage(counters: number): number {
  const roomy = counters <= ROOMY;
  const rows = Math.ceil(Math.min(counters, GRID_PAGE) / (roomy ? 4 : 5));
  const left = 68 - rows * (roomy ? 8.25 : 6.55);
  return 4 * Math.max(1, Math.floor(left / 6.3));
}
export const PAGE_MS = 10_000;

/** The page shown now: every TV turns its pages on the clock, all at the same moment. */
export function paged<T>(items: T[], size: number, now: number): { shown: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const page = Math.floor(now / PAGE_MS) % pages;
  return { shown: items.slice(page * size, (page + 1) * size), page, pages };
}
