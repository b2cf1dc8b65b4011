import os from 'node:os';

/** The first IPv4 address other machines on the LAN can reach this host at, or 'localhost'. */
export function firstLanAddress(interfaces: ReturnType<typeof os.networkInterfaces> = os.networkInterfaces()): string {
  for (const list of Object.values(interfaces)) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return 'localhost';
}

/**
 * The LAN address, looked up at most every `ttlMs`: every issued ticket's QR names it, and asking
 * the OS for its interfaces costs about a millisecond a time (#14 measured it on the issue path).
 * A DHCP lease that changes is picked up within the minute.
 */
export function cachedLanAddress(now: () => number = Date.now, ttlMs = 60_000, lookup: () => string = firstLanAddress): () => string {
  let value = '';
  let at = -Infinity;
  return () => {
    const t = now();
    if (t - at >= ttlMs || t < at) {
      value = lookup();
      at = t;
    }
    return value;
  };
}
