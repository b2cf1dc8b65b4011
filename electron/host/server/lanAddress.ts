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

const ALL_INTERFACES = new Set(['', '0.0.0.0', '::', '[::]']);

/**
 * The address links to this host name (ticket QR, pairing and setup links). A host told to listen
 * on one address (`--host 127.0.0.1`, a second NIC) is reachable there only, so links name it; one
 * listening on every interface is named by its LAN address. IPv6 goes in brackets, as URLs need.
 */
export function linkAddress(listenHost: string | undefined, lan: () => string): () => string {
  const host = listenHost?.trim() ?? '';
  if (ALL_INTERFACES.has(host)) return lan;
  const named = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return () => named;
}
