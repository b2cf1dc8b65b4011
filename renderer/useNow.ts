import { useEffect, useState } from 'react';

export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/**
 * Calls `onIdle` after `ms` without a touch, click or key; any input restarts the wait. Returns the
 * whole seconds left (null while not active), so a public screen can show that it will go back.
 */
export function useIdle(ms: number, onIdle: () => void, active: boolean): number | null {
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    if (!active || ms <= 0) {
      setLeft(null);
      return;
    }
    let deadline = Date.now() + ms;
    const show = () => setLeft(Math.max(0, Math.ceil((deadline - Date.now()) / 1000)));
    let timer = setTimeout(onIdle, ms);
    const reset = () => {
      clearTimeout(timer);
      deadline = Date.now() + ms;
      timer = setTimeout(onIdle, ms);
      show();
    };
    show();
    const tick = setInterval(show, 250);
    const events = ['pointerdown', 'keydown', 'touchstart'];
    for (const e of events) window.addEventListener(e, reset, { passive: true });
    return () => {
      clearTimeout(timer);
      clearInterval(tick);
      for (const e of events) window.removeEventListener(e, reset);
    };
  }, [ms, onIdle, active]);
  return left;
}
