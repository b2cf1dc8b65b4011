import fs from 'node:fs';

export interface OpenFileLimit {
  soft: number;
  hard: number;
}

/**
 * "Max open files  1024  524288  files" → { soft: 1024, hard: 524288 } ("unlimited" is Infinity).
 * Every socket the host holds is an open file, so this is the ceiling its socket caps are cut from.
 */
export function parseOpenFileLimit(limits: string): OpenFileLimit | null {
  const line = limits.split('\n').find((l) => l.startsWith('Max open files'));
  const m = line?.match(/^Max open files\s+(\d+|unlimited)\s+(\d+|unlimited)/);
  if (!m) return null;
  const n = (v: string) => (v === 'unlimited' ? Infinity : Number(v));
  return { soft: n(m[1] as string), hard: n(m[2] as string) };
}

/**
 * This process's limit, or null where the OS does not say (not Linux). Node itself raises the soft
 * limit to the hard one as it starts on Linux and macOS (node.cc, PlatformInit), so `npm run serve`
 * already runs at the most the OS allows it; what it reads here is what it really has.
 */
export function openFileLimit(read: () => string = () => fs.readFileSync('/proc/self/limits', 'utf8')): OpenFileLimit | null {
  try {
    return parseOpenFileLimit(read());
  } catch {
    return null;
  }
}
