import http from 'node:http';

/**
 * A client on its own local address (any of 127.0.0.0/8 on Linux), keeping its connections alive:
 * many phones on the office Wi-Fi from one test process, or one phone sending guesses fast.
 */
export class AddressClient {
  private readonly agent: http.Agent;

  constructor(
    private readonly port: number,
    readonly localAddress = '127.0.0.1',
    private readonly headers: Record<string, string> = {},
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 16, localAddress });
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  req(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const text = body === undefined ? '' : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const r = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers: { ...this.headers, ...(text ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            let json: unknown = raw;
            try {
              json = raw ? JSON.parse(raw) : null;
            } catch {
              // Not JSON: keep the text.
            }
            resolve({ status: res.statusCode ?? 0, body: json });
          });
          res.on('error', reject);
        },
      );
      r.on('error', reject);
      r.end(text);
    });
  }

  post(path: string, body?: unknown) {
    return this.req('POST', path, body);
  }

  /** Send `bodies` in parallel batches of `batch` (each batch waits for the one before). */
  async postMany(path: string, bodies: readonly unknown[], batch = 100) {
    const out: { status: number; body: { error?: { code: string } } }[] = [];
    for (let i = 0; i < bodies.length; i += batch) out.push(...(await Promise.all(bodies.slice(i, i + batch).map((b) => this.post(path, b)))));
    return out;
  }

  close(): void {
    this.agent.destroy();
  }
}

/** The n-th of many distinct loopback addresses, none of them 127.0.0.1: 127.1.0.2, 127.1.0.3 … */
export function loopback(n: number): string {
  return `127.${1 + Math.floor(n / 250)}.0.${2 + (n % 250)}`;
}
