import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { PAGE_MS } from './hallPages';
import { packPages } from './packPages';

export interface FitItem {
  /** Changes whenever what the item shows changes (its width may change with it). */
  key: string;
  node: ReactNode;
}

/**
 * A wrapping list that never runs under what is below it (the marquee): every item is measured once
 * before paint, then packed into pages the height of the box, row by row as the browser wraps them.
 * With `turn` the pages turn on the clock like the hall's; without it only the first is shown (the
 * newest recent calls come first).
 */
export function FitPages({ items, now, turn, className, testId }: { items: FitItem[]; now: number; turn: boolean; className: string; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  // Where each page starts, once measured; null while every item is on screen to be measured.
  const [starts, setStarts] = useState<number[] | null>(null);
  const [height, setHeight] = useState(0);
  const [fontsLoaded, setFontsLoaded] = useState(0);
  const signature = items.map((i) => i.key).join('\u0000');

  useLayoutEffect(() => setStarts(null), [signature, height, fontsLoaded]);
  useLayoutEffect(() => {
    const el = box.current;
    if (starts !== null || !el) return;
    const style = getComputedStyle(el);
    const sizes = [...el.querySelectorAll(':scope > [data-fit]')].map((c) => {
      const r = c.getBoundingClientRect();
      return { width: r.width, height: r.height };
    });
    setStarts(packPages(sizes, { width: el.clientWidth, height: el.clientHeight, rowGap: parseFloat(style.rowGap) || 0, columnGap: parseFloat(style.columnGap) || 0 }));
  });
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const watch = new ResizeObserver(() => setHeight(el.clientHeight));
    watch.observe(el);
    // The web font arrives after the first paint and widens every chip: measure again then.
    const fonts = () => setFontsLoaded((n) => n + 1);
    document.fonts.addEventListener('loadingdone', fonts);
    void document.fonts.ready.then(fonts);
    return () => {
      watch.disconnect();
      document.fonts.removeEventListener('loadingdone', fonts);
    };
  }, []);

  const pages = starts?.length ?? 1;
  const page = starts && turn ? Math.floor(now / PAGE_MS) % pages : 0;
  const shown = starts ? items.slice(starts[page], starts[page + 1] ?? items.length) : items;
  return (
    <div className={`fit-list ${className}`} ref={box} data-testid={testId} data-pages={turn ? pages : 1}>
      {shown.map((i) => (
        <div key={i.key} data-fit>
          {i.node}
        </div>
      ))}
      {turn && pages > 1 && (
        <span className="fit-page" data-testid={testId ? `${testId}-page` : undefined}>
          {page + 1}/{pages}
        </span>
      )}
    </div>
  );
}
