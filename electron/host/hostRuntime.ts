import { MALLOC_ENV, needsMallocEnv } from './mallocEnv';

// V8 sizes its young generation for throughput: each semi-space grows to 16 MB, and what survives
// a scavenge lands in an old generation that V8 lets fill with garbage before it compacts. A host
// allocates a little per request all day, so that slack is most of its growth: #14 measured RSS
// 86 → 138 MB over 100,000 tickets with the heap's live objects flat (two heap snapshots 5,000
// tickets apart: 14.91 and 14.97 MB). With 2 MB semi-spaces the same run stays in a 96–119 MB band
// (docs/RELIABILITY.md) at no measurable CPU cost per lifecycle.
export const HOST_V8_FLAGS: readonly string[] = ['--max-semi-space-size=2'];

/** The V8 flags this Node was not started with (on the command line or in NODE_OPTIONS). */
export function missingV8Flags(execArgv: readonly string[], nodeOptions = ''): string[] {
  const given = [...execArgv, ...nodeOptions.split(/\s+/)].map((a) => a.split('=')[0]?.replace(/_/g, '-'));
  return HOST_V8_FLAGS.filter((f) => !given.includes(f.split('=')[0]));
}

export interface Relaunch {
  execArgv: string[];
  env: Record<string, string>;
}

/**
 * How `npm run serve` must restart Node to run the host with its runtime settings, or null when
 * this process already has them. glibc reads the malloc settings only at process start and V8 its
 * heap sizes only when it creates the heap, so neither can be set from inside.
 */
export function relaunchFor(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, execArgv: readonly string[]): Relaunch | null {
  const flags = missingV8Flags(execArgv, env.NODE_OPTIONS);
  const malloc = needsMallocEnv(platform, env);
  if (!flags.length && !malloc) return null;
  return { execArgv: [...execArgv, ...flags], env: malloc ? { ...MALLOC_ENV } : {} };
}
