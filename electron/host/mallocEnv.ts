// glibc's malloc raises its mmap threshold to the size of the largest freed block (up to 32 MB)
// and then keeps up to twice that free in every arena before it gives memory back. A host frees
// such blocks all day (a 16 MB scrypt buffer per sign-in, file and socket buffers), so without a
// fixed threshold its resident memory climbs by tens of MB and stays there (#14: 137 → 166 MB
// over 1,000 tickets; with these settings ≈ 100 MB, flat). glibc reads them only at process
// start, so `npm run serve` on Linux starts the host once more with them set.
export const MALLOC_ENV: Readonly<Record<string, string>> = { MALLOC_TRIM_THRESHOLD_: '131072', MALLOC_MMAP_THRESHOLD_: '131072' };

/** Does this process need a restart with MALLOC_ENV (glibc, and not set by whoever started it)? */
export function needsMallocEnv(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  if (platform !== 'linux' || env.MOTCUA_NO_MALLOC_ENV === '1') return false;
  // Set by hand (or by a systemd unit) to other values: theirs wins.
  return !Object.keys(MALLOC_ENV).some((k) => env[k] !== undefined);
}
