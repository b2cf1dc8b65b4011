import net from 'node:net';

/**
 * A TCP hop between an office and its hub that the test can cut like a failing commune link: while
 * cut, connections are accepted and then hear nothing (packets dropped, not refused), which is what
 * makes a careless client wait; restored, traffic flows again.
 */
export interface LinkCutter {
  port: number;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function linkCutter(targetPort: number): Promise<LinkCutter> {
  let isCut = false;
  const clients = new Set<net.Socket>();
  const pairs = new Map<net.Socket, net.Socket>();
  const server = net.createServer((client) => {
    clients.add(client);
    client.on('close', () => clients.delete(client));
    client.on('error', () => client.destroy());
    if (isCut) return; // held silent
    const upstream = net.connect({ host: '127.0.0.1', port: targetPort });
    pairs.set(client, upstream);
    const hangUp = () => client.destroy();
    upstream.on('close', hangUp);
    upstream.on('error', hangUp);
    client.on('close', () => {
      pairs.delete(client);
      upstream.destroy();
    });
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const silence = () => {
    // The hub's side goes away; the office's side stays open and hears nothing more.
    for (const [client, upstream] of pairs) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      upstream.removeAllListeners('close');
      upstream.removeAllListeners('error');
      upstream.on('error', () => undefined);
      upstream.destroy();
    }
    pairs.clear();
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut: () => {
      isCut = true;
      // A request mid-way is never answered.
      silence();
    },
    restore: () => {
      isCut = false;
      // Connections held during the cut are dead (their client would give up on its own timeout).
      for (const c of clients) c.destroy();
    },
    close: async () => {
      silence();
      for (const c of clients) c.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
