import type { AnchorHTMLAttributes } from 'react';
import { go } from './nav';

/**
 * A link between the province screens that moves without a reload (the board's socket stays open),
 * and still opens a new tab on Ctrl/⌘-click or a middle click, as any link does.
 */
export function InPageLink({ href, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return (
    <a
      {...rest}
      href={href}
      onClick={(e) => {
        if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        go(href);
      }}
    />
  );
}
