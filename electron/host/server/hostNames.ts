import os from 'node:os';

/**
 * The names a browser may use to reach this host: its own interface addresses, its machine
 * name, localhost, the public base URL the office configured, and any MOTCUA_ALLOWED_HOSTS.
 * Anything else in a Host header is a DNS-rebinding page pretending to be us.
 */
export function ownHostNames(extra: readonly string[] = []): Set<string> {
  const names = new Set<string>(['localhost', '127.0.0.1', '::1']);
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) names.add(a.address.toLowerCase());
  }
  const machine = os.hostname().toLowerCase();
  if (machine) {
    names.add(machine);
    names.add(`${machine}.local`);
  }
  for (const e of extra) {
    const n = hostOnly(e);
    if (n) names.add(n);
  }
  return names;
}

/** "192.168.1.10:8080" → "192.168.1.10"; "[::1]:80" → "::1"; a URL → its host name. */
export function hostOnly(value: string): string | null {
  let v = value.trim().toLowerCase();
  if (!v) return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(v)) {
    try {
      v = new URL(v).host;
    } catch {
      return null;
    }
  }
  if (v.startsWith('[')) {
    const end = v.indexOf(']');
    return end > 0 ? v.slice(1, end) : null;
  }
  const colon = v.indexOf(':');
  // More than one colon and no brackets: a bare IPv6 address.
  if (colon >= 0 && v.indexOf(':', colon + 1) >= 0) return v;
  return colon >= 0 ? v.slice(0, colon) : v;
}
