import { useEffect, useRef } from 'react';

/** Staff PCs: one key per action (shown on the buttons); ignored while typing in a field. */
export const SHORTCUTS = { next: 'N', recall: 'R', start: 'S', skip: 'B', park: 'G', transfer: 'C', finish: 'H', pause: 'P' } as const;
export type ShortcutAction = keyof typeof SHORTCUTS;

export function useShortcuts(handler: (a: ShortcutAction) => void): void {
  const h = useRef(handler);
  h.current = handler;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')) return;
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      const key = e.key.toUpperCase();
      const action = (Object.keys(SHORTCUTS) as ShortcutAction[]).find((a) => SHORTCUTS[a] === key);
      if (action) {
        e.preventDefault();
        h.current(action);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
