import type http from 'node:http';
import type net from 'node:net';

/** Per HTTP server: the reverse proxies whose X-Forwarded-For is believed. */
const trustedBy = new WeakMap<net.Server, ReadonlySet<string>>();

const plain = (address: string) => address.replace(/^::ffff:/, '');

/** Believe X-Forwarded-For only from these addresses (the province's reverse proxy). */
export function trustProxies(server: net.Server, addresses: readonly string[]): void {
  trustedBy.set(server, new Set(addresses.map(plain)));
}

export function isTrustedProxy(server: net.Server, address: string | undefined): boolean {
  return trustedBy.get(server)?.has(plain(address ?? '')) ?? false;
}

/**
 * The caller's address, as guess budgets charge it. Behind a reverse proxy every request comes from
 * the proxy, so all offices and strangers would share one budget: from a trusted proxy the address
 * is the nearest hop of X-Forwarded-For that is not itself a trusted proxy. From anyone else the
 * header is ignored, so a stranger cannot pick a fresh address per guess.
 */
export function guesserOf(req: http.IncomingMessage): string {
  const peer = plain(req.socket.remoteAddress ?? '');
  const server = (req.socket as net.Socket & { server?: net.Server }).server;
  const trusted = server ? trustedBy.get(server) : undefined;
  const forwarded = req.headers['x-forwarded-for'];
  if (!trusted?.has(peer) || typeof forwarded !== 'string') return peer;
  const hops = forwarded.split(',').map((h) => plain(h.trim())).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i] as string)) return hops[i] as string;
  return peer;
}
