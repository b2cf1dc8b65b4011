import { useEffect, useRef } from 'react';

/** Seconds before the reset when the kiosk chimes and the countdown turns urgent. */
export const IDLE_WARN_SECONDS = 10;

/**
 * The idle reset warns by sound as well as on screen (#31): someone who cannot see the countdown,
 * or is reading their papers, hears that the kiosk is about to start over and can touch it.
 * One chime per approach; touching the screen (the countdown going back up) re-arms it.
 */
export function useIdleWarning(left: number | null): boolean {
  const warned = useRef(false);
  const urgent = left !== null && left <= IDLE_WARN_SECONDS;
  useEffect(() => {
    if (!urgent) {
      warned.current = false;
      return;
    }
    if (warned.current) return;
    warned.current = true;
    const w = window as unknown as { __idleWarnings?: number };
    w.__idleWarnings = (w.__idleWarnings ?? 0) + 1;
    const chime = new Audio('/audio/vi/chime.ogg');
    chime.volume = 0.6;
    // A kiosk nobody has touched yet may not play sound; the on-screen warning still shows.
    chime.play().catch(() => undefined);
  }, [urgent]);
  return urgent;
}
