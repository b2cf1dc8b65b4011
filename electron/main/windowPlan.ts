// Pure: which window goes on which screen. Re-run whenever a screen is added or removed.
import type { WindowRole } from './shellConfig';

export interface ScreenInfo {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
  primary: boolean;
  touch: boolean;
}

export interface WindowWish {
  role: WindowRole;
  screen: number | 'primary' | 'secondary' | 'touch';
  query: string;
}

export interface PlannedWindow extends WindowWish {
  screenId: number;
  bounds: ScreenInfo['bounds'];
  fullscreen: boolean;
}

/**
 * Each wished window gets the screen it asked for when that screen exists; otherwise the first
 * screen no other window has taken; with a single screen everything stacks on it (the kiosk on
 * top, the display behind, so a one-monitor test bench still works).
 */
export function planWindows(screens: ScreenInfo[], wishes: WindowWish[]): PlannedWindow[] {
  if (screens.length === 0) return [];
  const primary = screens.find((s) => s.primary) ?? (screens[0] as ScreenInfo);
  const taken = new Set<number>();
  const choose = (w: WindowWish): ScreenInfo | undefined => {
    if (typeof w.screen === 'number') return screens[w.screen];
    if (w.screen === 'primary') return primary;
    if (w.screen === 'touch') return screens.find((s) => s.touch) ?? primary;
    return screens.find((s) => !s.primary && !taken.has(s.id)) ?? screens.find((s) => !s.primary);
  };
  return wishes.map((w) => {
    let s = choose(w);
    if (!s || (taken.has(s.id) && screens.length > taken.size)) s = screens.find((x) => !taken.has(x.id)) ?? s ?? primary;
    taken.add(s.id);
    return { ...w, screenId: s.id, bounds: { ...s.bounds }, fullscreen: true };
  });
}
