import { afterEach } from 'vitest';
import type { Host } from '../../electron/host/host';
import { AddressClient } from './addressClient';
import { tempHost } from './tempHost';
import type { TempHostOptions } from './tempHost';

/**
 * For a file whose tests each start their own host and play clients on their own addresses:
 * `start` starts this test's host, `client` opens a keep-alive client on it, and after each test,
 * pass or fail, the clients are closed and then the host, so the next test starts clean.
 */
export function hostPerTest(): {
  start: (opts?: TempHostOptions) => Promise<Host>;
  client: (address?: string, headers?: Record<string, string>) => AddressClient;
  host: () => Host;
} {
  let host: Host | undefined;
  const clients: AddressClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await host?.close();
    host = undefined;
  });
  const current = () => {
    if (!host) throw new Error('no host: call start() in the test first');
    return host;
  };
  return {
    start: async (opts) => (host = await tempHost(opts)),
    client: (address = '127.0.0.1', headers = {}) => {
      const c = new AddressClient(current().port, address, headers);
      clients.push(c);
      return c;
    },
    host: current,
  };
}
